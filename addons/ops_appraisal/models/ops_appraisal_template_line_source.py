# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .ops_appraisal_indicator_source import SOURCES


class OpsAppraisalTemplateLine(models.Model):
    _inherit = "ops.appraisal.template.line"

    source = fields.Selection(
        SOURCES,
        string="Value From",
        required=True,
        default="manual",
        help="A results indicator can read its value for the period from "
        "the suite's data; the manager may override it with a reason.",
    )
    target = fields.Float(
        help="Value that scores 100 (amounts: won revenue, ROI); "
        "percentages score as they are.",
    )

    @api.constrains("target")
    def _check_target(self):
        for line in self:
            if not (math.isfinite(line.target) and line.target >= 0):
                raise ValidationError(
                    self.env._(
                        "The target of “%(indicator)s” cannot be negative.",
                        indicator=line.name,
                    )
                )
