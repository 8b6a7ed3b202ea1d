# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ops_base.models.ops_guard import as_server


@tagged("post_install", "-at_install")
class TestTourMobile(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_tour_phone_metric_on_running_campaign(self):
        user = new_test_user(
            self.env,
            login="tour_mk_phone",
            password="tour_mk_phone",
            groups="ops_base.group_ops_user",
        )
        today = fields.Date.today()
        Campaign = self.env["ops.marketing.campaign"].with_user(user)
        campaign = as_server(Campaign).create(
            {
                "name": "Phone campaign",
                "brand_id": self.env["res.brand"].create({"name": "Phone"}).id,
                "user_id": user.id,
                "date_start": today - timedelta(days=5),
                "date_end": today + timedelta(days=5),
                "budget": 100,
                "state": "running",
            }
        )
        self.start_tour(
            f"/odoo/action-ops_marketing.ops_marketing_campaign_action/{campaign.id}",
            "ops_marketing_mobile_metric",
            login="tour_mk_phone",
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.metric_ids.cost, 88.0)
        self.assertEqual(campaign.cost, 88.0)
        self.assertEqual(campaign.cost_source, "reported")
