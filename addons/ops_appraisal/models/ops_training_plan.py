# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

PLAN_TRANSITIONS = {
    "draft": ("confirmed", "cancel"),
    "confirmed": ("done", "draft", "cancel"),
    "done": (),
    "cancel": ("draft",),
}


class OpsTrainingPlan(models.Model):
    """A department's training plan of a year (年度培训计划): courses
    (OCA hr_course), graded by post, with participants, dates and budget."""

    _name = "ops.training.plan"
    _description = "Training Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True
    _ops_server_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    department_id = fields.Many2one("hr.department", tracking=True, check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(tracking=True, help="Budget of the whole plan.")
    budget_planned = fields.Monetary(
        string="Planned Cost", compute="_compute_budget_planned", store=True
    )
    line_ids = fields.One2many(
        "ops.training.plan.line", "plan_id", string="Trainings", copy=True
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    note = fields.Html()

    _sql_constraints = [
        ("budget_positive", "CHECK(budget >= 0)", "The budget cannot be negative."),
    ]

    @api.depends("line_ids.budget")
    def _compute_budget_planned(self):
        for plan in self:
            plan.budget_planned = sum(plan.line_ids.mapped("budget"))

    @api.constrains("budget", "line_ids")
    def _check_budget(self):
        for plan in self:
            if not math.isfinite(plan.budget):
                raise ValidationError(self.env._("The budget must be a number."))
            if plan.budget and plan.budget_planned > plan.budget:
                raise ValidationError(
                    self.env._(
                        "The trainings of “%(plan)s” cost %(planned)s, more than "
                        "its budget of %(budget)s.",
                        plan=plan.name,
                        planned=plan.budget_planned,
                        budget=plan.budget,
                    )
                )

    @api.model
    def _ops_check_hr(self):
        if not self.env.su and not self.env.user.has_group("ops_base.group_ops_hr"):
            raise AccessError(self.env._("Only HR plans and schedules trainings."))
        return True

    def _ops_move(self, state):
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
        as_server(self).write({"state": state})
        return True

    def action_confirm(self):
        self._ops_check_hr()
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("Add the trainings of “%(plan)s” first.", plan=plan.name)
                )
        return self._ops_move("confirmed")

    def action_done(self):
        self._ops_check_hr()
        return self._ops_move("done")

    def action_cancel(self):
        self._ops_check_hr()
        return self._ops_move("cancel")

    def action_draft(self):
        self._ops_check_hr()
        return self._ops_move("draft")
