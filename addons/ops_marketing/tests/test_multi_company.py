# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two companies: each has its channels, campaigns, reviewers and layers."""

import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import CTX


@tagged("post_install", "-at_install")
class TestMultiCompany(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_a = env.company
        cls.company_b = env["res.company"].create({"name": "Marketing Co B"})
        cls.company_b.ops_campaign_gm_threshold = 100000
        cls.today = fields.Date.context_today(env["ops.marketing.campaign"])

        def user(login, group, company):
            return new_test_user(
                env,
                login=login,
                groups=group,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
                context=CTX,
            )

        cls.user_b = user("mc_user_b", "ops_base.group_ops_user", cls.company_b)
        cls.manager_a = user("mc_mgr_a", "ops_base.group_ops_manager", cls.company_a)
        cls.manager_b = user("mc_mgr_b", "ops_base.group_ops_manager", cls.company_b)
        cls.gm_a = user("mc_gm_a", "ops_base.group_ops_executive", cls.company_a)
        cls.gm_b = user("mc_gm_b", "ops_base.group_ops_executive", cls.company_b)
        cls.reviewer_a = user(
            "mc_rev_a", "ops_marketing.group_ops_marketing_reviewer", cls.company_a
        )
        cls.reviewer_b = user(
            "mc_rev_b", "ops_marketing.group_ops_marketing_reviewer", cls.company_b
        )
        cls.brand = env["res.brand"].create({"name": "Shared brand"})

    def _channel(self, company, code="WEB"):
        return self.env["ops.marketing.channel"].search(
            [("company_id", "=", company.id), ("code", "=", code)]
        )

    def _campaign_b(self, **vals):
        return (
            self.env["ops.marketing.campaign"]
            .with_user(self.user_b)
            .with_company(self.company_b)
            .create(
                {
                    "name": "Campaign of B",
                    "brand_id": self.brand.id,
                    "date_start": self.today - timedelta(days=5),
                    "date_end": self.today + timedelta(days=5),
                    "budget": 1000,
                    **vals,
                }
            )
        )

    def test_every_company_has_its_channels(self):
        codes_a = set(
            self.env["ops.marketing.channel"]
            .search([("company_id", "=", self.company_a.id)])
            .mapped("code")
        )
        codes_b = set(
            self.env["ops.marketing.channel"]
            .search([("company_id", "=", self.company_b.id)])
            .mapped("code")
        )
        self.assertIn("WEB", codes_a)
        self.assertEqual(codes_a, codes_b)
        web_a, web_b = self._channel(self.company_a), self._channel(self.company_b)
        self.assertNotEqual(web_a, web_b)
        # Re-running the initialisation (module update) duplicates nothing.
        self.env["res.company"]._ops_marketing_init_companies()
        self.assertEqual(len(self._channel(self.company_b)), 1)
        visible = self.env["ops.marketing.channel"].with_user(self.user_b).search([])
        self.assertEqual(visible.company_id, self.company_b)
        with self.assertRaises(AccessError):
            self._channel(self.company_a).with_user(self.user_b).read(["name"])

    def test_campaign_and_reviewers_stay_in_company_b(self):
        with self.assertRaises(UserError):
            self._campaign_b(channel_ids=[(6, 0, self._channel(self.company_a).ids)])
        campaign = self._campaign_b(
            budget=150000, channel_ids=[(6, 0, self._channel(self.company_b).ids)]
        )
        self.assertEqual(campaign.company_id, self.company_b)
        campaign.action_request_approval()
        reviewers = campaign.review_ids.reviewer_ids
        self.assertIn(self.manager_b, reviewers)
        self.assertIn(self.gm_b, reviewers)
        self.assertNotIn(self.manager_a, reviewers)
        self.assertNotIn(self.gm_a, reviewers)
        for outsider in (self.manager_a, self.gm_a):
            # Refused by the company rule before the reviewer check.
            with self.assertRaises(AccessError):
                campaign.with_user(outsider).validate_tier()
            with self.assertRaises(AccessError):
                campaign.with_user(outsider).read(["name"])
        self.assertEqual(campaign.validation_status, "pending")
        campaign.with_user(self.manager_b).validate_tier()
        campaign.with_user(self.gm_b).validate_tier()
        campaign.action_start()
        self.assertEqual(campaign.state, "running")

    def test_content_reviewer_of_the_company(self):
        content = (
            self.env["ops.marketing.content"]
            .with_user(self.user_b)
            .with_company(self.company_b)
            .create({"name": "B press", "channel_id": self._channel(self.company_b).id})
        )
        content.request_validation()
        self.assertIn(self.reviewer_b, content.review_ids.reviewer_ids)
        self.assertNotIn(self.reviewer_a, content.review_ids.reviewer_ids)

    def test_import_uses_the_campaign_company_channels(self):
        campaign = self._campaign_b()
        campaign.action_request_approval()
        campaign.with_user(self.manager_b).validate_tier()
        campaign.action_start()
        content = (
            "campaign,channel,date,impressions,clicks\n"
            f"Campaign of B,WEB,{self.today},100,10\n"
        )
        wizard = (
            self.env["ops.marketing.metric.import"]
            .with_user(self.user_b)
            .with_company(self.company_b)
            .create({"file": base64.b64encode(content.encode()), "filename": "b.csv"})
        )
        wizard.action_import()
        reasons = wizard.error_line_ids.mapped("reason")
        self.assertEqual(wizard.imported_count, 1, reasons)
        self.assertEqual(wizard.metric_ids.channel_id, self._channel(self.company_b))

    def test_customer_layers_per_company_and_idempotent(self):
        self.company_a.ops_layer_important_revenue = 10000
        self.company_b.ops_layer_important_revenue = 10000
        partner = self.env["res.partner"].create({"name": "Customer of both"})
        won = self.env["crm.lead"].create(
            {
                "name": "Deal in A",
                "type": "opportunity",
                "partner_id": partner.id,
                "expected_revenue": 12000,
                "company_id": self.company_a.id,
            }
        )
        won.action_set_won()
        self.env["crm.lead"].create(
            {
                "name": "Lead in B",
                "type": "opportunity",
                "partner_id": partner.id,
                "company_id": self.company_b.id,
            }
        )
        Partner = self.env["res.partner"]
        Layer = self.env["ops.marketing.customer.layer"]
        written_a = Partner._ops_update_customer_layers(self.company_a)
        written_b = Partner.with_company(self.company_b)._ops_update_customer_layers(
            self.company_b
        )
        self.assertIn(partner, written_a.partner_id)
        self.assertIn(partner, written_b.partner_id)
        layer_a = Layer.search(
            [("partner_id", "=", partner.id), ("company_id", "=", self.company_a.id)]
        )
        layer_b = Layer.search(
            [("partner_id", "=", partner.id), ("company_id", "=", self.company_b.id)]
        )
        # B's run did not overwrite A's classification.
        self.assertEqual((layer_a.layer, layer_a.revenue_12m), ("important", 12000))
        self.assertEqual((layer_b.layer, layer_b.revenue_12m), ("potential", 0))
        self.assertEqual(
            partner.with_company(self.company_a).ops_customer_layer, "important"
        )
        self.assertEqual(
            partner.with_company(self.company_b).ops_customer_layer, "potential"
        )
        self.assertIn(
            partner,
            Partner.with_company(self.company_b).search(
                [("ops_customer_layer", "=", "potential")]
            ),
        )
        # Nothing changed: a second run writes nothing.
        self.assertFalse(Partner._ops_update_customer_layers(self.company_a))
        self.assertFalse(
            Partner.with_company(self.company_b)._ops_update_customer_layers(
                self.company_b
            )
        )
        # A change is picked up by the next run, for its company only.
        self.company_b.ops_layer_potential_opportunities = 2
        written = Partner.with_company(self.company_b)._ops_update_customer_layers(
            self.company_b
        )
        self.assertEqual(written, layer_b)
        self.assertEqual((layer_a.layer, layer_b.layer), ("important", "ordinary"))
        # B's users see B's layers only.
        visible = Layer.with_user(self.user_b).search([])
        self.assertEqual(visible.company_id, self.company_b)
