# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TicketXlsx(models.AbstractModel):
    _name = "report.ops_service.ticket_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Customer Service Tickets XLSX"

    def _ops_columns(self):
        return [
            "number",
            "name",
            "service_kind",
            "channel_id",
            "product_id",
            "team_id",
            "user_id",
            "priority",
            "stage_id",
            "create_date",
            "closed_date",
            "response_hours",
            "resolution_hours",
            "sla_breached",
            "escalation_level",
            "complaint_cause",
            "rating_last_value",
            "revisit_outcome",
        ]

    def _ops_value(self, ticket, fname):
        field = ticket._fields[fname]
        value = ticket[fname]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        if field.type == "datetime":
            return value and value.strftime("%Y-%m-%d %H:%M") or ""
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        return value if value is not False else ""

    def generate_xlsx_report(self, workbook, data, tickets):
        sheet = workbook.add_worksheet(self.env._("Tickets"))
        bold = workbook.add_format({"bold": True})
        columns = self._ops_columns()
        fields_desc = tickets.fields_get(columns, ["string"])
        for col, fname in enumerate(columns):
            sheet.write(0, col, fields_desc[fname]["string"], bold)
            sheet.set_column(col, col, 16)
        for row, ticket in enumerate(tickets, start=1):
            for col, fname in enumerate(columns):
                sheet.write(row, col, self._ops_value(ticket, fname))
