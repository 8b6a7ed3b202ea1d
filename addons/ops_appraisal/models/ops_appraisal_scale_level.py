# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsAppraisalScaleLevel(models.Model):
    """One level of the scoring scale, with the descriptor appraisers read
    before giving an indicator its score (0-100)."""

    _name = "ops.appraisal.scale.level"
    _description = "Appraisal Scoring Scale Level"
    _order = "score_min desc"

    name = fields.Char(string="Level", required=True, translate=True)
    score_min = fields.Float(
        string="From Score", required=True, help="Lowest score of the level."
    )
    score_max = fields.Float(
        string="To Score", required=True, help="Highest score of the level."
    )
    descriptor = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Empty: the scale is shared by every company (the seeded one).",
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score_min >= 0 AND score_max <= 100 AND score_min <= score_max)",
            "A scale level covers scores between 0 and 100, from the lower "
            "to the higher score.",
        ),
    ]
