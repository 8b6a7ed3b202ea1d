# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TravelXlsx(models.AbstractModel):
    """Travel requests with their expenses, one line each (Excel)."""

    _name = "report.ops_admin.travel_xlsx"
    _description = "Travel Requests (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, travels):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Reference"),
            self.env._("Department"),
            self.env._("Requester"),
            self.env._("Destination"),
            self.env._("Departure"),
            self.env._("Return"),
            self.env._("Status"),
            self.env._("Estimated Cost"),
            self.env._("Expensed"),
        ]
        sheet = workbook.add_worksheet(self.env._("Travel"))
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        states = dict(travels._fields["state"]._description_selection(self.env))
        for row, travel in enumerate(travels, start=1):
            values = [
                travel.name,
                travel.department_id.name or "",
                travel.user_id.name,
                travel.destination,
                str(travel.date_start),
                str(travel.date_end),
                states.get(travel.state, ""),
                travel.estimated_cost,
                travel.expense_total,
            ]
            for col, value in enumerate(values):
                sheet.write(row, col, value, money if col >= 7 else None)


class LoanXlsx(models.AbstractModel):
    """Equipment loans with their issue slip, return and delay (Excel)."""

    _name = "report.ops_admin.loan_xlsx"
    _description = "Equipment Loans (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, loans):
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Reference"),
            self.env._("Equipment"),
            self.env._("Borrower"),
            self.env._("Department"),
            self.env._("Out From"),
            self.env._("Return By"),
            self.env._("Status"),
            self.env._("Issue Slip"),
            self.env._("Days Overdue"),
            self.env._("Condition on Return"),
        ]
        sheet = workbook.add_worksheet(self.env._("Loans"))
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        states = dict(loans._fields["state"]._description_selection(self.env))
        conditions = dict(
            loans._fields["return_condition"]._description_selection(self.env)
        )
        for row, loan in enumerate(loans, start=1):
            values = [
                loan.name,
                loan.equipment_id.name,
                loan.user_id.name,
                loan.department_id.name or "",
                str(loan.date_start),
                str(loan.date_due),
                states.get(loan.state, ""),
                loan.issue_slip or "",
                loan.overdue_days,
                conditions.get(loan.return_condition, ""),
            ]
            for col, value in enumerate(values):
                sheet.write(row, col, value)
