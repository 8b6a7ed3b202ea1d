# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The channels every company starts with: copies of the installing company's.
DEFAULT_CHANNELS = (
    "ops_marketing.channel_website",
    "ops_marketing.channel_wechat",
    "ops_marketing.channel_weibo",
    "ops_marketing.channel_douyin",
    "ops_marketing.channel_search",
    "ops_marketing.channel_offline_event",
    "ops_marketing.channel_press",
)


class ResCompany(models.Model):
    _inherit = ["res.company", "ops.marketing.number.mixin"]
    _name = "res.company"

    _ops_marketing_number_fields = (
        "ops_campaign_gm_threshold",
        "ops_campaign_evaluation_days",
        "ops_layer_important_revenue",
        "ops_layer_potential_opportunities",
        "ops_churn_days",
    )

    ops_campaign_gm_threshold = fields.Monetary(
        string="Campaign Budget Needing General Manager",
        currency_field="currency_id",
        default=100000.0,
        help="Campaigns whose budget exceeds this amount are also approved by "
        "the general manager, after the marketing manager.",
    )
    ops_campaign_evaluation_days = fields.Integer(
        string="Campaign Evaluation Delay (days)",
        default=7,
        help="The owner of a campaign ended more than this many days ago "
        "without an evaluation is reminded every day.",
    )
    ops_layer_important_revenue = fields.Monetary(
        string="Important Customer Revenue (12 months)",
        currency_field="currency_id",
        default=100000.0,
        help="Customers whose won revenue over the last 12 months reaches this "
        "amount are important customers.",
    )
    ops_layer_potential_opportunities = fields.Integer(
        string="Potential Customer Open Opportunities",
        default=1,
        help="Customers with at least this many open opportunities are "
        "potential customers (unless important).",
    )
    ops_churn_days = fields.Integer(
        string="Churn Risk After (days)",
        default=90,
        help="A customer without any won deal or contact for this many days is "
        "at risk of churning and gets a revisit activity.",
    )

    _sql_constraints = [
        (
            "ops_campaign_evaluation_days_positive",
            "CHECK(ops_campaign_evaluation_days >= 0)",
            "The campaign evaluation delay cannot be negative.",
        ),
        (
            "ops_churn_days_positive",
            "CHECK(ops_churn_days > 0)",
            "The churn risk delay must be at least one day.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._ops_marketing_default_channels()
        return companies

    @api.model
    def _ops_marketing_init_companies(self):
        """Give every existing company the default channels (install, -u)."""
        self.sudo().search([("id", "!=", 0)])._ops_marketing_default_channels()
        return True

    def _ops_marketing_default_channels(self):
        """Create the default channels a company lacks, by code.

        Copies keep the translations of the names; a code the company already
        has (even archived) is never duplicated, so this is safe to re-run.
        """
        Channel = (
            self.env["ops.marketing.channel"].sudo().with_context(active_test=False)
        )
        templates = Channel.browse()
        for xmlid in DEFAULT_CHANNELS:
            templates |= self.env.ref(xmlid, raise_if_not_found=False) or Channel
        if not templates:
            return Channel
        existing = {
            (channel.company_id.id, channel.code)
            for channel in Channel.search([("company_id", "in", self.ids)])
        }
        created = Channel.browse()
        for company in self:
            for template in templates.sudo():
                if (company.id, template.code) not in existing:
                    created |= template.copy(
                        {"company_id": company.id, "code": template.code}
                    )
        return created
