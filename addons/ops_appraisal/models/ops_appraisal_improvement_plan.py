# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server

# States the plan moves between, and who may move it: see _ops_check_follower.
PLAN_TRANSITIONS = {
    "open": ("closed", "cancel"),
    "closed": ("open",),
    "cancel": ("open",),
}


class OpsAppraisalImprovementPlan(models.Model):
    """Training and coaching for an employee who failed an appraisal
    (对考核不合格的员工进行培训和指导), tracked until closed."""

    _name = "ops.appraisal.improvement.plan"
    _description = "Performance Improvement Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "state, follow_up_date, id desc"
    # Moved by the buttons only; the appraisal it follows is set by the
    # publication of a failing appraisal.
    _ops_server_fields = ("state", "date_closed", "appraisal_id")

    name = fields.Char(required=True, tracking=True)
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Failed Appraisal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Plan Department",
        related="appraisal_id.employee_id.department_id",
        store=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Coach",
        tracking=True,
        help="The manager who follows the plan.",
    )
    state = fields.Selection(
        selection=[
            ("open", "In Progress"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    action_ids = fields.One2many(
        "ops.appraisal.improvement.action", "plan_id", string="Actions"
    )
    action_done_ratio = fields.Float(
        string="Progress", compute="_compute_action_done_ratio"
    )
    follow_up_date = fields.Date(tracking=True)
    follow_up_appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Follow-up Appraisal",
        domain="[('employee_id', '=', employee_id), ('id', '!=', appraisal_id)]",
    )
    outcome = fields.Text()
    required_grade_id = fields.Many2one(
        "ops.appraisal.grade",
        compute="_compute_required_grade_id",
        store=True,
        readonly=False,
        help="The plan closes when the follow-up appraisal reaches this grade "
        "(直至达到要求), or when HR closes it with a reason.",
    )
    close_reason = fields.Text(
        string="HR Reason to Close",
        tracking=True,
        help="HR may close the plan without a passing follow-up appraisal, "
        "with this reason.",
    )
    date_closed = fields.Date(readonly=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)

    _sql_constraints = [
        (
            "appraisal_unique",
            "UNIQUE(appraisal_id)",
            "An appraisal has only one improvement plan.",
        ),
    ]

    @api.depends("company_id")
    def _compute_required_grade_id(self):
        Grade = self.env["ops.appraisal.grade"].sudo()
        for plan in self:
            if plan.required_grade_id:
                continue
            # The lowest passing band of the company.
            plan.required_grade_id = Grade.search(
                [
                    ("company_id", "=", (plan.company_id or self.env.company).id),
                    ("is_failing", "=", False),
                ],
                order="min_score asc",
                limit=1,
            )

    @api.depends("action_ids.done")
    def _compute_action_done_ratio(self):
        for plan in self:
            actions = plan.action_ids
            plan.action_done_ratio = (
                100.0 * len(actions.filtered("done")) / len(actions) if actions else 0.0
            )

    @api.model
    def _ops_default_vals(self, appraisal):
        today = fields.Date.context_today(self)
        coach = appraisal.employee_id.parent_id.user_id
        return {
            "name": self.env._(
                "Improvement plan of %(employee)s", employee=appraisal.employee_id.name
            ),
            "appraisal_id": appraisal.id,
            "user_id": coach.id,
            "follow_up_date": today + timedelta(days=90),
            "action_ids": [
                Command.create(
                    {
                        "name": self.env._("Training on the failed indicators"),
                        "action_type": "training",
                        "due_date": today + timedelta(days=30),
                        "user_id": coach.id,
                    }
                ),
                Command.create(
                    {
                        "name": self.env._("Coaching sessions with the manager"),
                        "action_type": "coaching",
                        "due_date": today + timedelta(days=60),
                        "user_id": coach.id,
                    }
                ),
            ],
        }

    def write(self, vals):
        # The employee followed never edits their own plan (a manager is
        # also someone's subordinate).
        if not self.env.su and any(
            plan.employee_id.user_id == self.env.user for plan in self
        ):
            raise AccessError(
                self.env._("Your improvement plan is followed by your coach and HR.")
            )
        return super().write(vals)

    def _ops_check_follower(self):
        """HR, the coach, or a manager above the employee (never the
        employee followed)."""
        if self.env.su:
            return
        Appraisal = self.env["hr.appraisal"]
        is_hr = Appraisal._ops_user_is_hr()
        my_employees = self.env.user.employee_ids
        for plan in self:
            allowed = plan.employee_id.user_id != self.env.user and (
                is_hr
                or plan.user_id == self.env.user
                or plan.appraisal_id._ops_is_manager_of_employee(my_employees)
            )
            if not allowed:
                raise AccessError(
                    self.env._(
                        "Only the coach, the managers of %(employee)s or HR may "
                        "do this on “%(plan)s”.",
                        employee=plan.employee_id.name,
                        plan=plan.name,
                    )
                )

    def _ops_move(self, state, vals=None):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for plan in self:
            if state not in PLAN_TRANSITIONS.get(plan.state, ()):
                raise UserError(
                    self.env._(
                        "“%(plan)s” is %(current)s; it cannot become %(target)s.",
                        plan=plan.name,
                        current=labels.get(plan.state),
                        target=labels.get(state),
                    )
                )
        as_server(self).write(dict(vals or {}, state=state))
        return True

    def _ops_follow_up_passed(self):
        """Whether the follow-up appraisal, published, of the same employee
        and later than the failed one, reaches the required grade."""
        self.ensure_one()
        plan = self.sudo()
        follow_up = plan.follow_up_appraisal_id
        failed = plan.appraisal_id
        grade = follow_up.ops_grade_id
        required = plan.required_grade_id
        return bool(
            follow_up
            and follow_up != failed
            and follow_up.employee_id == plan.employee_id
            and follow_up.ops_state in ("published", "acknowledged")
            and (
                not failed.ops_cycle_id
                or follow_up.ops_cycle_id.date_start > failed.ops_cycle_id.date_end
            )
            and grade
            and not grade.is_failing
            and (not required or grade.min_score >= required.min_score)
        )

    def action_close(self):
        """Closed only once the follow-up appraisal reaches the required
        grade (until the requirement is met), or by HR with a reason."""
        self._ops_check_follower()
        is_hr = self.env["hr.appraisal"]._ops_user_is_hr()
        for plan in self:
            if is_hr and (plan.close_reason or "").strip():
                plan.message_post(
                    body=self.env._(
                        "Closed by HR (%(user)s): %(reason)s",
                        user=self.env.user.name,
                        reason=plan.close_reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            if plan.action_ids.filtered(lambda a: not a.done):
                raise UserError(
                    self.env._(
                        "Complete every action of “%(plan)s” before closing it.",
                        plan=plan.name,
                    )
                )
            if not plan._ops_follow_up_passed():
                raise UserError(
                    self.env._(
                        "“%(plan)s” closes when a later, published appraisal of "
                        "%(employee)s reaches the grade %(grade)s; or HR closes "
                        "it with a reason.",
                        plan=plan.name,
                        employee=plan.employee_id.name,
                        grade=plan.required_grade_id.display_name or "-",
                    )
                )
        return self._ops_move(
            "closed", {"date_closed": fields.Date.context_today(self)}
        )

    def action_cancel(self):
        self._ops_check_follower()
        return self._ops_move("cancel")

    def action_reopen(self):
        self._ops_check_follower()
        return self._ops_move("open", {"date_closed": False})
