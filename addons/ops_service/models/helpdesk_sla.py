# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    ticket_priority = fields.Selection(
        selection=[
            ("0", "Low"),
            ("1", "Medium"),
            ("2", "High"),
            ("3", "Very High"),
        ],
        help="Applies only to tickets of this priority; empty: any priority.",
    )
    sla_type = fields.Selection(
        selection=[
            ("response", "First Response"),
            ("resolution", "Resolution"),
        ],
        string="SLA Type",
        help="First response: the ticket must leave its unattended stage. "
        "Resolution: the ticket must be solved. Used for breach reporting.",
    )
