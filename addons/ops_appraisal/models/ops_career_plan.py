# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

CAREER_TRANSITIONS = {
    "draft": ("active", "cancel"),
    "active": ("achieved", "cancel"),
    "achieved": (),
    "cancel": ("draft",),
}


class OpsCareerPlan(models.Model):
    """An employee's development and career plan (职业规划 / 职业发展规划),
    agreed with their manager on the basis of an appraisal result: target
    position, skills to build and trainings of the training plans."""

    _name = "ops.career.plan"
    _description = "Career Development Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "id desc"
    _ops_server_fields = ("state",)

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="cascade"
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Employee Department"
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, string="Company"
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Appraisal Result",
        domain="[('employee_id', '=', employee_id), ('ops_state', 'in', "
        "('published', 'acknowledged'))]",
    )
    grade_id = fields.Many2one(related="appraisal_id.ops_grade_id", string="Grade")
    current_job_id = fields.Many2one(related="employee_id.job_id", string="Position")
    target_job_id = fields.Many2one("hr.job", string="Target Position", tracking=True)
    target_date = fields.Date(tracking=True)
    skill_ids = fields.Many2many("hr.skill", string="Skills to Develop")
    training_line_ids = fields.Many2many(
        "ops.training.plan.line", string="Planned Trainings"
    )
    goals = fields.Html(string="Development Goals")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("active", "In Progress"),
            ("achieved", "Achieved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.depends("employee_id")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Career plan of %(employee)s", employee=plan.employee_id.name or ""
            )

    @api.constrains("appraisal_id", "employee_id")
    def _check_appraisal_employee(self):
        for plan in self:
            if plan.appraisal_id and plan.appraisal_id.employee_id != plan.employee_id:
                raise ValidationError(
                    self.env._(
                        "The appraisal of a career plan is one of %(employee)s's own.",
                        employee=plan.employee_id.name,
                    )
                )

    def _ops_check_coach(self):
        """HR or a manager above the employee, never the employee."""
        if self.env.su:
            return True
        Appraisal = self.env["hr.appraisal"]
        is_hr = Appraisal._ops_user_is_hr()
        mine = self.env.user.employee_ids
        for plan in self:
            employee = plan.sudo().employee_id
            allowed = employee.user_id != self.env.user and (
                is_hr
                or employee
                in self.env["hr.employee"]
                .sudo()
                .search([("id", "child_of", mine.ids), ("id", "not in", mine.ids)])
            )
            if not allowed:
                raise AccessError(
                    self.env._(
                        "The career plan of %(employee)s is agreed by their "
                        "managers and HR.",
                        employee=employee.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._ops_check_coach()
        return plans

    def write(self, vals):
        self._ops_check_coach()
        res = super().write(vals)
        if "employee_id" in vals:
            self._ops_check_coach()
        return res

    def _ops_move(self, state):
        for plan in self:
            if state not in CAREER_TRANSITIONS.get(plan.state, ()):
                raise UserError(
                    self.env._("“%(plan)s” cannot move to this stage.", plan=plan.name)
                )
        as_server(self).write({"state": state})
        return True

    def action_start(self):
        self._ops_check_coach()
        return self._ops_move("active")

    def action_achieve(self):
        self._ops_check_coach()
        return self._ops_move("achieved")

    def action_cancel(self):
        self._ops_check_coach()
        return self._ops_move("cancel")

    def action_draft(self):
        self._ops_check_coach()
        return self._ops_move("draft")
