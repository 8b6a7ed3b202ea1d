# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .xlsx_table import write_table


class InvestmentReportXlsx(models.AbstractModel):
    _name = "report.ops_project.investment_report_xlsx"
    _description = "Investment Report (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Project"),
            self.env._("Project Lead"),
            self.env._("Investment"),
            self.env._("Budget"),
            self.env._("Cost (Period)"),
            self.env._("Revenue (Period)"),
            self.env._("Cost (To Date)"),
            self.env._("Revenue (To Date)"),
            self.env._("Result (To Date)"),
        ]
        for report in reports:
            sheet = workbook.add_worksheet(
                f"{report.date_from:%Y-%m}-{report.period_type}"
            )
            sheet.write(0, 0, report.name, bold)
            sheet.write(
                1, 0, f"{report.company_id.name}: {report.date_from} - {report.date_to}"
            )
            rows = [
                [
                    line.project_id.name,
                    line.user_id.name or "",
                    line.investment_amount,
                    line.budget,
                    line.cost_period,
                    line.revenue_period,
                    line.cost_to_date,
                    line.revenue_to_date,
                    line.result_to_date,
                ]
                for line in report.line_ids
            ]
            write_table(
                workbook,
                sheet,
                3,
                headers,
                rows,
                set(range(2, 9)),
                self.env._("Total"),
            )
