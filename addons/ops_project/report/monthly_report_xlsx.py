# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .xlsx_table import write_table


class MonthlyReportXlsx(models.AbstractModel):
    _name = "report.ops_project.monthly_report_xlsx"
    _description = "Monthly Operations Report (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Project"),
            self.env._("Phase"),
            self.env._("Project Lead"),
            self.env._("Milestones Due"),
            self.env._("Milestones Reached"),
            self.env._("Milestones Late"),
            self.env._("Budget"),
            self.env._("Actual (Month)"),
            self.env._("Actual (To Date)"),
            self.env._("Open Low Risks"),
            self.env._("Open Medium Risks"),
            self.env._("Open High Risks"),
            self.env._("Change Requests"),
            self.env._("Approved Changes"),
        ]
        for report in reports:
            sheet = workbook.add_worksheet(report.month.strftime("%Y-%m"))
            sheet.write(0, 0, report.name, bold)
            sheet.write(1, 0, report.company_id.name)
            rows = [
                [
                    line.project_id.name,
                    line.stage_id.name or "",
                    line.user_id.name or "",
                    line.milestones_due,
                    line.milestones_done,
                    line.milestones_late,
                    line.budget,
                    line.actual_month,
                    line.actual_to_date,
                    line.risks_low,
                    line.risks_medium,
                    line.risks_high,
                    line.changes_count,
                    line.changes_approved,
                ]
                for line in report.line_ids
            ]
            write_table(
                workbook, sheet, 3, headers, rows, {6, 7, 8}, self.env._("Total")
            )
            self._write_demands(sheet, report, 3 + len(rows) + 3, bold)

    def _write_demands(self, sheet, report, top, bold):
        """The month's demands (需求), under the projects' table."""
        sheet.write(top, 0, self.env._("Demands"), bold)
        for row, (label, value) in enumerate(
            (
                (self.env._("Received"), report.demand_received),
                (self.env._("Done"), report.demand_done),
                (self.env._("Evaluated"), report.demand_evaluated),
                (self.env._("Average score (1-5)"), report.demand_score_avg),
            ),
            start=top + 1,
        ):
            sheet.write(row, 0, label)
            sheet.write(row, 1, value)
        return True
