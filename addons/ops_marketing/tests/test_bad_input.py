# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad numbers are refused with a message, never stored, never a traceback;
the metric import reports every bad row and stores none of them."""

import base64
import io
from datetime import timedelta

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MarketingCase

HEADER = "campaign,channel,date,impressions,clicks,conversions,followers,cost"
# Above the integer columns' range and the largest accepted amount alike.
TOO_BIG = 10**13
BAD_NUMBERS = (float("inf"), float("-inf"), float("nan"), -1, TOO_BIG, "abc", "1e400")


@tagged("post_install", "-at_install")
class TestBadNumbers(MarketingCase):
    def _metric_vals(self, **vals):
        return {
            "campaign_id": self.campaign.id,
            "channel_id": self.channel_web.id,
            "date": self.today,
            **vals,
        }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(name="Numbers", state="running")
        cls.Metric = cls.env["ops.marketing.metric"].with_user(cls.user_a)

    def test_metric_numbers(self):
        for field in ("impressions", "clicks", "conversions", "followers", "cost"):
            for value in BAD_NUMBERS:
                with self.assertRaises(ValidationError, msg=f"{field}={value!r}"):
                    self.Metric.create(self._metric_vals(**{field: value}))
        self.assertFalse(self.Metric.search([("campaign_id", "=", self.campaign.id)]))
        metric = self.Metric.create(self._metric_vals(impressions=10, clicks=2))
        for value in BAD_NUMBERS:
            with self.assertRaises(ValidationError):
                metric.write({"impressions": value})
        self.assertEqual(metric.impressions, 10)

    def test_clicks_not_above_impressions(self):
        with self.assertRaises(ValidationError):
            self.Metric.create(self._metric_vals(impressions=10, clicks=11))
        metric = self.Metric.create(self._metric_vals(impressions=10, clicks=10))
        with self.assertRaises(ValidationError):
            metric.write({"impressions": 9})
        self.assertEqual(metric.impressions, 10)

    def test_campaign_budget_and_targets(self):
        for field in ("budget", "target_impressions", "target_revenue"):
            for value in BAD_NUMBERS:
                with self.assertRaises(ValidationError, msg=f"{field}={value!r}"):
                    self._campaign(name="Bad numbers", **{field: value})
        self.assertFalse(self.Campaign.search([("name", "=", "Bad numbers")]))
        draft = self._campaign(name="Editable")
        with self.assertRaises(ValidationError):
            draft.with_user(self.user_a).write({"budget": float("nan")})
        self.assertEqual(draft.budget, 1000)

    def test_brand_plan_and_settings(self):
        Plan = self.env["ops.brand.plan"].with_user(self.manager)
        for value in (float("nan"), float("inf"), -1, 101):
            with self.assertRaises(ValidationError):
                Plan.create(
                    {"brand_id": self.brand.id, "year": 2032, "target_awareness": value}
                )
        with self.assertRaises(ValidationError):
            Plan.create({"brand_id": self.brand.id, "year": 10**12})
        self.assertFalse(Plan.search([("brand_id", "=", self.brand.id)]))
        Settings = self.env["res.config.settings"]
        for field in ("ops_churn_days", "ops_campaign_gm_threshold"):
            for value in (float("inf"), float("nan"), TOO_BIG):
                with self.assertRaises(ValidationError):
                    Settings.create({field: value})
                with self.assertRaises(ValidationError):
                    self.company.write({field: value})


@tagged("post_install", "-at_install")
class TestMetricImportBadRows(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(name="Import checks", state="running")

    def _import(self, content, filename="metrics.csv"):
        if isinstance(content, str):
            content = content.encode()
        wizard = (
            self.env["ops.marketing.metric.import"]
            .with_user(self.user_a)
            .create({"file": base64.b64encode(content), "filename": filename})
        )
        result = wizard.action_import()
        self.assertEqual(result["res_id"], wizard.id)
        return wizard

    def _stored(self):
        return self.env["ops.marketing.metric"].search(
            [("campaign_id", "=", self.campaign.id)]
        )

    def test_every_bad_row_reported_none_stored(self):
        day = self.today - timedelta(days=1)
        rows = [
            ("good", f"Import checks,WEB,{day},100,10,1,2,5.5"),
            ("overflow", f"Import checks,WECHAT,{day},99999999999,1,0,0,0"),
            ("float overflow", f"Import checks,WEIBO,{day},10,1,0,0,1e400"),
            ("inf", f"Import checks,DOUYIN,{day},inf,1,0,0,0"),
            ("nan", f"Import checks,SEARCH,{day},10,1,0,0,nan"),
            ("negative", f"Import checks,EVENT,{day},10,1,-3,0,0"),
            ("clicks", f"Import checks,PRESS,{day},10,11,0,0,0"),
            ("text", f"Import checks,WEB,{self.today},ten,1,0,0,0"),
            ("fraction", f"Import checks,WECHAT,{self.today},10.5,1,0,0,0"),
            ("date", "Import checks,WEIBO,2026-02-30,10,1,0,0,0"),
            ("channel", f"Import checks,FAX,{day},10,1,0,0,0"),
            ("campaign", f"Nope,WEB,{day},10,1,0,0,0"),
            ("duplicate", f"Import checks,WEB,{day},100,10,1,2,5.5"),
        ]
        wizard = self._import("\n".join([HEADER] + [line for _k, line in rows]))
        self.assertEqual(wizard.imported_count, 1)
        self.assertEqual(wizard.error_count, len(rows) - 1)
        # Line numbers of the file: header is line 1, the good row line 2.
        self.assertEqual(
            wizard.error_line_ids.mapped("row"), list(range(3, len(rows) + 2))
        )
        reasons = dict(
            zip(
                [kind for kind, _l in rows[1:]],
                wizard.error_line_ids.sorted("row").mapped("reason"),
                strict=True,
            )
        )
        self.assertIn("impressions", reasons["overflow"])
        self.assertIn("cost", reasons["float overflow"])
        self.assertIn("finite", reasons["inf"])
        self.assertIn("finite", reasons["nan"])
        self.assertIn("negative", reasons["negative"])
        self.assertIn("clicks", reasons["clicks"])
        self.assertIn("not a number", reasons["text"])
        self.assertIn("whole", reasons["fraction"])
        self.assertIn("date", reasons["date"])
        self.assertIn("FAX", reasons["channel"])
        self.assertIn("Nope", reasons["campaign"])
        self.assertIn("row 2", reasons["duplicate"])
        stored = self._stored()
        self.assertEqual(len(stored), 1)
        self.assertEqual((stored.impressions, stored.cost), (100, 5.5))

    # Storing a broken workbook makes Odoo's mimetype guess log a warning.
    @mute_logger("odoo.tools.mimetypes")
    def test_file_level_problems_reported(self):
        book = openpyxl.Workbook()
        stream = io.BytesIO()
        book.save(stream)
        cases = {
            "empty": (b"", "metrics.csv", 0),
            "blank lines": (b"\n\n  \n", "metrics.csv", 0),
            "header only": (HEADER.encode(), "metrics.csv", 1),
            "missing columns": (b"campaign,impressions\nX,1", "metrics.csv", 1),
            "unknown columns": (
                f"{HEADER},colour\nImport checks,WEB,2026-01-01,1,0,0,0,0,red".encode(),
                "metrics.csv",
                1,
            ),
            "not an xlsx": (b"PK\x03\x04 broken", "metrics.xlsx", 0),
            "binary": (b"\xff\xfe\x00\x01\x02", "metrics.csv", 0),
            "empty workbook": (stream.getvalue(), "metrics.xlsx", 0),
        }
        for kind, (content, filename, row) in cases.items():
            wizard = self._import(content, filename)
            self.assertEqual(wizard.imported_count, 0, kind)
            self.assertEqual(wizard.error_count, 1, kind)
            self.assertEqual(wizard.error_line_ids.row, row, kind)
        self.assertFalse(self._stored())

    def test_xlsx_bad_cells(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER.split(","))
        day = self.today - timedelta(days=2)
        sheet.append(["Import checks", "WEB", day, 100, 10, 1, 2, 3.5])
        sheet.append(["Import checks", "WECHAT", day, 2**31, 1, 0, 0, 0])
        sheet.append(["Import checks", "WEIBO", day, 10, 1, 0, 0, 10**13])
        sheet.append(["Import checks", "DOUYIN", day, True, 1, 0, 0, 0])
        stream = io.BytesIO()
        book.save(stream)
        wizard = self._import(stream.getvalue(), "metrics.xlsx")
        self.assertEqual(wizard.imported_count, 1)
        self.assertEqual(wizard.error_line_ids.mapped("row"), [3, 4, 5])
        self.assertEqual(len(self._stored()), 1)
