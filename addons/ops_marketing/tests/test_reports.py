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

    def test_grouped_roi_from_summed_revenue_and_cost(self):
        """Grouped ROI is (Σ revenue − Σ cost) / Σ cost, not an average of ROIs."""
        plan = self.env["account.analytic.plan"].create({"name": "ROI plan"})
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        campaigns = self.env["ops.marketing.campaign"]
        for name, revenue, cost in (("High", 3000, 1000), ("Low", 500, 4000)):
            utm = self.env["utm.campaign"].create({"name": name})
            account = self.env["account.analytic.account"].create(
                {"name": name, "plan_id": plan.id}
            )
            self.env["account.analytic.line"].create(
                {"name": name, "account_id": account.id, "amount": -cost}
            )
            self.env["crm.lead"].create(
                {
                    "name": name,
                    "type": "opportunity",
                    "campaign_id": utm.id,
                    "expected_revenue": revenue,
                    "stage_id": won_stage.id,
                }
            )
            campaigns |= self._campaign(
                name=name, utm_campaign_id=utm.id, analytic_account_id=account.id
            )
        self.assertEqual(campaigns.mapped("roi"), [200.0, -87.5])
        self.env.flush_all()
        Report = self.env["ops.marketing.campaign.report"].with_user(self.manager)
        domain = [("campaign_id", "in", campaigns.ids)]
        # As the pivot asks: measures with their aggregator.
        [group] = Report.read_group(
            domain,
            ["roi:sum", "cost:sum", "won_revenue:sum"],
            ["brand_id"],
            lazy=False,
        )
        self.assertEqual((group["won_revenue"], group["cost"]), (3500.0, 5000.0))
        # (3500 − 5000) / 5000 = −30 %, where the average would give 56.25 %.
        self.assertAlmostEqual(group["roi"], -30.0)
        # ROI alone: revenue and cost are summed behind the scenes only.
        [group] = Report.read_group(domain, ["roi"], ["brand_id"])
        self.assertAlmostEqual(group["roi"], -30.0)
        self.assertNotIn("ops_roi_revenue", group)
        # One group per campaign: each keeps its own ROI.
        groups = Report.read_group(domain, ["roi:avg"], ["campaign_id"])
        by_campaign = {g["campaign_id"][0]: g["roi"] for g in groups}
        self.assertEqual(
            by_campaign, dict(zip(campaigns.ids, [200.0, -87.5], strict=True))
        )
