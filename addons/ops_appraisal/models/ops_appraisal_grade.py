# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsAppraisalGrade(models.Model):
    """A grade band.

    Boundaries: a band starts at its minimum score, INCLUSIVE, and ends
    just below the minimum score of the next higher band (EXCLUSIVE). With
    the defaults, 90 is A (优秀), 89.99 is B (良好), 80 is B, 60 is C (合格)
    and 59.99 is D (不合格).
    """

    _name = "ops.appraisal.grade"
    _description = "Appraisal Grade Band"
    _order = "min_score desc"
    _inherit = ["ops.appraisal.finite.mixin"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    min_score = fields.Float(
        string="Minimum Score (inclusive)",
        required=True,
        help="A total score equal to or above this value, and below the "
        "minimum of the next higher band, gets this grade.",
    )
    bonus_coefficient = fields.Float(
        required=True,
        default=1.0,
        help="Quarterly bonus = base bonus × coefficient (× proration).",
    )
    is_failing = fields.Boolean(
        string="Failing Grade",
        help="Publishing an appraisal with this grade opens an improvement plan.",
    )
    recommendation = fields.Selection(
        selection=[
            ("promotion", "Promotion"),
            ("salary", "Salary Adjustment"),
            ("none", "None"),
        ],
        string="Annual Recommendation",
        required=True,
        default="none",
    )
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "min_score_unique",
            "UNIQUE(company_id, min_score)",
            "Two grade bands cannot start at the same score.",
        ),
        (
            "min_score_range",
            "CHECK(min_score >= 0 AND min_score <= 100)",
            "A grade band starts at a score between 0 and 100.",
        ),
        (
            "coefficient_positive",
            "CHECK(bonus_coefficient >= 0)",
            "The bonus coefficient cannot be negative.",
        ),
    ]

    @api.constrains("min_score", "bonus_coefficient")
    def _check_values(self):
        for band in self:
            if not (math.isfinite(band.min_score) and 0 <= band.min_score <= 100):
                raise ValidationError(
                    self.env._(
                        "Grade band “%(band)s” must start at a score between 0 "
                        "and 100; %(score)s given.",
                        band=band.name,
                        score=band.min_score,
                    )
                )
            coefficient = band.bonus_coefficient
            if not (math.isfinite(coefficient) and coefficient >= 0):
                raise ValidationError(
                    self.env._(
                        "The bonus coefficient of grade band “%(band)s” cannot be "
                        "negative; %(coefficient)s given.",
                        band=band.name,
                        coefficient=coefficient,
                    )
                )

    @api.model
    def _ops_bands(self, company):
        return self.search([("company_id", "=", company.id)], order="min_score desc")

    @api.model
    def _ops_grade_for(self, score, bands):
        """The band whose [min_score, next band's min_score) holds ``score``."""
        for band in bands:  # sorted by min_score desc
            if score >= band.min_score:
                return band
        return self.browse()
