# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server

from .ops_marketing_campaign import safe_ratio


class OpsMarketingCampaignChannel(models.Model):
    """Targets of a campaign on one channel, next to the channel's actuals."""

    _name = "ops.marketing.campaign.channel"
    _description = "Campaign Channel Targets"
    _order = "campaign_id, channel_id"
    _rec_name = "channel_id"
    _inherit = ["ops.marketing.number.mixin"]
    _check_company_auto = True

    _ops_marketing_number_fields = (
        "target_impressions",
        "target_clicks",
        "target_conversions",
        "target_followers",
    )

    campaign_id = fields.Many2one(
        "ops.marketing.campaign", required=True, index=True, ondelete="cascade"
    )
    channel_id = fields.Many2one(
        "ops.marketing.channel", required=True, ondelete="restrict", check_company=True
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

    def _ops_check_campaign_draft(self, campaigns):
        """Channel targets are part of the approved plan: they change while
        the campaign is a draft, or through its budget change request."""
        if is_server(self):
            return
        locked = campaigns.filtered(lambda c: c.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "The channel targets of “%(campaign)s” were approved with it "
                    "and can no longer be changed. Request a change of the "
                    "campaign or reset it to draft.",
                    campaign=locked[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # Checked on the created lines: the campaign may also come from a
        # ``default_campaign_id`` context key, not only from the values.
        self._ops_check_campaign_draft(lines.campaign_id)
        return lines

    def write(self, vals):
        campaigns = self.campaign_id
        if vals.get("campaign_id"):
            campaigns |= campaigns.browse(vals["campaign_id"])
        self._ops_check_campaign_draft(campaigns)
        return super().write(vals)

    def unlink(self):
        self._ops_check_campaign_draft(self.campaign_id)
        return super().unlink()

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
