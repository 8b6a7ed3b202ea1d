# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server


class OpsPromotionRequest(models.Model):
    """A promotion or duty change (晋升申请 / 调整职责), from an annual
    recommendation or directly: the employee's manager, HR, then the
    general manager approve; the last approval changes the employee's job
    and the wage of their running contract, and logs both."""

    _name = "ops.promotion.request"
    _description = "Promotion Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_initial_state = "draft"
    # Applied changes are final: undoing a promotion is another request.
    _ops_transitions = {
        "draft": ("approved", "cancel"),
        "approved": (),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = (
        "employee_id",
        "request_type",
        "new_job_id",
        "new_wage",
        "effective_date",
        "reason",
        "appraisal_id",
    )
    _ops_frozen_states = ("approved", "cancel")
    # Snapshots and the application are the server's.
    _ops_server_fields = (
        "user_id",
        "current_job_id",
        "current_wage",
        "contract_id",
        "applied_date",
    )
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"
    # Resubmitting a rejected request is the requester's (a manager or HR).
    _ops_reset_groups = ("ops_base.group_ops_manager", "ops_base.group_ops_hr")

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_user_id = fields.Many2one(
        "res.users", string="Employee's User", related="employee_id.user_id"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Employee Department",
        related="employee_id.department_id",
        store=True,
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Employee's Manager",
        related="employee_id.parent_id.user_id",
        store=True,
    )
    ops_manager_is_me = fields.Boolean(
        compute="_compute_ops_manager_is_me",
        help="Technical: the employee's manager submits the request; their "
        "submission is the manager's step.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    request_type = fields.Selection(
        selection=[
            ("promotion", "Promotion"),
            ("duty_change", "Duty Change"),
            ("salary", "Salary Adjustment"),
        ],
        string="Type",
        required=True,
        default="promotion",
        tracking=True,
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Annual Appraisal",
        domain="[('employee_id', '=', employee_id), ('ops_state', 'in', "
        "('published', 'acknowledged'))]",
        help="The annual result that recommends the change, if any.",
    )
    current_job_id = fields.Many2one("hr.job", string="Current Position", readonly=True)
    new_job_id = fields.Many2one("hr.job", string="New Position", tracking=True)
    contract_id = fields.Many2one("hr.contract", readonly=True, copy=False)
    currency_id = fields.Many2one(related="company_id.currency_id")
    current_wage = fields.Monetary(readonly=True)
    new_wage = fields.Monetary(
        tracking=True, help="Monthly wage after the change; empty: unchanged."
    )
    effective_date = fields.Date(default=fields.Date.context_today, tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    applied_date = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        compute="_compute_company_id",
        store=True,
        precompute=True,
    )

    @api.depends("employee_id", "request_type")
    def _compute_name(self):
        labels = dict(self._fields["request_type"]._description_selection(self.env))
        for rec in self:
            rec.name = "{} - {}".format(
                labels.get(rec.request_type, ""), rec.employee_id.name or ""
            )

    @api.depends("employee_id")
    def _compute_company_id(self):
        for rec in self:
            rec.company_id = rec.employee_id.company_id or self.env.company

    @api.depends_context("uid")
    @api.depends("manager_user_id")
    def _compute_ops_manager_is_me(self):
        for rec in self:
            rec.ops_manager_is_me = rec.manager_user_id == self.env.user

    @api.constrains("new_wage")
    def _check_new_wage(self):
        for rec in self:
            if not (math.isfinite(rec.new_wage) and rec.new_wage >= 0):
                raise ValidationError(
                    self.env._("The new wage must be a positive amount.")
                )

    @api.constrains("appraisal_id", "employee_id")
    def _check_appraisal_employee(self):
        for rec in self:
            if rec.appraisal_id and rec.appraisal_id.employee_id != rec.employee_id:
                raise ValidationError(
                    self.env._(
                        "The appraisal of a promotion request is one of "
                        "%(employee)s's own.",
                        employee=rec.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Who may act
    # ------------------------------------------------------------------
    def _ops_requesters(self):
        # The employee concerned never approves their own promotion.
        return super()._ops_requesters() | self.sudo().employee_id.user_id

    def _ops_is_hr(self):
        return self.env.user.has_group("ops_base.group_ops_hr")

    def _ops_check_requester(self):
        """HR or a manager above the employee; never for oneself."""
        if self.env.su:
            return True
        is_hr = self._ops_is_hr()
        mine = self.env.user.employee_ids
        for rec in self:
            employee = rec.sudo().employee_id
            if employee.user_id == self.env.user:
                raise AccessError(self.env._("You cannot request your own promotion."))
            if is_hr:
                continue
            manager, seen = employee.parent_id, set()
            while manager and manager.id not in seen and manager not in mine:
                seen.add(manager.id)
                manager = manager.parent_id
            if not manager or manager not in mine:
                raise AccessError(
                    self.env._(
                        "Only HR or a manager of %(employee)s may request their "
                        "promotion or duty change.",
                        employee=employee.name,
                    )
                )
        return True

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ops_check_requester()
        for rec in records:
            rec.sudo()._ops_snapshot()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "employee_id" in vals:
            self._ops_check_requester()
            for rec in self:
                rec.sudo()._ops_snapshot()
        return res

    def _ops_snapshot(self):
        """Current position, contract and wage, as the server reads them."""
        for rec in self:
            contract = rec.employee_id.contract_id
            as_server(rec).write(
                {
                    "current_job_id": rec.employee_id.job_id.id,
                    "contract_id": contract.id,
                    "current_wage": contract.wage,
                }
            )
        return True

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def _ops_check_changes(self):
        for rec in self:
            if not rec.new_job_id and not rec.new_wage:
                raise UserError(
                    self.env._(
                        "“%(name)s” changes nothing: choose a new position or a "
                        "new wage.",
                        name=rec.name,
                    )
                )
            if rec.new_wage and not rec.sudo().employee_id.contract_id:
                raise UserError(
                    self.env._(
                        "%(employee)s has no running contract: HR creates it "
                        "before the wage can change.",
                        employee=rec.employee_id.name,
                    )
                )

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        self._ops_check_requester()
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("Only a draft request can be submitted for approval.")
                )
        self._ops_check_changes()
        return True

    def action_submit(self):
        self._ops_check_requester()
        if any(r.validation_status in ("waiting", "pending") for r in self):
            raise UserError(self.env._("This request is already under approval."))
        self.filtered(lambda r: r.validation_status == "rejected").restart_validation()
        # The snapshot is refreshed: what the reviewers see is current.
        self.sudo()._ops_snapshot()
        self.filtered(lambda r: not r.review_ids).request_validation()
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        # The last approval (the general manager) applies the change; the
        # reviewer may not write employees or contracts themselves.
        if self.state == "draft" and self.validation_status == "validated":
            self.sudo()._ops_apply()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        if self.validation_status == "rejected":
            self.sudo().message_post(
                body=self.env._(
                    "The request was rejected by %(user)s.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res

    def _ops_apply(self):
        """Change the job on the employee and the wage on the contract, and
        log old -> new on the request, the employee and the contract."""
        for rec in self:
            if rec.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(name)s” is applied only after its last approval.",
                        name=rec.name,
                    )
                )
            rec._ops_check_changes()
            employee = rec.employee_id
            contract = employee.contract_id
            lines = []
            if rec.new_job_id and rec.new_job_id != employee.job_id:
                lines.append(
                    self.env._(
                        "Position: %(old)s → %(new)s",
                        old=employee.job_id.name or "-",
                        new=rec.new_job_id.name,
                    )
                )
                employee.job_id = rec.new_job_id
                if contract:
                    contract.job_id = rec.new_job_id
            if rec.new_wage and contract:
                lines.append(
                    self.env._(
                        "Wage: %(old)s → %(new)s",
                        old=contract.wage,
                        new=rec.new_wage,
                    )
                )
                contract.wage = rec.new_wage
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "%(name)s applied (effective %(date)s):",
                    name=rec.name,
                    date=rec.effective_date or fields.Date.context_today(self),
                ),
                Markup("").join(Markup("<li>%s</li>") % line for line in lines),
            )
            for target in (rec, employee, contract):
                if target:
                    target.message_post(body=body, subtype_xmlid="mail.mt_note")
            rec._ops_set_state(
                "approved",
                {"applied_date": fields.Datetime.now(), "contract_id": contract.id},
            )
        return True

    def action_cancel(self):
        self._ops_check_requester()
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("An applied change is undone by a new request.")
                )
        self._ops_set_state("cancel")
        return True

    def action_draft(self):
        self._ops_check_requester()
        self._ops_set_state("draft")
        return True
