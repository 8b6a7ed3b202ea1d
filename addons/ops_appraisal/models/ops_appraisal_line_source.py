# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare

from .ops_appraisal_indicator_source import SOURCES

# Written by the server only (copied from the template, read from the data).
SOURCE_FIELDS = {"source", "target", "source_value", "source_note", "source_score"}


class OpsAppraisalLine(models.Model):
    """A results indicator filled from the suite's data: the value and its
    source are shown; the manager may score otherwise, with a reason."""

    _inherit = "ops.appraisal.line"

    source = fields.Selection(
        SOURCES, string="Value From", default="manual", readonly=True
    )
    target = fields.Float(readonly=True)
    source_value = fields.Float(string="Measured Value", readonly=True, digits=(16, 2))
    source_note = fields.Char(string="Source", readonly=True)
    source_score = fields.Float(string="Score from Data", readonly=True, digits=(5, 2))
    override_reason = fields.Text(
        string="Reason for Another Score",
        help="Required when the manager's score differs from the score read "
        "from the data.",
    )
    is_overridden = fields.Boolean(compute="_compute_is_overridden")

    @api.depends("source", "source_score", "manager_score")
    def _compute_is_overridden(self):
        for line in self:
            line.is_overridden = bool(
                line.source != "manual"
                and line.source_score
                and float_compare(line.manager_score, line.source_score, 2)
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(SOURCE_FIELDS.intersection(v) for v in vals_list):
            raise UserError(
                self.env._("The source of an indicator comes from its template.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if SOURCE_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "The value read from the data is set by “Read Indicators "
                        "from Data”; score the indicator instead."
                    )
                )
            if "manager_score" in vals:
                self._ops_check_override(vals)
        return super().write(vals)

    def _ops_check_override(self, vals):
        for line in self:
            if line.source == "manual" or not line.source_score:
                continue
            if not float_compare(vals["manager_score"] or 0.0, line.source_score, 2):
                continue
            reason = vals.get("override_reason", line.override_reason)
            if not (reason or "").strip():
                raise UserError(
                    self.env._(
                        "“%(indicator)s” reads %(score)s from the data (%(note)s): "
                        "give the reason for another score.",
                        indicator=line.name,
                        score=line.source_score,
                        note=line.source_note or "",
                    )
                )
