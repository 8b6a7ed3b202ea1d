# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    # The suite's policies carry Chinese names ("投诉 / 高：首次响应").
    name = fields.Char(translate=True)
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

    @api.constrains("company_id", "category_ids", "team_ids")
    def _check_ops_company(self):
        # A company's policy only names that company's (or shared) categories
        # and teams: another company's kinds would never match its tickets.
        for sla in self.filtered("company_id"):
            others = (sla.category_ids.company_id | sla.team_ids.company_id) - (
                sla.company_id
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "SLA policy %(sla)s of %(company)s cannot use the "
                        "categories or teams of %(others)s.",
                        sla=sla.name,
                        company=sla.company_id.name,
                        others=", ".join(others.mapped("name")),
                    )
                )
