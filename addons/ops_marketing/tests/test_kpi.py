# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestKpi(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.utm = env["utm.campaign"].create({"name": "KPI test UTM"})
        plan = env["account.analytic.plan"].create({"name": "KPI test plan"})
        # Shared by every company (no company): costs still count only in the
        # campaign's company.
        cls.account = env["account.analytic.account"].create(
            {"name": "KPI test account", "plan_id": plan.id, "company_id": False}
        )
        cls.campaign = cls._campaign(
            utm_campaign_id=cls.utm.id, analytic_account_id=cls.account.id
        )
        Metric = env["ops.marketing.metric"].with_user(cls.user_a)
        Metric.create(
            [
                {
                    "campaign_id": cls.campaign.id,
                    "channel_id": cls.channel_web.id,
                    "date": cls.today - timedelta(days=2),
                    "impressions": 1000,
                    "clicks": 50,
                    "conversions": 5,
                    "followers": 12,
                },
                {
                    "campaign_id": cls.campaign.id,
                    "channel_id": cls.channel_wechat.id,
                    "date": cls.today - timedelta(days=1),
                    "impressions": 3000,
                    "clicks": 150,
                    "conversions": 15,
                    "followers": 8,
                },
            ]
        )
        env["account.analytic.line"].create(
            [
                {"name": "Ads", "account_id": cls.account.id, "amount": -400},
                {"name": "Booth", "account_id": cls.account.id, "amount": -600},
                {"name": "Sponsor refund", "account_id": cls.account.id, "amount": 100},
            ]
        )
        Lead = env["crm.lead"]
        cls.won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.open_lead = Lead.create(
            {
                "name": "Open",
                "type": "opportunity",
                "campaign_id": cls.utm.id,
                "expected_revenue": 1000,
            }
        )
        cls.won_lead = Lead.create(
            {
                "name": "Won",
                "type": "opportunity",
                "campaign_id": cls.utm.id,
                "expected_revenue": 3000,
            }
        )
        cls.won_lead.action_set_won()
        cls.lost_lead = Lead.create(
            {
                "name": "Lost",
                "type": "opportunity",
                "campaign_id": cls.utm.id,
                "expected_revenue": 5000,
            }
        )
        cls.lost_lead.action_set_lost()
        Lead.create({"name": "Other campaign", "expected_revenue": 9999})

    def test_ratios_equal_hand_computed(self):
        c = self.campaign
        self.assertEqual((c.impressions, c.clicks, c.conversions), (4000, 200, 20))
        self.assertEqual(c.followers, 20)
        self.assertAlmostEqual(c.ctr, 200 / 4000 * 100)  # 5 %
        self.assertAlmostEqual(c.conversion_rate, 20 / 200 * 100)  # 10 %
        self.assertAlmostEqual(c.cost, 1000.0)
        self.assertAlmostEqual(c.won_revenue, 3000.0)
        self.assertAlmostEqual(c.roi, (3000 - 1000) / 1000 * 100)  # 200 %
        metric = c.metric_ids.filtered(lambda m: m.channel_id == self.channel_web)
        self.assertAlmostEqual(metric.ctr, 5.0)
        self.assertAlmostEqual(metric.conversion_rate, 10.0)

    def test_targets_and_actuals_per_channel(self):
        lines = self.env["ops.marketing.campaign.channel"].create(
            [
                {
                    "campaign_id": self.campaign.id,
                    "channel_id": self.channel_web.id,
                    "target_impressions": 2000,
                },
                {
                    "campaign_id": self.campaign.id,
                    "channel_id": self.env.ref("ops_marketing.channel_weibo").id,
                    "target_impressions": 500,
                },
            ]
        )
        web, weibo = lines
        self.assertEqual((web.impressions, web.clicks, web.conversions), (1000, 50, 5))
        self.assertAlmostEqual(web.ctr, 5.0)
        self.assertAlmostEqual(web.conversion_rate, 10.0)
        # A channel without any entry: zeros, no division error.
        self.assertEqual(
            (weibo.impressions, weibo.ctr, weibo.conversion_rate), (0, 0, 0)
        )

    def test_zero_denominators(self):
        utm = self.env["utm.campaign"].create({"name": "Zero cost UTM"})
        won = self.env["crm.lead"].create(
            {
                "name": "Won without cost",
                "type": "opportunity",
                "campaign_id": utm.id,
                "expected_revenue": 3000,
            }
        )
        won.action_set_won()
        empty = self._campaign(name="No activity", utm_campaign_id=utm.id)
        self.env["ops.marketing.metric"].create(
            {
                "campaign_id": empty.id,
                "channel_id": self.channel_web.id,
                "date": self.today,
                "impressions": 0,
                "clicks": 0,
            }
        )
        # Zero impressions, zero clicks, zero cost (no analytic account),
        # but won revenue through its UTM: nothing divides by zero.
        self.assertEqual(empty.ctr, 0.0)
        self.assertEqual(empty.conversion_rate, 0.0)
        self.assertEqual(empty.cost, 0.0)
        self.assertEqual(empty.won_revenue, 3000.0)
        self.assertEqual(empty.roi, 0.0)
        self.assertEqual(empty.metric_ids.ctr, 0.0)

    def test_utm_and_account_belong_to_one_campaign(self):
        """Sharing a UTM campaign or an analytic account would count twice."""
        other_account = self.env["account.analytic.account"].create(
            {"name": "Other account", "plan_id": self.account.plan_id.id}
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self._campaign(name="Twin UTM", utm_campaign_id=self.utm.id)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self._campaign(name="Twin account", analytic_account_id=self.account.id)
        second = self._campaign(name="Second", analytic_account_id=other_account.id)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                second.with_user(self.manager).write({"utm_campaign_id": self.utm.id})
                second.flush_recordset()
        # New campaigns and copies get their own links from the server.
        first = self._campaign(name="Own links 1")
        second = self._campaign(name="Own links 2")
        self.assertTrue(first.utm_campaign_id)
        self.assertNotEqual(first.utm_campaign_id, second.utm_campaign_id)
        copy = self.campaign.copy()
        self.assertTrue(copy.utm_campaign_id)
        self.assertNotEqual(copy.utm_campaign_id, self.campaign.utm_campaign_id)
        self.assertNotEqual(copy.analytic_account_id, self.campaign.analytic_account_id)
        self.assertEqual(self.campaign.cost, 1000.0)

    def test_only_campaign_company_counts(self):
        """Costs and leads of another company never count for the campaign."""
        other = self.env["res.company"].create({"name": "Other Marketing Co"})
        # The analytic account has no company: another company may book on it.
        self.env["account.analytic.line"].create(
            {
                "name": "Other company ads",
                "account_id": self.account.id,
                "company_id": other.id,
                "amount": -5000,
            }
        )
        self.env["crm.lead"].create(
            {
                "name": "Other company deal",
                "type": "opportunity",
                "campaign_id": self.utm.id,
                "company_id": other.id,
                "team_id": False,
                "user_id": False,
                "expected_revenue": 7000,
                "stage_id": self.won_stage.id,
            }
        )
        self.env.flush_all()
        self.env.invalidate_all()
        c = self.campaign
        self.assertEqual((c.cost, c.won_revenue, c.lead_count), (1000.0, 3000.0, 3))
        self.assertAlmostEqual(c.roi, 200.0)
        line = (
            self.env["ops.marketing.campaign.report"]
            .with_user(self.manager)
            .search([("campaign_id", "=", c.id)])
        )
        self.assertEqual(
            (line.cost, line.won_revenue, line.lead_count), (1000.0, 3000.0, 3)
        )
        self.assertAlmostEqual(line.roi, 200.0)

    def test_leads_counted_won_summed_lost_not(self):
        self.assertFalse(self.lost_lead.active)
        # Three leads carry the campaign's UTM (open, won, lost), the fourth not.
        self.assertEqual(self.campaign.lead_count, 3)
        # Only the won one is revenue: 1000 (open) and 5000 (lost) are not.
        self.assertEqual(self.campaign.won_revenue, 3000.0)

    def test_kpi_queries_do_not_grow_with_campaigns(self):
        few = self.campaign | self._campaign(name="Second")
        many = few
        accounts = self.env["account.analytic.account"].create(
            [
                {"name": f"More {i}", "plan_id": self.account.plan_id.id}
                for i in range(20)
            ]
        )
        self.env["account.analytic.line"].create(
            [
                {"name": "Cost", "account_id": account.id, "amount": -10}
                for account in accounts
            ]
        )
        for account in accounts:
            many |= self._campaign(name=account.name, analytic_account_id=account.id)
        Campaign = self.env["ops.marketing.campaign"]
        self.env.flush_all()
        self.env.invalidate_all()
        count = self.cr.sql_log_count
        Campaign._ops_kpi_values(few.ids)
        queries = self.cr.sql_log_count - count
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            values = Campaign._ops_kpi_values(many.ids)
        self.assertEqual(len(values), 22)
        self.assertEqual(values[self.campaign.id]["cost"], 1000.0)
        self.assertEqual(values[many[-1].id]["cost"], 10.0)
