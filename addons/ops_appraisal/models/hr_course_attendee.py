# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server

EVALUATION_SCORES = [
    ("1", "Very Poor"),
    ("2", "Poor"),
    ("3", "Average"),
    ("4", "Good"),
    ("5", "Excellent"),
]
# Session states in which the participants attend and evaluate.
OPEN_SESSION_STATES = ("in_progress", "in_validation", "completed")


class HrCourseSchedule(models.Model):
    _inherit = "hr.course.schedule"

    ops_plan_line_id = fields.Many2one(
        "ops.training.plan.line", string="Training Plan Course", readonly=True
    )


class HrCourseAttendee(models.Model):
    """Attendance confirmed by the participant and the participant's
    evaluation of the training (score and comment, or the plan's survey)."""

    _name = "hr.course.attendee"
    _inherit = ["hr.course.attendee", "ops.guarded.mixin"]
    _ops_server_fields = (
        "ops_attended",
        "ops_attended_date",
        "ops_evaluation_score",
        "ops_evaluation_comment",
        "ops_evaluated_date",
        "ops_survey_answer_id",
    )

    ops_plan_line_id = fields.Many2one(
        related="course_schedule_id.ops_plan_line_id", string="Training Plan Course"
    )
    ops_is_me = fields.Boolean(compute="_compute_ops_is_me")
    ops_attended = fields.Boolean(string="Attended", readonly=True)
    ops_attended_date = fields.Datetime(string="Attendance Confirmed", readonly=True)
    ops_evaluation_score = fields.Selection(
        EVALUATION_SCORES, string="Evaluation", readonly=True
    )
    ops_evaluation_comment = fields.Text(string="Evaluation Comment", readonly=True)
    ops_evaluated_date = fields.Datetime(string="Evaluated On", readonly=True)
    ops_survey_answer_id = fields.Many2one(
        "survey.user_input", string="Survey Answer", readonly=True
    )

    @api.depends_context("uid")
    @api.depends("employee_id.user_id")
    def _compute_ops_is_me(self):
        for attendee in self:
            attendee.ops_is_me = attendee.employee_id.user_id == self.env.user

    def _ops_check_participant(self):
        for attendee in self:
            if attendee.sudo().employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the participant confirms and evaluates their training."
                    )
                )
            if attendee.course_schedule_id.state not in OPEN_SESSION_STATES:
                raise UserError(
                    self.env._(
                        "“%(training)s” has not started: it is attended and "
                        "evaluated once in progress.",
                        training=attendee.name,
                    )
                )
            if not attendee.active:
                raise UserError(
                    self.env._(
                        "You were removed from “%(training)s”.", training=attendee.name
                    )
                )

    def action_ops_confirm_attendance(self):
        self._ops_check_participant()
        as_server(self.sudo()).write(
            {"ops_attended": True, "ops_attended_date": fields.Datetime.now()}
        )
        return True

    def action_ops_evaluate(self):
        """The plan's survey if it has one, else the evaluation form."""
        self.ensure_one()
        self._ops_check_participant()
        if not self.ops_attended:
            raise UserError(self.env._("Confirm your attendance before evaluating."))
        if self.ops_evaluated_date:
            raise UserError(self.env._("You already evaluated this training."))
        survey = self.sudo().ops_plan_line_id.survey_id
        if survey:
            answer = self.sudo().ops_survey_answer_id or survey._create_answer(
                user=self.env.user, check_attempts=False
            )
            as_server(self.sudo()).write({"ops_survey_answer_id": answer.id})
            return {
                "type": "ir.actions.act_url",
                "url": answer.get_start_url(),
                "target": "self",
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluate the Training"),
            "res_model": "ops.training.evaluation.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_attendee_id": self.id},
        }

    def _ops_submit_evaluation(self, score, comment):
        self.ensure_one()
        self._ops_check_participant()
        if not self.ops_attended:
            raise UserError(self.env._("Confirm your attendance before evaluating."))
        if self.ops_evaluated_date:
            raise UserError(self.env._("You already evaluated this training."))
        if score not in dict(EVALUATION_SCORES):
            raise UserError(self.env._("Give the training a score from 1 to 5."))
        as_server(self.sudo()).write(
            {
                "ops_evaluation_score": score,
                "ops_evaluation_comment": comment,
                "ops_evaluated_date": fields.Datetime.now(),
            }
        )
        line = self.sudo().ops_plan_line_id
        if line:
            summary = line._ops_activity_summary()
            line.plan_id.activity_ids.filtered(
                lambda a: a.user_id == self.env.user and a.summary == summary
            ).action_feedback(feedback=self.env._("Evaluated"))
        return True
