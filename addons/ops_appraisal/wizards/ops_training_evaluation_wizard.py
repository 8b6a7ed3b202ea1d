# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.hr_course_attendee import EVALUATION_SCORES


class OpsTrainingEvaluationWizard(models.TransientModel):
    _name = "ops.training.evaluation.wizard"
    _description = "Evaluate a Training"

    attendee_id = fields.Many2one("hr.course.attendee", required=True)
    score = fields.Selection(EVALUATION_SCORES, string="Evaluation", required=True)
    comment = fields.Text()

    def action_submit(self):
        self.ensure_one()
        # The attendee checks that the current user is the participant.
        return self.attendee_id._ops_submit_evaluation(self.score, self.comment)
