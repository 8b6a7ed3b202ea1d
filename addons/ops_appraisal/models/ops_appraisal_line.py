# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server

from .ops_appraisal_template_line import DIMENSIONS

SELF_FIELDS = {"self_score", "self_comment"}
MANAGER_FIELDS = {"manager_score", "manager_comment", "override_reason"}
# Server key of HR's adjustment wizard: the only change of an approved score.
ADJUST_KEY = "ops_score_adjust"
# Stages in which HR may still change the indicators themselves.
OPEN_STATES = ("self_assessment", "manager_review")


class OpsAppraisalLine(models.Model):
    """An indicator of an appraisal, scored 1-100 by the employee (self-
    assessment) and by the manager; 0 means "not scored yet"."""

    _name = "ops.appraisal.line"
    _description = "Appraisal Indicator Score"
    _order = "appraisal_id, sequence, id"
    _inherit = ["ops.appraisal.finite.mixin"]

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    # Translated like the template's indicator it is copied from, so that
    # every appraiser reads it in their own language.
    name = fields.Char(string="Indicator", required=True, translate=True)
    template_line_id = fields.Many2one(
        "ops.appraisal.template.line",
        string="Template Indicator",
        readonly=True,
        ondelete="set null",
        index="btree_not_null",
    )
    dimension = fields.Selection(DIMENSIONS, required=True, default="results")
    weight = fields.Float(required=True)
    description = fields.Text(string="How It Is Measured", translate=True)
    self_score = fields.Float(digits=(5, 2))
    self_comment = fields.Text()
    manager_score = fields.Float(digits=(5, 2))
    manager_comment = fields.Text()
    weighted_score = fields.Float(
        compute="_compute_weighted_score", store=True, digits=(5, 2)
    )
    company_id = fields.Many2one(
        related="appraisal_id.company_id", store=True, index=True
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

    @api.constrains("self_score", "manager_score", "weight")
    def _check_ranges(self):
        # Same rules as the SQL constraints, with a message naming the
        # indicator; also catches NaN and infinity sent over RPC.
        for line in self:
            for score in (line.self_score, line.manager_score):
                if not (math.isfinite(score) and 0 <= score <= 100):
                    raise ValidationError(
                        self.env._(
                            "The score of “%(indicator)s” must lie between 1 and "
                            "100 (0 means not scored yet); %(score)s given.",
                            indicator=line.name,
                            score=score,
                        )
                    )
            if not (math.isfinite(line.weight) and 0 < line.weight <= 100):
                raise ValidationError(
                    self.env._(
                        "The weight of “%(indicator)s” must be more than 0 and "
                        "at most 100; %(weight)s given.",
                        indicator=line.name,
                        weight=line.weight,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines._ops_check_structure_change()
        return lines

    def write(self, vals):
        if not self.env.su:
            self._ops_check_write(set(vals))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._ops_check_structure_change()
        return super().unlink()

    def _ops_check_structure_change(self):
        """Adding or removing an indicator: HR, before approval only."""
        is_hr = self.env["hr.appraisal"]._ops_user_is_hr()
        for appraisal in self.appraisal_id:
            is_appraised = appraisal.employee_id.user_id == self.env.user
            if not is_hr or is_appraised or appraisal.ops_state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "Only HR may add or remove the indicators of an "
                        "appraisal, before it is approved."
                    )
                )

    def _ops_check_write(self, fnames):
        Appraisal = self.env["hr.appraisal"]
        user = self.env.user
        is_hr = Appraisal._ops_user_is_hr()
        adjusting = is_server(self, ADJUST_KEY) and is_hr
        if "appraisal_id" in fnames:
            raise UserError(
                self.env._("An indicator cannot be moved to another appraisal.")
            )
        other = fnames - SELF_FIELDS - MANAGER_FIELDS - {"sequence"}
        my_employees = user.employee_ids
        for appraisal in self.appraisal_id:
            state = appraisal.ops_state
            is_appraised = appraisal.employee_id.user_id == user
            if other and (not is_hr or is_appraised or state not in OPEN_STATES):
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
