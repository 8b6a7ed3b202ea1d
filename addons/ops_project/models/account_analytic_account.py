# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountAnalyticAccount(models.Model):
    """Budgets live on the analytic account so finance reads them in the
    standard analytic reports (no separate ledger)."""

    _inherit = "account.analytic.account"

    ops_budget = fields.Monetary(
        string="Operations Budget",
        currency_field="currency_id",
        help="Economic responsibility target of the operations project.",
    )
    ops_department_id = fields.Many2one(
        "hr.department",
        string="Operations Department",
        index=True,
        help="Department owning the operations project of this account.",
    )
    ops_user_id = fields.Many2one(
        "res.users", string="Operations Project Lead", index=True
    )
