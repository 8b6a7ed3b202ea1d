# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OpsContractReviewLog(models.Model):
    """One decision of a contract review: what the lead-time report reads.

    Written by the server when a reviewer decides; nobody edits it.
    """

    _name = "ops.contract.review.log"
    _description = "Contract Review Decision"
    _order = "decided_date desc, id desc"

    order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    salesperson_id = fields.Many2one(
        related="order_id.user_id", store=True, string="Salesperson"
    )
    definition_id = fields.Many2one(
        "tier.definition", string="Step Definition", readonly=True, ondelete="set null"
    )
    name = fields.Char(string="Step", readonly=True)
    user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    requested_date = fields.Datetime(readonly=True)
    decided_date = fields.Datetime(readonly=True)
    status = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected")], readonly=True
    )
    comment = fields.Char(readonly=True)
    lead_time_hours = fields.Float(
        string="Lead Time (hours)",
        compute="_compute_lead_time",
        store=True,
        aggregator="avg",
    )

    @api.depends("requested_date", "decided_date")
    def _compute_lead_time(self):
        for log in self:
            if log.requested_date and log.decided_date:
                delta = log.decided_date - log.requested_date
                log.lead_time_hours = round(delta.total_seconds() / 3600.0, 2)
            else:
                log.lead_time_hours = 0.0
