# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "ops.marketing.number.mixin"]

    # Checked before the values reach the company (an "inf" would fail in the
    # conversion, before any constraint could explain it).
    _ops_marketing_number_fields = (
        "ops_campaign_gm_threshold",
        "ops_campaign_evaluation_days",
        "ops_layer_important_revenue",
        "ops_layer_potential_opportunities",
        "ops_churn_days",
    )

    ops_marketing_currency_id = fields.Many2one(
        "res.currency",
        related="company_id.currency_id",
        string="Marketing Currency",
    )
    ops_campaign_gm_threshold = fields.Monetary(
        related="company_id.ops_campaign_gm_threshold",
        currency_field="ops_marketing_currency_id",
        readonly=False,
    )
    ops_campaign_evaluation_days = fields.Integer(
        related="company_id.ops_campaign_evaluation_days", readonly=False
    )
    ops_layer_important_revenue = fields.Monetary(
        related="company_id.ops_layer_important_revenue",
        currency_field="ops_marketing_currency_id",
        readonly=False,
    )
    ops_layer_potential_opportunities = fields.Integer(
        related="company_id.ops_layer_potential_opportunities", readonly=False
    )
    ops_churn_days = fields.Integer(related="company_id.ops_churn_days", readonly=False)
