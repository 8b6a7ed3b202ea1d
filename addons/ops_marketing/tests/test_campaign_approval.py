# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestCampaignApproval(MarketingCase):
    def test_below_threshold_manager_only(self):
        campaign = self._campaign(budget=50000)
        self.assertFalse(campaign.needs_gm_approval)
        campaign.action_request_approval()
        self.assertEqual(campaign.state, "approval")
        self.assertEqual(campaign.validation_status, "pending")
        self.assertEqual(len(campaign.review_ids), 1)
        self.assertNotIn(self.user_a, campaign.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            campaign.validate_tier()
        campaign.with_user(self.manager).validate_tier()
        self.assertEqual(campaign.validation_status, "validated")
        campaign.action_start()
        self.assertEqual(campaign.state, "running")

    def test_above_threshold_needs_general_manager(self):
        campaign = self._campaign(budget=150000)
        self.assertTrue(campaign.needs_gm_approval)
        campaign.action_request_approval()
        self.assertEqual(len(campaign.review_ids), 2)
        gm_review = campaign.review_ids.filtered(
            lambda r: r.definition_id
            == self.env.ref("ops_marketing.tier_definition_campaign_gm")
        )
        self.assertIn(self.gm, gm_review.reviewer_ids)
        self.assertNotIn(self.manager, gm_review.reviewer_ids)
        campaign.with_user(self.manager).validate_tier()
        self.assertNotEqual(campaign.validation_status, "validated")
        # The marketing manager alone cannot launch it...
        with self.assertRaises(UserError):
            campaign.action_start()
        with self.assertRaises(UserError):
            campaign.with_user(self.manager).validate_tier()
        # ...the general manager's approval completes it.
        campaign.with_user(self.gm).validate_tier()
        self.assertEqual(campaign.validation_status, "validated")
        campaign.action_start()
        self.assertEqual(campaign.state, "running")

    def test_threshold_is_a_setting(self):
        self.company.ops_campaign_gm_threshold = 200000
        campaign = self._campaign(budget=150000)
        campaign.action_request_approval()
        self.assertEqual(len(campaign.review_ids), 1)

    def test_running_requires_approval(self):
        campaign = self._campaign()
        campaign.action_request_approval()
        with self.assertRaises(UserError):
            campaign.action_start()
        # The engine refuses any client write of the state (UserError), where
        # OCA's own check used to answer with a ValidationError.
        with self.assertRaises(UserError):
            campaign.write({"state": "running"})
        self.assertEqual(campaign.state, "approval")

    def test_rejection_and_reset(self):
        campaign = self._campaign()
        campaign.action_request_approval()
        campaign.with_user(self.manager).reject_tier()
        self.assertEqual(campaign.validation_status, "rejected")
        campaign.action_draft()
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(campaign.review_ids)

    def test_evaluation_required(self):
        plan = self.env["account.analytic.plan"].create({"name": "Eval plan"})
        account = self.env["account.analytic.account"].create(
            {"name": "Eval account", "plan_id": plan.id}
        )
        self.env["account.analytic.line"].create(
            {"name": "Ads", "account_id": account.id, "amount": -500}
        )
        campaign = self._campaign(analytic_account_id=account.id)
        campaign.action_request_approval()
        campaign.with_user(self.manager).validate_tier()
        campaign.action_start()
        campaign.action_end()
        self.assertEqual(campaign.state, "ended")
        self.assertLessEqual(campaign.date_end, self.today)
        with self.assertRaises(ValidationError):
            campaign.action_evaluate()
        campaign.write(
            {
                "evaluation_summary": "<p>Good reach</p>",
                "evaluation_lessons": "<p>Start earlier</p>",
            }
        )
        campaign.action_evaluate()
        self.assertEqual(campaign.state, "evaluated")
        self.assertEqual(campaign.evaluation_date, self.today)
        self.assertEqual(campaign.eval_cost, 500)
        self.assertEqual(campaign.eval_roi, -100.0)
        # Later costs do not rewrite the evaluated results.
        self.env["account.analytic.line"].create(
            {"name": "Late invoice", "account_id": account.id, "amount": -500}
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.cost, 1000)
        self.assertEqual(campaign.eval_cost, 500)
