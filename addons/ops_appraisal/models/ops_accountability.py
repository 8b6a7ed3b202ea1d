# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# Fields whose change moves the points of an open appraisal.
POINTS_FIELDS = {"employee_id", "date", "decision", "points"}


class OpsAccountability(models.Model):
    """A reward or penalty moves the points of the employee's open
    appraisals of the period (the score follows the company's rule)."""

    _inherit = "ops.accountability"

    def _ops_open_appraisals(self):
        employees = self.sudo().employee_id
        if not employees:
            return self.env["hr.appraisal"]
        return (
            self.env["hr.appraisal"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("ops_cycle_id", "!=", False),
                    ("ops_state", "in", ("self_assessment", "manager_review")),
                ]
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ops_open_appraisals()._ops_refresh_points()
        return records

    def write(self, vals):
        before = self._ops_open_appraisals() if POINTS_FIELDS & set(vals) else None
        res = super().write(vals)
        if before is not None:
            (before | self._ops_open_appraisals())._ops_refresh_points()
        return res

    def unlink(self):
        appraisals = self._ops_open_appraisals()
        res = super().unlink()
        appraisals._ops_refresh_points()
        return res
