# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server

# The operations budget of the regulations (运营预算): promotion cost, people,
# technical support. Analytic lines carry the same categories, so that the
# actual spending is read by category too.
BUDGET_CATEGORIES = [
    ("promotion", "Promotion"),
    ("people", "People"),
    ("tech_support", "Technical Support"),
]


class OpsProjectPlanBudgetLine(models.Model):
    """A budget line of an operations plan, on the project's analytic
    account: finance reads the plans' budgets by account and category."""

    _name = "ops.project.plan.budget.line"
    _description = "Operations Plan Budget Line"
    _order = "plan_id, category, id"

    plan_id = fields.Many2one(
        "ops.project.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    account_id = fields.Many2one(
        related="plan_id.account_id", string="Analytic Account", store=True
    )
    is_current = fields.Boolean(
        related="plan_id.is_current", string="Current Version", store=True
    )
    category = fields.Selection(BUDGET_CATEGORIES, required=True)
    name = fields.Char(string="Description", required=True)
    amount = fields.Monetary(string="Planned Amount", currency_field="currency_id")

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The budget line “%(name)s” cannot be negative.",
                        name=line.name,
                    )
                )

    def _ops_check_plan_draft(self, plans):
        """The budget is part of what the reviewers approve: it changes only
        while its plan is in draft, and only by whoever may edit the plan (the
        record rules let the whole department read it)."""
        if is_server(self):
            return True
        plans.with_env(self.env)._ops_check_owner_or_manager()
        for plan in plans:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(plan)s” is %(state)s: its budget can no longer be "
                        "changed. Prepare a new version of the plan instead.",
                        plan=plan.display_name,
                        state=plan._ops_state_label(plan.state),
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["ops.project.plan"].browse(
            [v["plan_id"] for v in vals_list if v.get("plan_id")]
        )
        self._ops_check_plan_draft(plans)
        return super().create(vals_list)

    def write(self, vals):
        plans = self.plan_id
        if vals.get("plan_id"):
            plans |= plans.browse(vals["plan_id"])
        self._ops_check_plan_draft(plans)
        return super().write(vals)

    def unlink(self):
        self._ops_check_plan_draft(self.plan_id)
        return super().unlink()
