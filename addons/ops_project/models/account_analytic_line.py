# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .ops_project_plan_budget_line import BUDGET_CATEGORIES


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    # Finance tags the costs of an operations project with the plan's budget
    # categories: the plan compares them with its budget.
    ops_plan_category = fields.Selection(
        BUDGET_CATEGORIES,
        string="Operations Budget Category",
        index=True,
        help="Budget category of the operations plan this cost belongs to.",
    )
