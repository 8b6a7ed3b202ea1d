# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestRunningMetrics(MarketingCase):
    def _metric(self, campaign, days_ago, spend, channel=None):
        return {
            "date": self.today - timedelta(days=days_ago),
            "channel_id": (channel or self.channel_web).id,
            "impressions": 100,
            "clicks": 10,
            "conversions": 1,
            "cost": spend,
        }

    def test_metrics_entered_on_the_running_campaign(self):
        campaign = self._running_campaign()
        self.assertEqual(campaign.state, "running")
        campaign.write({"metric_ids": [(0, 0, self._metric(campaign, 1, 120.0))]})
        self.assertEqual(len(campaign.metric_ids), 1)
        # The form leaves the table editable once approved (tier validation
        # would make everything read-only).
        arch = etree.fromstring(
            campaign.get_view(
                self.env.ref("ops_marketing.ops_marketing_campaign_view_form").id,
                "form",
            )["arch"]
        )
        node = arch.xpath("//field[@name='metric_ids'][not(ancestor::field)]")[0]
        self.assertNotIn("validation_status", node.get("readonly"))
        # Server rules kept: approved values frozen, figures checked.
        with self.assertRaises(UserError):
            campaign.write({"budget": 5})
        with self.assertRaises(UserError):
            campaign.write(
                {"metric_ids": [(0, 0, dict(self._metric(campaign, 2, 0), clicks=500))]}
            )

    def test_cost_is_reported_spend_without_analytic_costs(self):
        campaign = self._running_campaign()
        campaign.write(
            {
                "metric_ids": [
                    (0, 0, self._metric(campaign, 1, 100.0)),
                    (0, 0, self._metric(campaign, 2, 50.0)),
                ]
            }
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.reported_spend, 150.0)
        self.assertEqual(campaign.cost, 150.0)
        self.assertEqual(campaign.cost_source, "reported")
        self.assertAlmostEqual(campaign.roi, -100.0)
        report = self.env["ops.marketing.campaign.report"].search(
            [("campaign_id", "=", campaign.id)]
        )
        self.env.flush_all()
        self.assertEqual(report.cost, 150.0)
        # Analytic costs, when present, are the actual cost.
        plan = self.env["account.analytic.plan"].create({"name": "Spend plan"})
        account = self.env["account.analytic.account"].create(
            {"name": "Spend account", "plan_id": plan.id}
        )
        campaign.with_user(self.manager).write({"analytic_account_id": account.id})
        self.env["account.analytic.line"].create(
            {"name": "Ads", "account_id": account.id, "amount": -400}
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.cost, 400.0)
        self.assertEqual(campaign.cost_source, "analytic")

    def test_kpi_graph_and_roi_first(self):
        campaign = self._running_campaign()
        action = campaign.action_ops_kpi_graph()
        self.assertEqual(action["views"][0][1], "graph")
        self.assertEqual(action["domain"], [("campaign_id", "=", campaign.id)])
        graph = self.env["ops.marketing.campaign.report"].get_view(view_type="graph")
        measures = etree.fromstring(graph["arch"]).xpath("//field[@type='measure']")
        self.assertEqual(measures[0].get("name"), "roi")
