# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

# Graded training (分级培训): the level of the post the training is for.
LEVELS = [
    ("induction", "Induction"),
    ("junior", "Junior Posts"),
    ("senior", "Senior Posts"),
    ("management", "Management"),
]


class OpsTrainingPlanLine(models.Model):
    """A training of the plan: a course for the posts of a level, its
    participants, dates and budget; scheduling it creates the OCA course
    session (hr.course.schedule) with its attendees."""

    _name = "ops.training.plan.line"
    _description = "Training Plan Course"
    _inherit = ["ops.guarded.mixin"]
    _order = "plan_id, date_start, id"
    _ops_server_fields = ("schedule_id",)

    plan_id = fields.Many2one(
        "ops.training.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    course_id = fields.Many2one("hr.course", required=True)
    name = fields.Char(string="Session", required=True)
    level = fields.Selection(
        LEVELS, string="Post Level", required=True, default="junior"
    )
    job_ids = fields.Many2many("hr.job", string="Positions")
    employee_ids = fields.Many2many("hr.employee", string="Participants")
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="End", required=True)
    budget = fields.Monetary()
    survey_id = fields.Many2one(
        "survey.survey",
        string="Evaluation Survey",
        help="Participants evaluate the training with this survey; without "
        "one, they give a score and a comment.",
    )
    schedule_id = fields.Many2one(
        "hr.course.schedule", string="Course Session", readonly=True, copy=False
    )
    attendee_ids = fields.One2many(
        related="schedule_id.course_attendee_ids", string="Attendees"
    )
    evaluation_score = fields.Float(
        string="Average Evaluation", compute="_compute_evaluation", digits=(3, 2)
    )
    evaluation_count = fields.Integer(compute="_compute_evaluation")

    _sql_constraints = [
        ("budget_positive", "CHECK(budget >= 0)", "The budget cannot be negative."),
    ]

    @api.constrains("date_start", "date_end", "budget")
    def _check_values(self):
        for line in self:
            if line.date_end < line.date_start:
                raise ValidationError(
                    self.env._(
                        "“%(training)s” ends before it starts.", training=line.name
                    )
                )
            if not math.isfinite(line.budget):
                raise ValidationError(self.env._("The budget must be a number."))

    @api.depends("schedule_id.course_attendee_ids.ops_evaluation_score")
    def _compute_evaluation(self):
        for line in self:
            scores = [
                int(a.ops_evaluation_score)
                for a in line.sudo().schedule_id.course_attendee_ids
                if a.ops_evaluation_score
            ]
            line.evaluation_count = len(scores)
            line.evaluation_score = sum(scores) / len(scores) if scores else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        self.env["ops.training.plan"]._ops_check_hr()
        return super().create(vals_list)

    def write(self, vals):
        self.env["ops.training.plan"]._ops_check_hr()
        return super().write(vals)

    def unlink(self):
        self.env["ops.training.plan"]._ops_check_hr()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scheduled(self):
        if self.filtered("schedule_id"):
            raise UserError(
                self.env._("A scheduled training is cancelled on its course session.")
            )

    def action_fill_participants(self):
        """Graded by post: the employees holding the positions, in the
        plan's department (and below) or the company."""
        self.env["ops.training.plan"]._ops_check_hr()
        Employee = self.env["hr.employee"]
        for line in self:
            if not line.sudo().job_ids:
                raise UserError(
                    self.env._(
                        "Choose the positions of “%(training)s” first.",
                        training=line.name,
                    )
                )
            domain = [
                ("job_id", "in", line.sudo().job_ids.ids),
                ("company_id", "=", line.company_id.id),
            ]
            if line.plan_id.department_id:
                domain.append(
                    ("department_id", "child_of", line.plan_id.department_id.id)
                )
            line.employee_ids |= Employee.search(domain)
        return True

    def _ops_authoriser(self):
        """The employee who authorises the session (OCA requires one): the
        HR user who schedules it, else the plan's responsible."""
        employee = self.env.user.employee_id or self.plan_id.user_id.employee_id
        if not employee:
            raise UserError(
                self.env._(
                    "Scheduling a training needs your employee record (the "
                    "session's authoriser)."
                )
            )
        return employee

    def action_schedule(self):
        """Create the course session and its attendees (OCA's flow: waiting
        attendees, then in progress)."""
        self.env["ops.training.plan"]._ops_check_hr()
        for line in self:
            if line.plan_id.state != "confirmed":
                raise UserError(
                    self.env._(
                        "Confirm the plan “%(plan)s” before scheduling its "
                        "trainings.",
                        plan=line.plan_id.name,
                    )
                )
            if line.schedule_id:
                raise UserError(
                    self.env._(
                        "“%(training)s” is already scheduled.", training=line.name
                    )
                )
            if not line.employee_ids:
                raise UserError(
                    self.env._(
                        "Add the participants of “%(training)s” first.",
                        training=line.name,
                    )
                )
            # sudo: HR reviewers manage trainings without being HR
            # administrators of Odoo (hr.group_hr_manager owns sessions).
            schedule = (
                self.env["hr.course.schedule"]
                .sudo()
                .create(
                    {
                        "name": line.name,
                        "course_id": line.course_id.id,
                        "start_date": line.date_start,
                        "end_date": line.date_end,
                        "cost": line.budget,
                        "currency_id": line.currency_id.id,
                        "authorized_by": line._ops_authoriser().id,
                        "attendant_ids": [Command.set(line.employee_ids.ids)],
                        "ops_plan_line_id": line.id,
                    }
                )
            )
            schedule.draft2waiting()
            schedule.waiting2inprogress()
            as_server(line).write({"schedule_id": schedule.id})
            # Each participant is asked on the plan (the OCA session has no
            # activities) to attend and evaluate the training.
            for attendee in schedule.course_attendee_ids.filtered(
                "employee_id.user_id"
            ):
                line.plan_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=line.date_end,
                    summary=line._ops_activity_summary(),
                    user_id=attendee.employee_id.user_id.id,
                )
        return True

    def _ops_activity_summary(self):
        self.ensure_one()
        return self.env._("Attend and evaluate: %(training)s", training=self.name)
