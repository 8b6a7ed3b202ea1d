# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class OpsPartnerXlsxMixin(models.AbstractModel):
    """One sheet, one row per record, one column per field."""

    _name = "report.ops_partner.xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Operations Partners XLSX"

    _ops_sheet = "Records"
    _ops_columns = ()

    def _ops_value(self, record, fname):
        field = record._fields[fname]
        value = record[fname]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        if field.type in ("date", "datetime"):
            return value and str(value) or ""
        return value if value is not False else ""

    def generate_xlsx_report(self, workbook, data, records):
        sheet = workbook.add_worksheet(self.env._(self._ops_sheet))
        bold = workbook.add_format({"bold": True})
        labels = records.fields_get(list(self._ops_columns), ["string"])
        for col, fname in enumerate(self._ops_columns):
            sheet.write(0, col, labels[fname]["string"], bold)
            sheet.set_column(col, col, 18)
        for row, record in enumerate(records, start=1):
            for col, fname in enumerate(self._ops_columns):
                sheet.write(row, col, self._ops_value(record, fname))


class SupplierEvaluationXlsx(models.AbstractModel):
    _name = "report.ops_partner.supplier_evaluation_xlsx"
    _inherit = "report.ops_partner.xlsx_mixin"
    _description = "Supplier Evaluations XLSX"

    _ops_sheet = "Supplier Evaluations"
    _ops_columns = (
        "partner_id",
        "kind",
        "date",
        "user_id",
        "score",
        "decision",
        "state",
        "decision_date",
        "valid_until",
        "company_id",
    )


class ContractReviewXlsx(models.AbstractModel):
    _name = "report.ops_partner.contract_review_xlsx"
    _inherit = "report.ops_partner.xlsx_mixin"
    _description = "Contract Review Lead Time XLSX"

    _ops_sheet = "Contract Reviews"
    _ops_columns = (
        "order_id",
        "name",
        "user_id",
        "status",
        "comment",
        "requested_date",
        "decided_date",
        "lead_time_hours",
        "company_id",
    )


class OperatorEvaluationXlsx(models.AbstractModel):
    _name = "report.ops_partner.operator_evaluation_xlsx"
    _inherit = "report.ops_partner.xlsx_mixin"
    _description = "Operator Evaluations XLSX"

    _ops_sheet = "Operator Evaluations"
    _ops_columns = (
        "partner_id",
        "date",
        "compliance_score",
        "security_score",
        "service_score",
        "score",
        "state",
        "company_id",
    )
