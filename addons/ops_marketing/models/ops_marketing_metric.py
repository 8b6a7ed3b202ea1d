# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server

from .ops_marketing_campaign import safe_ratio

# The results of these campaigns are closed (evaluated) or never counted.
CLOSED_STATES = ("evaluated", "cancel")


class OpsMarketingMetric(models.Model):
    """Daily effect indicators (推广效果评估指标) of a campaign on a channel."""

    _name = "ops.marketing.metric"
    _description = "Campaign Daily Metric"
    _order = "date desc, campaign_id, channel_id"
    _rec_name = "campaign_id"
    _inherit = ["ops.marketing.number.mixin"]
    _check_company_auto = True

    _ops_marketing_number_fields = (
        "impressions",
        "clicks",
        "conversions",
        "followers",
        "cost",
    )

    campaign_id = fields.Many2one(
        "ops.marketing.campaign", required=True, index=True, ondelete="cascade"
    )
    channel_id = fields.Many2one(
        "ops.marketing.channel",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    date = fields.Date(required=True, index=True)
    brand_id = fields.Many2one(related="campaign_id.brand_id", store=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    impressions = fields.Integer()
    clicks = fields.Integer()
    conversions = fields.Integer()
    followers = fields.Integer(string="Follower Growth")
    cost = fields.Monetary(
        string="Reported Spend",
        help="Spend reported by the channel. The campaign's actual cost is its "
        "analytic account's costs when there are any, otherwise the sum of "
        "the reported spend.",
    )
    ctr = fields.Float(
        string="CTR (%)",
        compute="_compute_ratios",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )
    conversion_rate = fields.Float(
        string="Conversion Rate (%)",
        compute="_compute_ratios",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )

    _sql_constraints = [
        (
            "campaign_channel_date_uniq",
            "unique(campaign_id, channel_id, date)",
            "There is already an entry for this campaign, channel and day.",
        ),
        (
            "values_positive",
            "CHECK(impressions >= 0 AND clicks >= 0 AND conversions >= 0 "
            "AND followers >= 0 AND cost >= 0)",
            "Impressions, clicks, conversions, follower growth and spend cannot "
            "be negative.",
        ),
    ]

    def _ops_check_campaign_open(self, campaigns):
        """An evaluated campaign's results were recorded when its evaluation
        closed: its daily figures no longer change."""
        if is_server(self):
            return
        closed = campaigns.filtered(lambda c: c.state in CLOSED_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "“%(campaign)s” is evaluated or cancelled: its daily "
                    "figures can no longer be added, changed or deleted.",
                    campaign=closed[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        metrics = super().create(vals_list)
        self._ops_check_campaign_open(metrics.campaign_id)
        return metrics

    def write(self, vals):
        campaigns = self.campaign_id
        if vals.get("campaign_id"):
            campaigns |= campaigns.browse(vals["campaign_id"])
        self._ops_check_campaign_open(campaigns)
        return super().write(vals)

    def unlink(self):
        self._ops_check_campaign_open(self.campaign_id)
        return super().unlink()

    @api.constrains("clicks", "conversions")
    def _check_conversions(self):
        for metric in self:
            if metric.conversions > metric.clicks:
                raise ValidationError(
                    self.env._(
                        "%(campaign)s, %(channel)s on %(date)s: %(conversions)s "
                        "conversions for %(clicks)s clicks. A conversion follows "
                        "a click: check the figures.",
                        campaign=metric.campaign_id.display_name,
                        channel=metric.channel_id.display_name,
                        date=metric.date,
                        conversions=metric.conversions,
                        clicks=metric.clicks,
                    )
                )

    @api.constrains("impressions", "clicks")
    def _check_clicks(self):
        for metric in self:
            if metric.clicks > metric.impressions:
                raise ValidationError(
                    self.env._(
                        "%(campaign)s, %(channel)s on %(date)s: %(clicks)s clicks "
                        "for %(impressions)s impressions. Every click follows an "
                        "impression: check the figures.",
                        campaign=metric.campaign_id.display_name,
                        channel=metric.channel_id.display_name,
                        date=metric.date,
                        clicks=metric.clicks,
                        impressions=metric.impressions,
                    )
                )

    @api.depends("impressions", "clicks", "conversions")
    def _compute_ratios(self):
        for metric in self:
            metric.ctr = safe_ratio(metric.clicks, metric.impressions)
            metric.conversion_rate = safe_ratio(metric.conversions, metric.clicks)
