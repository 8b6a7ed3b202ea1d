# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestAccess(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign_a = cls._campaign(user=cls.user_a, name="Dept A campaign")
        cls.campaign_b = cls._campaign(user=cls.user_b, name="Dept B campaign")

    def test_departments_are_separated(self):
        self.assertEqual(self.campaign_a.department_id, self.dept_a)
        self.assertEqual(self.campaign_b.department_id, self.dept_b)
        with self.assertRaises(AccessError):
            self.campaign_b.with_user(self.user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.campaign_a.with_user(self.user_b).read(["name"])
        with self.assertRaises(AccessError):
            self.campaign_a.with_user(self.user_b).write({"name": "Hijack"})
        visible = self.Campaign.with_user(self.user_a).search([])
        self.assertIn(self.campaign_a, visible)
        self.assertNotIn(self.campaign_b, visible)

    def test_brand_team_and_participants_see_campaign(self):
        Report = self.env["ops.marketing.campaign.report"].with_user(self.user_b)
        domain = [("campaign_id", "=", self.campaign_a.id)]
        self.assertFalse(Report.search(domain))
        self.campaign_a.participant_ids = self.user_b
        self.campaign_a.with_user(self.user_b).read(["name"])
        # The ROI analysis shows a participant the campaigns they can open.
        self.env.flush_all()
        self.assertEqual(Report.search(domain).campaign_id, self.campaign_a)
        other_brand = self.env["res.brand"].create(
            {"name": "Team brand", "ops_team_user_ids": [(4, self.user_a.id)]}
        )
        self.campaign_b.brand_id = other_brand
        self.campaign_b.with_user(self.user_a).read(["name"])

    def test_brand_department_sees_brand_campaigns(self):
        brand_b = self.env["res.brand"].create({"name": "Brand of dept B"})
        self.campaign_a.brand_id = brand_b
        Report = self.env["ops.marketing.campaign.report"].with_user(self.user_b)
        with self.assertRaises(AccessError):
            self.campaign_a.with_user(self.user_b).read(["name"])
        brand_b.ops_department_id = self.dept_b
        self.campaign_a.with_user(self.user_b).read(["name"])
        self.assertIn(self.campaign_a, self.Campaign.with_user(self.user_b).search([]))
        self.env.flush_all()
        self.assertIn(self.campaign_a, Report.search([]).campaign_id)

    def test_manager_sees_all_finance_reads_costs(self):
        both = self.campaign_a | self.campaign_b
        self.assertEqual(both.with_user(self.manager).read(["name"]).__len__(), 2)
        as_finance = both.with_user(self.finance)
        self.assertEqual(len(as_finance.read(["budget", "cost"])), 2)
        with self.assertRaises(AccessError):
            as_finance.write({"budget": 1})

    def test_metrics_follow_campaign(self):
        metric = self.env["ops.marketing.metric"].create(
            {
                "campaign_id": self.campaign_b.id,
                "channel_id": self.channel_web.id,
                "date": self.today,
            }
        )
        with self.assertRaises(AccessError):
            metric.with_user(self.user_a).read(["impressions"])
        report = self.env["ops.marketing.campaign.report"].with_user(self.user_a)
        self.assertEqual(report.search([]).campaign_id, self.campaign_a)

    def test_other_company_hidden_even_for_managers(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.Campaign.create(
            {
                "name": "Foreign",
                "brand_id": self.brand.id,
                "company_id": other.id,
                "date_start": self.today,
                "date_end": self.today,
            }
        )
        with self.assertRaises(AccessError):
            foreign.with_user(self.manager).read(["name"])
        self.assertNotIn(foreign, self.Campaign.with_user(self.manager).search([]))
