# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_regulation_review_months = fields.Integer(
        string="Regulation Review Interval (months)",
        default=12,
        help="Regulations in force are reviewed and revised periodically: "
        "the next review date is the effective date plus this interval.",
    )

    ops_approval_urge_interval_hours = fields.Integer(
        string="Minimum Interval Between Urges (hours)",
        default=4,
        help="A requester can urge (催办) the reviewers of a record at most once "
        "in this many hours.",
    )
    ops_approval_response_days = fields.Integer(
        string="Approval Response Time (days)",
        default=2,
        help="Deadline of each approval step, counted from when it starts "
        "waiting; 0 for no deadline.",
    )

    _sql_constraints = [
        (
            "ops_approval_urge_interval_positive",
            "CHECK(ops_approval_urge_interval_hours >= 0)",
            "The interval between urges cannot be negative.",
        ),
        (
            "ops_approval_response_days_positive",
            "CHECK(ops_approval_response_days >= 0)",
            "The approval response time cannot be negative.",
        ),
        (
            "ops_regulation_review_months_positive",
            "CHECK(ops_regulation_review_months > 0)",
            "The regulation review interval must be at least one month.",
        ),
    ]
