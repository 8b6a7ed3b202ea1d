# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_ops_user_opens_app(self):
        new_test_user(
            self.env,
            login="tour_ops_user",
            password="tour_ops_user",
            groups="ops_base.group_ops_user",
        )
        self.start_tour("/odoo", "ops_base_open_app", login="tour_ops_user")
