# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.ops_marketing_campaign import check_campaign_readable


class OpsMarketingCampaignChange(models.TransientModel):
    """Change of a running campaign's budget or dates, sent for approval."""

    _name = "ops.marketing.campaign.change"
    _description = "Campaign Change Request"
    _inherit = ["ops.marketing.number.mixin"]

    _ops_marketing_number_fields = ("budget",)

    campaign_id = fields.Many2one(
        "ops.marketing.campaign", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    budget = fields.Monetary(string="New Budget", required=True)
    date_start = fields.Date(string="New Start Date", required=True)
    date_end = fields.Date(string="New End Date", required=True)
    reason = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        check_campaign_readable(records)
        return records

    def write(self, vals):
        res = super().write(vals)
        if "campaign_id" in vals:
            check_campaign_readable(self)
        return res

    def action_confirm(self):
        self.ensure_one()
        self.campaign_id._ops_request_change(
            {
                "budget": self.budget,
                "date_start": self.date_start,
                "date_end": self.date_end,
            },
            self.reason,
        )
        return {"type": "ir.actions.act_window_close"}
