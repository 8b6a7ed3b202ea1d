# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsBrandPlan(models.Model):
    """Yearly brand plan (品牌规划): targets and actuals of the brand."""

    _name = "ops.brand.plan"
    _description = "Brand Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.marketing.state.guard",
        "ops.marketing.number.mixin",
    ]
    _order = "year desc, brand_id"
    _check_company_auto = True

    _ops_marketing_initial_state = "draft"
    _ops_marketing_transitions = {"draft": ("active",), "active": ("closed",)}
    _ops_marketing_number_fields = (
        "year",
        "target_market_share",
        "actual_market_share",
        "target_awareness",
        "actual_awareness",
        "target_reputation",
        "actual_reputation",
    )

    name = fields.Char(compute="_compute_name", store=True)
    brand_id = fields.Many2one(
        "res.brand", required=True, index=True, tracking=True, check_company=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )
    target_market_share = fields.Float(string="Target Market Share (%)", tracking=True)
    actual_market_share = fields.Float(string="Actual Market Share (%)", tracking=True)
    target_awareness = fields.Float(string="Target Awareness (%)", tracking=True)
    actual_awareness = fields.Float(string="Actual Awareness (%)", tracking=True)
    target_reputation = fields.Float(
        string="Target Reputation Score", help="Score out of 100", tracking=True
    )
    actual_reputation = fields.Float(
        string="Actual Reputation Score", help="Score out of 100", tracking=True
    )
    market_share_gap = fields.Float(compute="_compute_gaps", store=True)
    awareness_gap = fields.Float(compute="_compute_gaps", store=True)
    reputation_gap = fields.Float(compute="_compute_gaps", store=True)
    promotion_strategy = fields.Html()
    maintenance_plan = fields.Html(string="Plan Maintenance")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )

    _sql_constraints = [
        (
            "brand_year_uniq",
            "unique(brand_id, year, company_id)",
            "A brand has one plan per year.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "company_id" in vals:
            # The company rule filters reads, not the new company written.
            self.check_access("write")
        return res

    @api.depends("brand_id.name", "year")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.brand_id.name or ''} {plan.year or ''}".strip()

    @api.depends(
        "target_market_share",
        "actual_market_share",
        "target_awareness",
        "actual_awareness",
        "target_reputation",
        "actual_reputation",
    )
    def _compute_gaps(self):
        for plan in self:
            plan.market_share_gap = plan.actual_market_share - plan.target_market_share
            plan.awareness_gap = plan.actual_awareness - plan.target_awareness
            plan.reputation_gap = plan.actual_reputation - plan.target_reputation

    @api.constrains(
        "target_market_share",
        "actual_market_share",
        "target_awareness",
        "actual_awareness",
        "target_reputation",
        "actual_reputation",
    )
    def _check_percentages(self):
        for plan in self:
            values = (
                plan.target_market_share,
                plan.actual_market_share,
                plan.target_awareness,
                plan.actual_awareness,
                plan.target_reputation,
                plan.actual_reputation,
            )
            # NaN compares False with everything: test finiteness first.
            if any(not math.isfinite(v) or v < 0 or v > 100 for v in values):
                raise ValidationError(
                    self.env._("Shares, awareness and scores lie between 0 and 100.")
                )

    def action_activate(self):
        self._ops_marketing_check_user()
        return self._ops_marketing_set_state("active")

    def action_close(self):
        self._ops_marketing_check_user()
        return self._ops_marketing_set_state("closed")
