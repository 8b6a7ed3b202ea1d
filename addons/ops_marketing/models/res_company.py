# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

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
