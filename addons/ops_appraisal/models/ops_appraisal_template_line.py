# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server

from .ops_appraisal_template import TEMPLATE_WRITE_KEY

DIMENSIONS = [
    ("results", "Results"),
    ("ability", "Ability"),
    ("attitude", "Attitude"),
]


class OpsAppraisalTemplateLine(models.Model):
    _name = "ops.appraisal.template.line"
    _description = "Appraisal KPI Template Indicator"
    _order = "template_id, sequence, id"
    _inherit = ["ops.appraisal.finite.mixin"]

    template_id = fields.Many2one(
        "ops.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True, translate=True)
    dimension = fields.Selection(DIMENSIONS, required=True, default="results")
    weight = fields.Float(required=True, help="Share of the total score, in %.")
    description = fields.Text(
        string="How It Is Measured",
        translate=True,
    )
    company_id = fields.Many2one(
        related="template_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight > 0 AND weight <= 100)",
            "An indicator weighs more than 0 and at most 100.",
        ),
    ]

    @api.constrains("weight")
    def _check_weight(self):
        for line in self:
            if not (math.isfinite(line.weight) and 0 < line.weight <= 100):
                raise ValidationError(
                    self.env._(
                        "The weight of “%(indicator)s” must be more than 0 and "
                        "at most 100; %(weight)s given.",
                        indicator=line.name,
                        weight=line.weight,
                    )
                )

    # Lines edited through their template are checked once by the template's
    # constraint (after all the commands); lines edited on their own are
    # checked here, so no path leaves a template off 100. Loading the data
    # file (superuser) adds the seeded lines one by one.
    def _ops_through_template(self):
        return is_server(self, TEMPLATE_WRITE_KEY)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self._ops_through_template():
            lines.template_id._check_total_weight()
        return lines

    def write(self, vals):
        templates = self.template_id
        res = super().write(vals)
        if not self._ops_through_template() and (
            "weight" in vals or "template_id" in vals
        ):
            (templates | self.template_id)._check_total_weight()
        return res

    def unlink(self):
        templates = self.template_id
        res = super().unlink()
        if not self._ops_through_template():
            templates.exists()._check_total_weight()
        return res
