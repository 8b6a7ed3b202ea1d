# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

OPS_STATES = [
    ("self_assessment", "Self-Assessment"),
    ("manager_review", "Manager Scoring"),
    ("published", "Published"),
    ("acknowledged", "Acknowledged"),
    ("cancel", "Cancelled"),
]
# States in which the appraised employee may open the appraisal.
EMPLOYEE_VISIBLE_STATES = ("self_assessment", "published", "acknowledged")
# OCA fields that the suite's flow sets on the appraisals of a cycle; a client
# changing them would move the appraisal outside its stages.
OCA_FLOW_FIELDS = {"state", "employee_id"}
# Fields the appraised employee never writes on their own appraisal.
APPRAISER_FIELDS = {
    "ops_recommendation",
    "note",
    "manager_feedback",
    "date_close",
    "manager_ids",
    "employee_id",
    "state",
}
HR_GROUPS = ("ops_base.group_ops_hr", "hr_appraisal_oca.group_appraisal_hr_officer")


class HrAppraisal(models.Model):
    """The regulations' appraisal on top of OCA's ``hr.appraisal``.

    Flow: self-assessment (if the template asks) → manager scoring →
    calibration and approval (tier validation: department head, then HR) →
    published → acknowledged, or disputed once (back to manager scoring).
    """

    _name = "hr.appraisal"
    _inherit = ["hr.appraisal", "ops.tier.validation"]
    _state_field = "ops_state"
    _state_from = ["manager_review"]
    _state_to = ["published"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    # The engine's state machine (ops_base): stages move only through the
    # action methods below, which check who acts first.
    _ops_initial_state = "self_assessment"
    _ops_transitions = {
        "self_assessment": ("manager_review", "cancel"),
        "manager_review": ("published", "cancel"),
        # Back to the manager on the employee's (single) dispute.
        "published": ("acknowledged", "manager_review", "cancel"),
        "acknowledged": (),
        "cancel": (),
    }
    # Once approved, the result changes only through HR's adjustment wizard
    # (which logs old -> new); scores live on the lines (see
    # ops.appraisal.line), the grade and bonus are computed from them.
    _ops_frozen_fields = (
        "employee_id",
        "ops_line_ids",
        "ops_recommendation",
        "manager_ids",
        "date_close",
    )
    _ops_frozen_states = ("published", "acknowledged", "cancel")
    # Set by the cycle and the flow only, never by a user; the stored
    # computes too (the ORM would store a value written over RPC until the
    # next recompute, e.g. a bonus amount, or another calibrator).
    _ops_server_fields = (
        "ops_cycle_id",
        "ops_template_id",
        "ops_base_bonus",
        "ops_prorata",
        "ops_disputed",
        "ops_dispute_reason",
        "ops_acknowledged_date",
        "ops_department_head_user_id",
        "ops_self_score",
        "ops_total_score",
        "ops_grade_id",
        "ops_bonus_coefficient",
        "ops_bonus_amount",
    )
    # Nobody approves their own appraisal (e.g. an HR reviewer appraised);
    # the engine also excludes whoever submitted it.
    _ops_requester_field = "employee_user_id"
    _ops_department_field = "department_id"
    # Restarting a rejected approval is part of the appraiser's resubmission.
    _ops_reset_groups = ("ops_base.group_ops_manager", "ops_base.group_ops_hr")

    ops_cycle_id = fields.Many2one(
        "ops.appraisal.cycle",
        string="Cycle",
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    ops_period_type = fields.Selection(related="ops_cycle_id.period_type")
    ops_template_id = fields.Many2one(
        "ops.appraisal.template", string="KPI Template", readonly=True
    )
    ops_state = fields.Selection(
        OPS_STATES,
        string="Stage",
        required=True,
        default="self_assessment",
        index=True,
        tracking=True,
        copy=False,
    )
    ops_line_ids = fields.One2many(
        "ops.appraisal.line", "appraisal_id", string="Indicators", copy=True
    )
    # OCA's related fields, stored for grouping (pivot, graph, search).
    department_id = fields.Many2one(store=True, index=True)
    job_id = fields.Many2one(store=True)
    ops_department_head_user_id = fields.Many2one(
        "res.users",
        string="Department Head",
        compute="_compute_ops_department_head_user_id",
        store=True,
        help="First approver: the manager of the employee's department, or of "
        "the parent department when the employee heads their department.",
    )
    ops_department_head_is_me = fields.Boolean(
        compute="_compute_ops_department_head_is_me",
        help="Technical: the department head is the current user. Used by "
        "the calibration tier: a head who submits the scores (as the direct "
        "manager) does not calibrate them again; HR approves.",
    )
    ops_self_score = fields.Float(
        string="Self Score",
        compute="_compute_ops_scores",
        store=True,
        digits=(5, 2),
        aggregator="avg",
    )
    ops_total_score = fields.Float(
        string="Total Score",
        compute="_compute_ops_scores",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        help="Weighted score: Σ(weight × manager score) / Σ weights.",
    )
    ops_grade_id = fields.Many2one(
        "ops.appraisal.grade",
        string="Grade",
        compute="_compute_ops_grade_id",
        store=True,
        index=True,
        # A band in use is archived, never deleted: published grades stay.
        ondelete="restrict",
    )
    ops_bonus_coefficient = fields.Float(
        string="Bonus Coefficient",
        compute="_compute_ops_bonus",
        store=True,
        aggregator="avg",
    )
    ops_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Appraisal Currency"
    )
    ops_base_bonus = fields.Monetary(
        string="Base Bonus", currency_field="ops_currency_id", readonly=True
    )
    ops_prorata = fields.Float(
        string="Proration",
        default=1.0,
        readonly=True,
        digits=(3, 4),
        help="Share of the period the employee was employed (hired during "
        "the period, before its midpoint).",
    )
    ops_bonus_amount = fields.Monetary(
        string="Bonus Amount",
        currency_field="ops_currency_id",
        compute="_compute_ops_bonus",
        store=True,
        help="Quarterly cycles: base bonus × grade coefficient × proration.",
    )
    ops_recommendation = fields.Selection(
        selection=[
            ("promotion", "Promotion"),
            ("salary", "Salary Adjustment"),
            ("none", "None"),
        ],
        string="Recommendation",
        compute="_compute_ops_recommendation",
        store=True,
        readonly=False,
        tracking=True,
        help="Annual cycles: proposed from the grade, the manager may change it.",
    )
    ops_disputed = fields.Boolean(string="Disputed", readonly=True, copy=False)
    ops_dispute_reason = fields.Text(string="Dispute Reason", readonly=True, copy=False)
    ops_acknowledged_date = fields.Date(
        string="Acknowledged On", readonly=True, copy=False
    )
    ops_improvement_plan_ids = fields.One2many(
        "ops.appraisal.improvement.plan", "appraisal_id", string="Improvement Plans"
    )
    ops_disciplinary_ids = fields.Many2many(
        "ops.disciplinary.measure",
        string="Disciplinary Measures in the Period",
        compute="_compute_ops_disciplinary_ids",
    )
    ops_accountability_ids = fields.Many2many(
        "ops.accountability",
        string="Rewards and Penalties in the Period",
        compute="_compute_ops_disciplinary_ids",
    )
    ops_is_appraised = fields.Boolean(
        string="I Am Appraised", compute="_compute_ops_roles"
    )
    ops_is_appraiser = fields.Boolean(
        string="I Am an Appraiser", compute="_compute_ops_roles"
    )

    _sql_constraints = [
        (
            "ops_cycle_employee_unique",
            "UNIQUE(ops_cycle_id, employee_id)",
            "An employee has only one appraisal per cycle.",
        ),
        (
            "ops_prorata_range",
            "CHECK(ops_prorata >= 0 AND ops_prorata <= 1)",
            "The proration lies between 0 and 1.",
        ),
        (
            "ops_base_bonus_positive",
            "CHECK(ops_base_bonus >= 0)",
            "The base bonus cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "ops_line_ids.weight", "ops_line_ids.self_score", "ops_line_ids.manager_score"
    )
    def _compute_ops_scores(self):
        for rec in self:
            lines = rec.ops_line_ids
            total_weight = sum(lines.mapped("weight"))
            if not total_weight:
                rec.ops_total_score = rec.ops_self_score = 0.0
                continue
            rec.ops_total_score = (
                sum(line.weight * line.manager_score for line in lines) / total_weight
            )
            rec.ops_self_score = (
                sum(line.weight * line.self_score for line in lines) / total_weight
            )

    @api.depends(
        "employee_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_ops_department_head_user_id(self):
        for rec in self:
            department = rec.employee_id.department_id
            head = department.manager_id
            if head == rec.employee_id:
                head = department.parent_id.manager_id
            rec.ops_department_head_user_id = head.user_id

    @api.depends_context("uid")
    @api.depends("ops_department_head_user_id")
    def _compute_ops_department_head_is_me(self):
        for rec in self:
            rec.ops_department_head_is_me = (
                rec.ops_department_head_user_id == self.env.user
            )

    @api.depends("ops_total_score", "ops_line_ids.manager_score", "company_id")
    def _compute_ops_grade_id(self):
        Grade = self.env["ops.appraisal.grade"].sudo()
        bands_by_company = {}
        for rec in self:
            company = rec.company_id or self.env.company
            if company.id not in bands_by_company:
                bands_by_company[company.id] = Grade._ops_bands(company)
            if not rec.ops_line_ids or not all(
                rec.ops_line_ids.mapped("manager_score")
            ):
                rec.ops_grade_id = False
                continue
            rec.ops_grade_id = Grade._ops_grade_for(
                rec.ops_total_score, bands_by_company[company.id]
            )

    @api.depends("ops_grade_id", "ops_base_bonus", "ops_prorata", "ops_cycle_id")
    def _compute_ops_bonus(self):
        for rec in self:
            coefficient = rec.ops_grade_id.bonus_coefficient
            rec.ops_bonus_coefficient = coefficient
            if rec.ops_cycle_id.period_type == "quarterly":
                rec.ops_bonus_amount = (
                    rec.ops_base_bonus * coefficient * rec.ops_prorata
                )
            else:
                rec.ops_bonus_amount = 0.0

    @api.depends("ops_grade_id", "ops_cycle_id")
    def _compute_ops_recommendation(self):
        for rec in self:
            if rec.ops_cycle_id.period_type == "annual" and rec.ops_grade_id:
                rec.ops_recommendation = rec.ops_grade_id.recommendation
            else:
                rec.ops_recommendation = False

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_ops_roles(self):
        user = self.env.user
        is_hr = self._ops_user_is_hr()
        my_employees = user.employee_ids
        for rec in self:
            rec.ops_is_appraised = rec.employee_id.user_id == user
            rec.ops_is_appraiser = not rec.ops_is_appraised and (
                is_hr or rec._ops_is_manager_of_employee(my_employees)
            )

    @api.depends_context("uid")
    @api.depends("employee_id", "ops_cycle_id")
    def _compute_ops_disciplinary_ids(self):
        """Measures in force and rewards or penalties (ops.accountability)
        during the period, for the appraisers only."""
        # Two searches per cycle of the records (not per appraisal): a list
        # or a multi-record read stays at a constant number of queries.
        Measure = self.env["ops.disciplinary.measure"].sudo()
        Accountability = self.env["ops.accountability"].sudo()
        shown = self.filtered(lambda r: r.ops_cycle_id and r.ops_is_appraiser)
        (self - shown).ops_disciplinary_ids = False
        (self - shown).ops_accountability_ids = False
        for cycle in shown.ops_cycle_id:
            appraisals = shown.filtered(lambda r, c=cycle: r.ops_cycle_id == c)
            employees = appraisals.employee_id
            facts = Accountability.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("decision", "!=", "none"),
                    ("date", ">=", cycle.date_start),
                    ("date", "<=", cycle.date_end),
                ]
            )
            measures = Measure.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "in_force"),
                    ("effective_date", "<=", cycle.date_end),
                    "|",
                    ("end_date", "=", False),
                    ("end_date", ">=", cycle.date_start),
                ]
            )
            for rec in appraisals:
                employee = rec.employee_id
                rec.ops_accountability_ids = facts.filtered(
                    lambda f, e=employee: f.employee_id == e
                )
                rec.ops_disciplinary_ids = measures.filtered(
                    lambda m, e=employee: m.employee_id == e
                )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def _ops_user_is_hr(self, user=None):
        user = user or self.env.user
        return any(user.has_group(group) for group in HR_GROUPS)

    def _ops_is_manager_of_employee(self, my_employees):
        """Whether one of ``my_employees`` is above the appraised employee."""
        self.ensure_one()
        manager = self.sudo().employee_id.parent_id
        seen = set()
        while manager and manager.id not in seen:
            if manager in my_employees:
                return True
            seen.add(manager.id)
            manager = manager.parent_id
        return False

    def _ops_check_appraiser(self):
        my_employees = self.env.user.employee_ids
        is_hr = self._ops_user_is_hr()
        for rec in self:
            if rec.employee_id.user_id == self.env.user or not (
                is_hr or rec._ops_is_manager_of_employee(my_employees)
            ):
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR may do this.",
                        employee=rec.employee_id.name,
                    )
                )

    def _ops_check_appraised(self):
        for rec in self:
            if rec.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s may do this on their own appraisal.",
                        employee=rec.employee_id.name,
                    )
                )

    def _ops_check_hr(self, message):
        """HR only, and never on one's own appraisal."""
        if not self._ops_user_is_hr():
            raise AccessError(message)
        own = self.filtered(lambda r: r.employee_id.user_id == self.env.user)
        if own:
            raise AccessError(
                self.env._("HR cannot act on their own appraisal; ask a colleague.")
            )

    def _ops_check_state(self, states):
        labels = dict(self._fields["ops_state"]._description_selection(self.env))
        for rec in self:
            if rec.ops_state not in states:
                raise UserError(
                    self.env._(
                        "The appraisal of %(employee)s is at the stage "
                        "“%(stage)s”; this action is not possible now.",
                        employee=rec.employee_id.name,
                        stage=labels.get(rec.ops_state),
                    )
                )

    def _ops_flow(self):
        """The appraisal flow's own writes: the engine's server key, which no
        client can send (a client's ``ops_appraisal_flow=True`` unlocks
        nothing)."""
        return as_server(self)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def _ops_check_client_write(self, vals):
        # Called by the engine for every write that is not the server's.
        res = super()._ops_check_client_write(vals)
        ops_appraisals = self.filtered("ops_cycle_id")
        if ops_appraisals and OCA_FLOW_FIELDS.intersection(vals):
            raise UserError(
                self.env._(
                    "The status and employee of a cycle's appraisal change "
                    "only through its buttons."
                )
            )
        if APPRAISER_FIELDS.intersection(vals) and any(
            rec.employee_id.user_id == self.env.user for rec in self
        ):
            raise UserError(
                self.env._(
                    "These fields of your own appraisal are filled in by your "
                    "managers."
                )
            )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_cycle_appraisal(self):
        # A cycle's appraisal carries a bonus: it is cancelled, and only a
        # cancelled one may be deleted, by HR.
        ops_appraisals = self.filtered("ops_cycle_id")
        if not ops_appraisals or is_server(self):
            return
        if not self._ops_user_is_hr() or any(
            rec.ops_state != "cancel" for rec in ops_appraisals
        ):
            raise UserError(
                self.env._(
                    "An appraisal of a cycle cannot be deleted; HR cancels "
                    "it first, then may delete it."
                )
            )

    @api.model
    def _get_under_validation_exceptions(self):
        # Calibration: reviewers adjust the manager's scores while reviewing;
        # ops.appraisal.line checks who writes what.
        return super()._get_under_validation_exceptions() + [
            "ops_line_ids",
            "ops_recommendation",
            "note",
            "manager_feedback",
        ]

    # ------------------------------------------------------------------
    # OCA's own buttons: not on a cycle's appraisal, and RPC-safe returns
    # ------------------------------------------------------------------
    def _ops_refuse_oca_flow(self):
        if self.filtered("ops_cycle_id"):
            raise UserError(
                self.env._(
                    "An appraisal of a cycle moves through its own stages "
                    "(self-assessment, manager scoring, approval)."
                )
            )

    def action_confirm(self):
        self._ops_refuse_oca_flow()
        return super().action_confirm() or True

    def action_done(self):
        self._ops_refuse_oca_flow()
        return super().action_done() or True

    def action_back(self):
        self._ops_refuse_oca_flow()
        return super().action_back() or True

    def action_publish_employee_feedback(self):
        return super().action_publish_employee_feedback() or True

    def action_publish_manager_feedback(self):
        return super().action_publish_manager_feedback() or True

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def action_ops_submit_self_assessment(self):
        if not self._ops_user_is_hr():
            self._ops_check_appraised()
        self._ops_check_state(["self_assessment"])
        for rec in self:
            missing = rec.ops_line_ids.filtered(lambda line: not line.self_score)
            if missing:
                raise UserError(
                    self.env._(
                        "Score every indicator before submitting your "
                        "self-assessment. Missing: %(names)s",
                        names=", ".join(missing.mapped("name")),
                    )
                )
        # Posted first: once submitted, the employee no longer reads it.
        for rec in self:
            rec.message_post(body=self.env._("Self-assessment submitted."))
        # sudo: the employee loses read access on the way (record rules).
        self.sudo()._ops_set_state("manager_review")
        # The employee no longer reads the appraisal until it is published:
        # leave the form for the list.
        return self.env["ir.actions.act_window"]._for_xml_id(
            "ops_appraisal.hr_appraisal_action_ops"
        )

    def action_ops_submit_approval(self):
        """Manager scoring done: request calibration and approval."""
        self._ops_check_appraiser()
        self._ops_check_state(["manager_review"])
        for rec in self:
            missing = rec.ops_line_ids.filtered(lambda line: not line.manager_score)
            if not rec.ops_line_ids or missing:
                raise UserError(
                    self.env._(
                        "Score every indicator before submitting for approval. "
                        "Missing: %(names)s",
                        names=", ".join(missing.mapped("name")) or self.env._("all"),
                    )
                )
            if rec.review_ids and rec.validation_status == "rejected":
                # Who may resubmit was checked above (the appraisers).
                rec.sudo().restart_validation()
        to_request = self.filtered(lambda r: not r.review_ids)
        to_request.request_validation()
        return True

    def _ops_check_can_request(self):
        # Only through "Submit for Approval": scores complete, by an appraiser.
        super()._ops_check_can_request()
        self._ops_check_appraiser()
        self._ops_check_state(["manager_review"])
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        # The last approval publishes; the reviewer (HR) may not have write
        # access to every field the publication touches.
        if self.ops_state == "manager_review" and self.validation_status == "validated":
            self.sudo()._ops_publish()
        return res

    def _ops_publish(self):
        self._ops_set_state("published")
        for rec in self:
            rec.message_post(
                body=self.env._(
                    "Published: total score %(score)s, grade %(grade)s.",
                    score=round(rec.ops_total_score, 2),
                    grade=rec.ops_grade_id.display_name or "-",
                ),
                subtype_xmlid="mail.mt_note",
            )
            if rec.employee_id.user_id:
                rec.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Read and acknowledge your appraisal"),
                    user_id=rec.employee_id.user_id.id,
                )
        self.filtered(lambda r: r.ops_grade_id.is_failing)._ops_open_improvement_plans()
        return True

    def _ops_open_improvement_plans(self):
        """One improvement plan per failing appraisal (idempotent)."""
        Plan = self.env["ops.appraisal.improvement.plan"].sudo()
        existing = set(Plan.search([("appraisal_id", "in", self.ids)]).appraisal_id.ids)
        vals_list = [
            Plan._ops_default_vals(rec) for rec in self if rec.id not in existing
        ]
        return Plan.create(vals_list)

    def action_ops_acknowledge(self):
        self._ops_check_appraised()
        self._ops_check_state(["published"])
        self._ops_set_state(
            "acknowledged",
            {
                "ops_acknowledged_date": fields.Date.context_today(self),
                "state": "3_done",
            },
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for rec in self:
            rec.message_post(body=self.env._("The employee acknowledged the result."))
        return True

    def action_ops_open_dispute(self):
        self.ensure_one()
        self._ops_check_appraised()
        self._ops_check_state(["published"])
        if self.ops_disputed:
            raise UserError(self.env._("An appraisal can be disputed only once."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispute the Appraisal"),
            "res_model": "ops.appraisal.dispute.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def _ops_dispute(self, reason):
        self.ensure_one()
        self._ops_check_appraised()
        self._ops_check_state(["published"])
        if self.ops_disputed:
            raise UserError(self.env._("An appraisal can be disputed only once."))
        if not (reason or "").strip():
            raise UserError(self.env._("Explain why you dispute the appraisal."))
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self.message_post(
            body=Markup("<p>%s</p><p><i>%s</i></p>")
            % (self.env._("The employee disputes the appraisal:"), reason)
        )
        # Back to the manager: the approval starts again (reviews removed).
        # sudo: the employee loses read access on the way (record rules).
        self.sudo()._ops_set_state(
            "manager_review",
            {"ops_disputed": True, "ops_dispute_reason": reason},
        )
        manager_user = self.sudo().employee_id.parent_id.user_id
        if manager_user:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Appraisal disputed: review the scores"),
                note=reason,
                user_id=manager_user.id,
            )
        return True

    def action_ops_adjust_score(self):
        self.ensure_one()
        self._ops_check_hr(self.env._("Only HR may adjust an approved appraisal."))
        self._ops_check_state(["published", "acknowledged"])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Adjust a Score"),
            "res_model": "ops.appraisal.score.adjust.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def action_ops_cancel(self):
        self._ops_check_hr(self.env._("Only HR may cancel an appraisal."))
        self._ops_check_state(["self_assessment", "manager_review", "published"])
        self._ops_set_state("cancel")
        for rec in self:
            rec.message_post(
                body=self.env._("Cancelled by %(user)s.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return True
