# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .ops_supplier_criterion import DEPARTMENTS


class OpsSupplierEvaluationLine(models.Model):
    """One criterion of a supplier's scorecard, scored 0-100."""

    _name = "ops.supplier.evaluation.line"
    _description = "Supplier Evaluation Score"
    _order = "sequence, id"

    evaluation_id = fields.Many2one(
        "ops.supplier.evaluation", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("ops.supplier.criterion", required=True)
    name = fields.Char(related="criterion_id.name")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    department = fields.Selection(DEPARTMENTS, required=True, default="purchasing")
    weight = fields.Float(required=True, default=1.0)
    score = fields.Float(help="0 to 100.")
    comment = fields.Char()
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)

    _sql_constraints = [
        ("score_range", "CHECK(score >= 0 AND score <= 100)", "A score is 0-100."),
        ("weight_positive", "CHECK(weight > 0)", "A weight is positive."),
    ]

    def _ops_check_evaluation_open(self):
        # The scorecard is the evaluation: frozen as soon as it is submitted.
        for line in self:
            evaluation = line.evaluation_id
            if evaluation.state != "draft" or evaluation.review_ids:
                raise UserError(
                    self.env._(
                        "The scorecard of “%(evaluation)s” is under review or "
                        "decided: its scores can no longer change.",
                        evaluation=evaluation.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._ops_check_evaluation_open()
        return lines

    def write(self, vals):
        self._ops_check_evaluation_open()
        res = super().write(vals)
        self._ops_check_evaluation_open()
        return res

    def unlink(self):
        self._ops_check_evaluation_open()
        return super().unlink()
