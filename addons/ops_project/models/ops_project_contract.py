# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Economic responsibility contract (经济责任合同 / 经济责任目标) of an
operations project: profit base, ratio and targets, signed by the general
manager with the project lead; frozen once signed; its actuals come from the
project's analytic lines."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

from .ops_project_scope import ops_check_project_kept, ops_manages_project


class OpsProjectContract(models.Model):
    _name = "ops.project.contract"
    _description = "Economic Responsibility Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "project_id, id desc"

    _ops_server_fields = ("state", "signed_on", "signed_by_id", "responsible_id")

    name = fields.Char(required=True, default=lambda self: self.env._("Contract"))
    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("ops_is_operations", "=", True)],
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible (Project Lead)",
        readonly=True,
        copy=False,
        help="The project lead who signed the contract.",
    )
    date_start = fields.Date(string="Period From", required=True)
    date_end = fields.Date(string="Period To", required=True)
    profit_base = fields.Monetary(
        currency_field="currency_id",
        help="Profit base (利润基数): the profit the project owes before any "
        "share is earned.",
    )
    profit_ratio = fields.Float(
        string="Profit Share (%)",
        help="Share of the profit above the base earned by the team.",
    )
    revenue_target = fields.Monetary(currency_field="currency_id")
    cost_target = fields.Monetary(string="Cost Budget", currency_field="currency_id")
    profit_target = fields.Monetary(currency_field="currency_id")
    terms = fields.Html(string="Other Targets and Terms")
    document = fields.Binary(string="Signed Document", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    signed_on = fields.Date(readonly=True, copy=False, tracking=True)
    signed_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The general manager who signed for the company.",
    )
    actual_revenue = fields.Monetary(
        compute="_compute_actuals", currency_field="currency_id"
    )
    actual_cost = fields.Monetary(
        compute="_compute_actuals", currency_field="currency_id"
    )
    actual_profit = fields.Monetary(
        compute="_compute_actuals", currency_field="currency_id"
    )
    achievement = fields.Float(
        string="Profit Achievement (%)",
        compute="_compute_actuals",
        help="Actual profit over the profit target.",
    )
    profit_share = fields.Monetary(
        compute="_compute_actuals",
        currency_field="currency_id",
        help="Profit above the base times the share.",
    )

    @api.constrains("profit_ratio", "date_start", "date_end")
    def _check_terms(self):
        for rec in self:
            if not 0 <= rec.profit_ratio <= 100:
                raise ValidationError(
                    self.env._("The profit share is a percentage between 0 and 100.")
                )
            if rec.date_end < rec.date_start:
                raise ValidationError(
                    self.env._("The contract's period ends before it starts.")
                )

    # Actuals ---------------------------------------------------------------

    def _ops_actual_amounts(self):
        """{contract id: (revenue, cost)} from the analytic lines of each
        contract's project within its period: one query for all contracts."""
        real = self.filtered(lambda r: isinstance(r.id, int))
        if not real:
            return {}
        self.env["account.analytic.line"].flush_model(["account_id", "date", "amount"])
        self.env["project.project"].flush_model(["account_id"])
        real.flush_recordset(["project_id", "date_start", "date_end"])
        self.env.cr.execute(
            SQL(
                """
                SELECT c.id,
                       COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0),
                       COALESCE(SUM(CASE WHEN l.amount < 0 THEN -l.amount END), 0)
                  FROM ops_project_contract c
                  JOIN project_project p ON p.id = c.project_id
                  JOIN account_analytic_line l
                    ON l.account_id = p.account_id
                   AND l.date BETWEEN c.date_start AND c.date_end
                 WHERE c.id IN %s
              GROUP BY c.id
                """,
                tuple(real.ids),
            )
        )
        return {row[0]: (row[1], row[2]) for row in self.env.cr.fetchall()}

    @api.depends("date_start", "date_end", "profit_base", "profit_ratio")
    def _compute_actuals(self):
        amounts = self._ops_actual_amounts()
        for rec in self:
            revenue, cost = amounts.get(rec.id, (0.0, 0.0))
            profit = revenue - cost
            rec.actual_revenue = revenue
            rec.actual_cost = cost
            rec.actual_profit = profit
            rec.achievement = (
                100.0 * profit / rec.profit_target if rec.profit_target else 0.0
            )
            rec.profit_share = (
                max(profit - rec.profit_base, 0.0) * rec.profit_ratio / 100.0
            )

    # Guards ----------------------------------------------------------------

    def _ops_check_editor(self):
        """The project lead or an operations manager prepares the contract;
        a signed contract is frozen (a new contract replaces it)."""
        if is_server(self):
            return True
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "The economic responsibility contract “%(name)s” is "
                        "signed: it can no longer be changed. Draw up a new "
                        "contract instead.",
                        name=rec.name,
                    )
                )
            project = rec.project_id.sudo()
            if project.user_id != self.env.user and not ops_manages_project(
                self.env, project
            ):
                raise AccessError(
                    self.env._(
                        "Only the project lead of “%(project)s” or an operations "
                        "manager of its department prepares its economic "
                        "responsibility contract.",
                        project=rec.project_id.display_name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ops_check_editor()
        return records

    def write(self, vals):
        if not is_server(self):
            ops_check_project_kept(self, vals)
        self._ops_check_editor()
        return super().write(vals)

    def unlink(self):
        self._ops_check_editor()
        return super().unlink()

    # Signature -------------------------------------------------------------

    def action_sign(self):
        """The general manager signs the contract with the project lead: the
        signed document and the targets are required."""
        for rec in self:
            gm = rec.company_id.sudo().ops_general_manager_id
            if not self.env.su and self.env.user != gm:
                raise AccessError(
                    self.env._(
                        "Only the general manager signs the economic "
                        "responsibility contract of “%(project)s”.",
                        project=rec.project_id.display_name,
                    )
                )
            if rec.state != "draft":
                raise UserError(
                    self.env._("“%(name)s” is already signed.", name=rec.name)
                )
            if not rec.document or not rec.profit_target:
                raise UserError(
                    self.env._(
                        "Attach the signed document and set the profit target "
                        "of “%(name)s” before signing it.",
                        name=rec.name,
                    )
                )
            lead = rec.project_id.sudo().user_id
            if not lead:
                raise UserError(
                    self.env._(
                        "“%(project)s” has no project lead to sign the contract.",
                        project=rec.project_id.display_name,
                    )
                )
            previous = self.sudo().search(
                [("project_id", "=", rec.project_id.id), ("state", "=", "signed")]
            )
            as_server(previous.sudo()).write({"state": "superseded"})
            as_server(rec.sudo()).write(
                {
                    "state": "signed",
                    "signed_on": fields.Date.context_today(self),
                    "signed_by_id": self.env.user.id,
                    "responsible_id": lead.id,
                }
            )
        return True
