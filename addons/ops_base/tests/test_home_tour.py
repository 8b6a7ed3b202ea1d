# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHomeTour(HttpCase):
    def test_home_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "ops_base")]
        )._update_translations(["zh_CN"])
        user = new_test_user(
            self.env,
            login="tour_home_zh",
            password="tour_home_zh",
            groups="ops_base.group_ops_user",
            lang="zh_CN",
        )
        # The role gave them the Operations home as their landing screen.
        self.assertEqual(user.action_id.id, self.env.ref("ops_base.ops_home_action").id)
        self.start_tour("/odoo", "ops_home_zh_cn", login="tour_home_zh")
