# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import timedelta

import openpyxl

from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import MarketingCase

HEADER = [
    "campaign",
    "channel",
    "date",
    "impressions",
    "clicks",
    "conversions",
    "followers",
    "cost",
]


@tagged("post_install", "-at_install")
class TestMetricImport(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(name="Import target", state="running")

    def _rows(self):
        rows = []
        for day in range(8):
            date = self.today - timedelta(days=day + 1)
            rows.append(
                ["Import target", "WEB", date.isoformat(), 1000 + day, 40, 4, 3, 12.5]
            )
        # Two bad rows: an unknown channel, and more clicks than impressions.
        rows.insert(3, ["Import target", "FAX", self.today.isoformat(), 10, 1, 0, 0, 0])
        rows.append(
            ["Import target", "WECHAT", self.today.isoformat(), 10, 50, 0, 0, 0]
        )
        return rows

    def _wizard(self, content, filename):
        return (
            self.env["ops.marketing.metric.import"]
            .with_user(self.user_a)
            .create({"file": base64.b64encode(content), "filename": filename})
        )

    def _check(self, wizard):
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 8)
        self.assertEqual(len(wizard.metric_ids), 8)
        self.assertEqual(
            self.env["ops.marketing.metric"].search_count(
                [("campaign_id", "=", self.campaign.id)]
            ),
            8,
        )
        self.assertEqual(wizard.error_count, 2)
        errors = wizard.error_line_ids.sorted("row")
        # Row numbers are the file's lines (header is line 1).
        self.assertEqual(errors.mapped("row"), [5, 11])
        self.assertIn("FAX", errors[0].reason)
        self.assertIn("clicks", errors[1].reason)

    def test_csv_import_good_rows_in_bad_rows_reported(self):
        lines = [",".join(HEADER)] + [",".join(map(str, r)) for r in self._rows()]
        self._check(self._wizard("\n".join(lines).encode(), "metrics.csv"))

    def test_large_file_imported_in_the_background(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "ops_marketing.import_background_bytes", 100
        )
        lines = [",".join(HEADER)] + [",".join(map(str, r)) for r in self._rows()]
        wizard = self._wizard("\n".join(lines).encode(), "metrics.csv")
        with trap_jobs() as trap:
            action = wizard.action_import()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1)
            self.assertTrue(wizard.ops_job_uuid, "the job is remembered on the import")
            self.assertFalse(wizard.imported_count, "nothing yet: it is queued")
            trap.perform_enqueued_jobs()
        wizard.invalidate_recordset()
        self.assertEqual(wizard.imported_count, 8)
        self.assertEqual(wizard.error_count, 2)
        done = self.env["mail.message"].search(
            [("partner_ids", "in", self.user_a.partner_id.ids)], limit=1
        )
        self.assertIn("8 entries imported", done.body)

    def test_xlsx_import(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in self._rows():
            sheet.append(row)
        stream = io.BytesIO()
        book.save(stream)
        self._check(self._wizard(stream.getvalue(), "metrics.xlsx"))

    def test_reimport_reports_existing_rows(self):
        lines = [",".join(HEADER)] + [",".join(map(str, r)) for r in self._rows()]
        content = "\n".join(lines).encode()
        self._wizard(content, "metrics.csv").action_import()
        again = self._wizard(content, "metrics.csv")
        again.action_import()
        self.assertEqual(again.imported_count, 0)
        self.assertEqual(again.error_count, 10)
        self.assertEqual(
            self.env["ops.marketing.metric"].search_count(
                [("campaign_id", "=", self.campaign.id)]
            ),
            8,
        )
