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

    _sql_constraints = [
        (
            "ops_regulation_review_months_positive",
            "CHECK(ops_regulation_review_months > 0)",
            "The regulation review interval must be at least one month.",
        ),
    ]
