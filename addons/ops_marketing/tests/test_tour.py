# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_campaign_request_and_approval(self):
        new_test_user(
            self.env,
            login="tour_mk_user",
            password="tour_mk_user",
            groups="ops_base.group_ops_user",
        )
        new_test_user(
            self.env,
            login="tour_mk_manager",
            password="tour_mk_manager",
            groups="ops_base.group_ops_manager",
        )
        self.env["res.brand"].create({"name": "Tour Brand"})
        self.start_tour(
            "/odoo/action-ops_marketing.ops_marketing_campaign_action",
            "ops_marketing_campaign_request",
            login="tour_mk_user",
        )
        campaign = self.env["ops.marketing.campaign"].search(
            [("name", "=", "Tour Launch Campaign")]
        )
        self.assertEqual(campaign.state, "approval")
        self.assertEqual(campaign.validation_status, "pending")
        self.start_tour(
            f"/odoo/action-ops_marketing.ops_marketing_campaign_action/{campaign.id}",
            "ops_marketing_campaign_approve",
            login="tour_mk_manager",
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.validation_status, "validated")
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.review_ids.done_by.login, "tour_mk_manager")
