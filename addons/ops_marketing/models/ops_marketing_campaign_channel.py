# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .ops_marketing_campaign import safe_ratio


class OpsMarketingCampaignChannel(models.Model):
    """Targets of a campaign on one channel, next to the channel's actuals."""

    _name = "ops.marketing.campaign.channel"
    _description = "Campaign Channel Targets"
    _order = "campaign_id, channel_id"
    _rec_name = "channel_id"

    campaign_id = fields.Many2one(
        "ops.marketing.campaign", required=True, index=True, ondelete="cascade"
    )
    channel_id = fields.Many2one(
        "ops.marketing.channel", required=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    target_impressions = fields.Integer()
    target_clicks = fields.Integer()
    target_conversions = fields.Integer()
    target_followers = fields.Integer(string="Target Follower Growth")
    impressions = fields.Integer(compute="_compute_actuals")
    clicks = fields.Integer(compute="_compute_actuals")
    ctr = fields.Float(string="CTR (%)", compute="_compute_actuals", digits=(16, 2))
    conversions = fields.Integer(compute="_compute_actuals")
    conversion_rate = fields.Float(
        string="Conversion Rate (%)", compute="_compute_actuals", digits=(16, 2)
    )
    followers = fields.Integer(string="Follower Growth", compute="_compute_actuals")

    _sql_constraints = [
        (
            "campaign_channel_uniq",
            "unique(campaign_id, channel_id)",
            "This channel already has targets in this campaign.",
        ),
    ]

    def _compute_actuals(self):
        """All lines' actuals from one grouped query on the daily metrics."""
        groups = (
            self.env["ops.marketing.metric"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", self.campaign_id.ids)],
                ["campaign_id", "channel_id"],
                ["impressions:sum", "clicks:sum", "conversions:sum", "followers:sum"],
            )
        )
        actuals = {
            (campaign.id, channel.id): (imp, clicks, conv, foll)
            for campaign, channel, imp, clicks, conv, foll in groups
        }
        for line in self:
            imp, clicks, conv, foll = actuals.get(
                (line.campaign_id.id, line.channel_id.id), (0, 0, 0, 0)
            )
            line.impressions = imp
            line.clicks = clicks
            line.conversions = conv
            line.followers = foll
            line.ctr = safe_ratio(clicks, imp)
            line.conversion_rate = safe_ratio(conv, clicks)
