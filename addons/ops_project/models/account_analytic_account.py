# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server


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

    @api.constrains("ops_budget")
    def _check_ops_budget(self):
        for account in self:
            if account.ops_budget < 0:
                raise ValidationError(
                    self.env._(
                        "The operations budget of “%(name)s” cannot be negative.",
                        name=account.name,
                    )
                )

    def write(self, vals):
        # The budget is the economic responsibility target the general manager
        # approved: it changes through an approved change request (which
        # writes as the server) or by senior management, not by anyone who
        # can edit the project.
        if "ops_budget" in vals and not is_server(self):
            ops_accounts = self.filtered(
                lambda a: (a.ops_department_id or a.ops_user_id)
                and a.ops_budget != vals["ops_budget"]
            )
            if ops_accounts and not self.env.user.has_group(
                "ops_base.group_ops_executive"
            ):
                raise AccessError(
                    self.env._(
                        "The budget of an operations project changes through an "
                        "approved change request, or by senior management."
                    )
                )
        return super().write(vals)
