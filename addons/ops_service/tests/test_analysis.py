# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date, timedelta

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestAnalysis(ServiceCase):
    def test_xlsx_export_for_a_period(self):
        product = self.env["product.product"].create({"name": "Bench Widget"})
        ticket = self._ticket(
            self.cat_complaint, name="Export me", product_id=product.id
        )
        wizard = (
            self.env["ops.service.export.wizard"]
            .with_user(self.manager)
            .create({"date_from": date.today() - timedelta(days=1)})
        )
        action = wizard.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertIn(ticket.id, action["context"]["active_ids"])
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("ops_service.ticket_xlsx", ticket.ids, {})
        )
        self.assertEqual(fmt, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.cell(row=2, column=2).value, "Export me")
        self.assertEqual(sheet.cell(row=2, column=3).value, "Complaint")
        self.assertEqual(sheet.cell(row=2, column=5).value, "Bench Widget")

        empty = self.env["ops.service.export.wizard"].create(
            {"date_from": date(2000, 1, 1), "date_to": date(2000, 1, 2)}
        )
        with self.assertRaisesRegex(UserError, "No ticket"):
            empty.action_export()

    def test_analysis_measures(self):
        fast = self._ticket(self.cat_fault)
        fast.stage_id = self.stage_done
        groups = self.env["helpdesk.ticket"]._read_group(
            [("id", "=", fast.id)], ["service_kind"], ["sla_compliance:avg"]
        )
        self.assertEqual(groups, [("fault", 100.0)])
