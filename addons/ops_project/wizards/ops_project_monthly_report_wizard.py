# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


def _previous_month(self):
    return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)


class OpsProjectMonthlyReportWizard(models.TransientModel):
    _name = "ops.project.monthly.report.wizard"
    _description = "Build a Monthly Operations Report"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    month = fields.Date(
        required=True,
        default=_previous_month,
        help="Any day of the month to report.",
    )

    def action_build(self):
        self.ensure_one()
        Report = self.env["ops.project.monthly.report"]
        Report._ops_check_can_build(self.company_id)
        report = Report._ops_report_of(self.company_id, self.month)
        report._ops_build_in_background()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.project.monthly.report",
            "res_id": report.id,
            "view_mode": "form",
        }
