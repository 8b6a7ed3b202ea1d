# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import SERVER, as_server


class OpsSupplierEvaluation(models.Model):
    """Supplier evaluation (供应商评审 / 竞价评审).

    Purchasing (供应部) scores the supplier with the technical, quality and
    finance departments on a weighted scorecard; the qualification decision
    is approved through the suite's tiers. An approved "qualified" decision
    makes the supplier a qualified supplier (合格供应商) until ``valid_until``;
    a cron opens the re-evaluation before that date.
    """

    _name = "ops.supplier.evaluation"
    _description = "Supplier Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("approved", "rejected", "cancel"),
        "rejected": ("draft",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = (
        "partner_id",
        "kind",
        "date",
        "decision",
        "line_ids",
        "company_id",
        "user_id",
    )
    _ops_server_fields = ("decision_date", "valid_until", "previous_id")
    _ops_requester_field = "user_id"
    _ops_department_field = False

    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    kind = fields.Selection(
        selection=[("admission", "Admission"), ("periodic", "Periodic Re-evaluation")],
        required=True,
        default="admission",
        tracking=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        default=lambda self: self.env.user,
        tracking=True,
        help="The purchasing officer (供应部) who runs the evaluation.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    line_ids = fields.One2many(
        "ops.supplier.evaluation.line", "evaluation_id", string="Scorecard", copy=True
    )
    score = fields.Float(
        compute="_compute_score", store=True, aggregator="avg", tracking=True
    )
    decision = fields.Selection(
        selection=[
            ("qualified", "Qualified"),
            ("conditional", "Qualified with Conditions"),
            ("rejected", "Not Qualified"),
        ],
        tracking=True,
    )
    conditions = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    decision_date = fields.Date(readonly=True, copy=False, index=True)
    valid_until = fields.Date(readonly=True, copy=False, index=True, tracking=True)
    previous_id = fields.Many2one(
        "ops.supplier.evaluation", string="Previous Evaluation", readonly=True
    )

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_score(self):
        for rec in self:
            weight = sum(rec.line_ids.mapped("weight"))
            rec.score = weight and round(
                sum(line.score * line.weight for line in rec.line_ids) / weight, 2
            )

    @api.depends("partner_id", "date", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rec in self:
            rec.display_name = (
                f"{rec.partner_id.display_name or ''} – "
                f"{kinds.get(rec.kind, '')} {rec.date or ''}"
            )

    @api.model
    def _ops_criteria(self, company):
        return self.env["ops.supplier.criterion"].search(
            [("company_id", "in", (False, company.id))]
        )

    @api.model
    def _ops_line_commands(self, company):
        return [
            fields.Command.create(
                {
                    "criterion_id": criterion.id,
                    "department": criterion.department,
                    "weight": criterion.weight,
                }
            )
            for criterion in self._ops_criteria(company)
        ]

    @api.onchange("company_id")
    def _onchange_company_load_criteria(self):
        if not self.line_ids and self.state == "draft":
            self.line_ids = self._ops_line_commands(self.company_id or self.env.company)

    # Approval ----------------------------------------------------------------

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        self._ops_check_groups("ops_partner.group_ops_partner_purchasing")
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._("Score the supplier before submitting the evaluation.")
                )
            if not rec.decision:
                raise UserError(
                    self.env._(
                        "Propose a qualification decision before submitting the "
                        "evaluation of %(supplier)s.",
                        supplier=rec.partner_id.display_name,
                    )
                )
        return True

    @api.returns("tier.review")
    def request_validation(self):
        return super().request_validation()

    def action_submit(self):
        self.request_validation()
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_conclude()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_conclude()
        return res

    def _ops_conclude(self):
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        today = fields.Date.context_today(self)
        for rec in self.filtered(lambda r: r.state == "draft"):
            if rec.validation_status == "validated":
                months = rec.company_id.ops_supplier_qualification_months or 12
                valid = rec.decision != "rejected"
                rec.sudo()._ops_set_state(
                    "approved",
                    {
                        "decision_date": today,
                        "valid_until": valid and today + relativedelta(months=months),
                    },
                )
            elif rec.validation_status == "rejected":
                rec.sudo()._ops_set_state("rejected", {"decision_date": today})
        return True

    def action_cancel(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft evaluation can be cancelled."))
            if self.env.user != rec.user_id:
                rec._ops_check_groups(
                    "ops_partner.group_ops_partner_purchasing_manager"
                )
        self.check_access("write")
        as_server(self).review_ids.unlink()
        self._ops_set_state("cancel")
        return True

    def action_reset_draft(self):
        self._ops_check_groups("ops_partner.group_ops_partner_purchasing_manager")
        self.check_access("write")
        for rec in self:
            if rec.state not in ("rejected", "cancel"):
                raise UserError(
                    self.env._(
                        "Only a rejected or cancelled evaluation goes back to draft."
                    )
                )
        as_server(self).review_ids.unlink()
        self._ops_set_state("draft", {"decision_date": False})
        return True

    # Periodic re-evaluation (cron) ---------------------------------------------

    @api.model
    def _cron_open_reevaluations(self):
        """Open the re-evaluation of every supplier whose qualification expires
        within the company's notice period.

        Idempotent (a supplier with an open evaluation gets none) and batched:
        the number of queries does not depend on the number of suppliers.
        """
        today = fields.Date.context_today(self)
        self.env.flush_all()
        # The latest approved evaluation of each supplier per company, due
        # within the notice period, without an evaluation still open.
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (e.partner_id, e.company_id)
                       e.id, e.partner_id, e.company_id, e.valid_until, e.user_id,
                       e.state
                  FROM ops_supplier_evaluation e
                 WHERE e.state IN ('approved', 'rejected')
              ORDER BY e.partner_id, e.company_id, e.decision_date DESC, e.id DESC
                """
            )
        )
        rows = self.env.cr.fetchall()
        companies = self.env["res.company"].browse({r[2] for r in rows})
        horizon = {
            c.id: today + relativedelta(days=c.ops_supplier_reevaluation_days)
            for c in companies
        }
        due = [r for r in rows if r[5] == "approved" and r[3] and r[3] <= horizon[r[2]]]
        if not due:
            return True
        open_keys = set(
            self.search(
                [
                    ("state", "=", "draft"),
                    ("partner_id", "in", list({r[1] for r in due})),
                ]
            ).mapped(lambda e: (e.partner_id.id, e.company_id.id))
        )
        due = [r for r in due if (r[1], r[2]) not in open_keys]
        if not due:
            return True
        criteria = {c.id: self._ops_criteria(c) for c in companies}
        Evaluation = as_server(self.sudo()).with_context(
            tracking_disable=SERVER,
            mail_create_nolog=SERVER,
            mail_create_nosubscribe=SERVER,
            mail_notrack=SERVER,
        )
        evaluations = Evaluation.create(
            [
                {
                    "partner_id": r[1],
                    "company_id": r[2],
                    "user_id": r[4],
                    "kind": "periodic",
                    "date": today,
                    "previous_id": r[0],
                }
                for r in due
            ]
        )
        self.env["ops.supplier.evaluation.line"].sudo().create(
            [
                {
                    "evaluation_id": evaluation.id,
                    "criterion_id": criterion.id,
                    "department": criterion.department,
                    "weight": criterion.weight,
                }
                for evaluation in evaluations
                for criterion in criteria[evaluation.company_id.id]
            ]
        )
        self._ops_schedule_reevaluation_activities(evaluations)
        return True

    @api.model
    def _ops_schedule_reevaluation_activities(self, evaluations):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        summary = self.env._("Supplier re-evaluation due")
        Activity = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
        )
        # The activities store each record's name: compute them in one batch
        # (the activity reads them one record at a time).
        evaluations.with_env(Activity.env).mapped("display_name")
        Activity.create(
            [
                {
                    "res_model_id": model,
                    "res_id": evaluation.id,
                    "activity_type_id": activity_type.id,
                    "user_id": evaluation.user_id.id or self.env.user.id,
                    "summary": summary,
                    "date_deadline": evaluation.previous_id.valid_until,
                }
                for evaluation in evaluations
            ]
        )
        return True
