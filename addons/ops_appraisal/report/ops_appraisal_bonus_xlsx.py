# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class OpsAppraisalBonusXlsx(models.AbstractModel):
    """Bonus list of a cycle for payroll."""

    _name = "report.ops_appraisal.cycle_bonus_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appraisal Cycle Bonus Export"

    def _ops_headers(self):
        return [
            self.env._("Employee"),
            self.env._("Department"),
            self.env._("Score"),
            self.env._("Grade"),
            self.env._("Coefficient"),
            self.env._("Base Bonus"),
            self.env._("Bonus Amount"),
        ]

    def generate_xlsx_report(self, workbook, data, cycles):
        # The bonus list is payroll data: HR only, checked here and not only
        # by the report's groups (a report is rendered by URL or RPC too).
        cycles._ops_check_hr()
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        for cycle in cycles:
            sheet = workbook.add_worksheet(cycle.name[:31])
            for col, header in enumerate(self._ops_headers()):
                sheet.write(0, col, header, bold)
            appraisals = cycle.appraisal_ids.filtered(
                lambda a: a.ops_state in ("published", "acknowledged")
            ).sorted(lambda a: (a.department_id.name or "", a.employee_id.name))
            for row, appraisal in enumerate(appraisals, start=1):
                sheet.write(row, 0, appraisal.employee_id.name)
                sheet.write(row, 1, appraisal.department_id.name or "")
                sheet.write_number(row, 2, round(appraisal.ops_total_score, 2))
                sheet.write(row, 3, appraisal.ops_grade_id.code or "")
                sheet.write_number(row, 4, appraisal.ops_bonus_coefficient)
                sheet.write_number(row, 5, appraisal.ops_base_bonus, money)
                sheet.write_number(row, 6, appraisal.ops_bonus_amount, money)
            sheet.set_column(0, 1, 24)
            sheet.set_column(2, 6, 14)
