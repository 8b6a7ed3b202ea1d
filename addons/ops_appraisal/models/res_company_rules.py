# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .ops_appraisal_template_line import DIMENSIONS

POINTS_RULES = [
    ("none", "Not Counted"),
    ("bonus", "Bonus or Malus on the Total"),
    ("indicator", "On the Indicators of a Dimension"),
]


class ResCompany(models.Model):
    """Company rules of the appraisal's surroundings: how reward and
    penalty points (ops.accountability) count, and who needs an NDA."""

    _inherit = "res.company"

    ops_appraisal_points_rule = fields.Selection(
        POINTS_RULES,
        string="Reward and Penalty Points",
        required=True,
        default="bonus",
        help="Bonus or malus: the points of the period (× factor, within the "
        "bounds) are added to the total score. On the indicators: they are "
        "added to the manager score of each indicator of the chosen "
        "dimension (within 0-100).",
    )
    ops_appraisal_points_factor = fields.Float(string="Score per Point", default=1.0)
    ops_appraisal_points_max_bonus = fields.Float(string="Maximum Bonus", default=5.0)
    ops_appraisal_points_max_malus = fields.Float(string="Maximum Malus", default=5.0)
    ops_appraisal_points_dimension = fields.Selection(
        DIMENSIONS, string="Dimension of the Points", default="attitude"
    )
    ops_nda_required = fields.Boolean(
        string="NDA Required for Operations Data",
        help="Employees holding one of the listed positions open operations "
        "records only with a signed, valid confidentiality agreement.",
    )
    ops_nda_job_ids = fields.Many2many(
        "hr.job",
        "ops_company_nda_job_rel",
        "company_id",
        "job_id",
        string="Positions Requiring an NDA",
    )

    @api.constrains(
        "ops_appraisal_points_factor",
        "ops_appraisal_points_max_bonus",
        "ops_appraisal_points_max_malus",
    )
    def _check_ops_appraisal_points(self):
        for company in self:
            for value in (
                company.ops_appraisal_points_factor,
                company.ops_appraisal_points_max_bonus,
                company.ops_appraisal_points_max_malus,
            ):
                if not (math.isfinite(value) and 0 <= value <= 100):
                    raise ValidationError(
                        self.env._(
                            "The factor and the bounds of the reward and penalty "
                            "points lie between 0 and 100."
                        )
                    )

    def _ops_points_adjustment(self, points):
        """Bonus or malus for ``points`` under the bonus rule (bounded)."""
        self.ensure_one()
        value = points * self.ops_appraisal_points_factor
        return max(
            -self.ops_appraisal_points_max_malus,
            min(self.ops_appraisal_points_max_bonus, value),
        )
