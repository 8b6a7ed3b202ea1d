# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_service_manager_id = fields.Many2one(
        "res.users",
        string="Customer Service Manager",
        help="Second escalation level: tickets still overdue after the team "
        "leader was alerted are escalated to this person.",
    )
    ops_service_escalation_hours = fields.Integer(
        string="Hours Before Second Escalation",
        default=4,
        help="Hours after the escalation to the team leader before an overdue "
        "ticket is escalated to the customer service manager.",
    )
    ops_service_revisit_days = fields.Integer(
        string="Complaint Revisit Delay (days)",
        default=3,
        help="A revisit (回访) is planned this many days after a complaint closes.",
    )

    _sql_constraints = [
        (
            "ops_service_escalation_hours_positive",
            "CHECK(ops_service_escalation_hours >= 0)",
            "The delay before the second escalation cannot be negative.",
        ),
        (
            "ops_service_revisit_days_positive",
            "CHECK(ops_service_revisit_days >= 0)",
            "The revisit delay cannot be negative.",
        ),
    ]
