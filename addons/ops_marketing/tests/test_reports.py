# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import timedelta

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestReports(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inside = cls._campaign(name="In period")
        cls.outside = cls._campaign(
            name="Long before",
            date_start=cls.today - timedelta(days=400),
            date_end=cls.today - timedelta(days=380),
        )
        cls.env["ops.marketing.metric"].create(
            {
                "campaign_id": cls.inside.id,
                "channel_id": cls.channel_web.id,
                "date": cls.today,
                "impressions": 2000,
                "clicks": 100,
            }
        )

    def test_xlsx_export_of_period(self):
        wizard = (
            self.env["ops.marketing.export"]
            .with_user(self.user_a)
            .create(
                {
                    "date_from": self.today - timedelta(days=30),
                    "date_to": self.today,
                }
            )
        )
        action = wizard.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_a)
            ._render_xlsx(
                "ops_marketing.campaign_results_xlsx", None, data=action["data"]
            )
        )
        self.assertEqual(file_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        names = [r[0] for r in rows[3:]]
        self.assertEqual(names, ["In period"])
        header = rows[2]
        row = dict(zip(header, rows[3], strict=False))
        self.assertEqual(row["Impressions"], 2000)
        self.assertAlmostEqual(row["CTR (%)"], 5.0)

    def test_export_empty_period_refused(self):
        wizard = self.env["ops.marketing.export"].create(
            {
                "date_from": self.today + timedelta(days=300),
                "date_to": self.today + timedelta(days=301),
            }
        )
        with self.assertRaises(UserError):
            wizard.action_export()

    def test_roi_analysis_matches_campaign(self):
        self.env.flush_all()
        line = self.env["ops.marketing.campaign.report"].search(
            [("campaign_id", "=", self.inside.id)]
        )
        self.assertEqual(line.impressions, 2000)
        self.assertEqual(line.clicks, self.inside.clicks)
        self.assertEqual(line.roi, self.inside.roi)
