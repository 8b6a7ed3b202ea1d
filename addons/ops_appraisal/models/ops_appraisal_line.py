# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .ops_appraisal_template_line import DIMENSIONS

SELF_FIELDS = {"self_score", "self_comment"}
MANAGER_FIELDS = {"manager_score", "manager_comment"}


class OpsAppraisalLine(models.Model):
    """An indicator of an appraisal, scored 1-100 by the employee (self-
    assessment) and by the manager; 0 means "not scored yet"."""

    _name = "ops.appraisal.line"
    _description = "Appraisal Indicator Score"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True)
    dimension = fields.Selection(DIMENSIONS, required=True, default="results")
    weight = fields.Float(required=True)
    description = fields.Text(string="How It Is Measured")
    self_score = fields.Float(digits=(5, 2))
    self_comment = fields.Text()
    manager_score = fields.Float(digits=(5, 2))
    manager_comment = fields.Text()
    weighted_score = fields.Float(
        compute="_compute_weighted_score", store=True, digits=(5, 2)
    )

    _sql_constraints = [
        (
            "scores_range",
            "CHECK(self_score >= 0 AND self_score <= 100 "
            "AND manager_score >= 0 AND manager_score <= 100)",
            "Scores lie between 0 and 100.",
        ),
        (
            "weight_positive",
            "CHECK(weight > 0 AND weight <= 100)",
            "An indicator weighs more than 0 and at most 100.",
        ),
    ]

    @api.depends("weight", "manager_score")
    def _compute_weighted_score(self):
        for line in self:
            line.weighted_score = line.weight * line.manager_score / 100.0

    def write(self, vals):
        if not self.env.su:
            self._ops_check_write(set(vals))
        return super().write(vals)

    def _ops_check_write(self, fnames):
        Appraisal = self.env["hr.appraisal"]
        user = self.env.user
        is_hr = Appraisal._ops_user_is_hr()
        adjusting = self.env.context.get("ops_score_adjust") and is_hr
        other = fnames - SELF_FIELDS - MANAGER_FIELDS - {"sequence"}
        my_employees = user.employee_ids
        for appraisal in self.appraisal_id:
            state = appraisal.ops_state
            is_appraised = appraisal.employee_id.user_id == user
            if other and not (is_hr and state in ("self_assessment", "manager_review")):
                raise UserError(
                    self.env._("Only HR may change the indicators of an appraisal.")
                )
            if fnames & SELF_FIELDS and not (
                state == "self_assessment" and (is_appraised or is_hr)
            ):
                raise UserError(
                    self.env._(
                        "The self-assessment is filled in by the employee, "
                        "during the self-assessment stage only."
                    )
                )
            if not fnames & MANAGER_FIELDS:
                continue
            if state in ("published", "acknowledged"):
                if not adjusting:
                    raise UserError(
                        self.env._(
                            "This appraisal is approved: only HR may change a "
                            "score, with a reason (Adjust a Score)."
                        )
                    )
                continue
            if state != "manager_review" or is_appraised:
                raise UserError(
                    self.env._(
                        "Manager scores are given by the employee's managers "
                        "during the manager scoring stage."
                    )
                )
            if appraisal.review_ids and appraisal.validation_status != "rejected":
                # Calibration: only the reviewers whose turn it is.
                if not (appraisal.can_review or adjusting):
                    raise UserError(
                        self.env._(
                            "The appraisal is under approval: only the current "
                            "reviewer may calibrate the scores."
                        )
                    )
            elif not (is_hr or appraisal._ops_is_manager_of_employee(my_employees)):
                raise UserError(
                    self.env._(
                        "Only the managers of %(employee)s may score this appraisal.",
                        employee=appraisal.employee_id.name,
                    )
                )
