# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import make_ops_users


@tagged("post_install", "-at_install")
class TestOpsHome(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_ops_users(cls.env)
        cls.home = cls.env.ref("ops_base.ops_home_action")
        cls.Tile = cls.env["ops.home.tile"]

    def _shown(self, user):
        return self.Tile.with_user(user).search([("available", "=", True)])

    def test_home_is_the_app_first_screen(self):
        # The web client opens an app on its first menu with an action.
        user = self.users["user"]
        root = self.env.ref("ops_base.menu_ops_root").with_user(user)
        first = root.child_id.sorted(lambda m: (m.sequence, m.id))[:1]
        self.assertEqual(first.action.id, self.home.id)

    def test_role_gives_home_action_only_to_ops_users(self):
        ctx = {"no_reset_password": True}
        ops = new_test_user(
            self.env, login="t_home_ops", groups="ops_base.group_ops_user", context=ctx
        )
        other = new_test_user(
            self.env, login="t_home_other", groups="base.group_user", context=ctx
        )
        self.assertEqual(ops.action_id.id, self.home.id)
        self.assertFalse(other.action_id, "good guest: others keep Discuss")
        # Given the role later: the home too; a chosen home action is kept.
        discuss = self.env.ref("mail.action_discuss")
        chosen = new_test_user(
            self.env, login="t_home_chosen", groups="base.group_user", context=ctx
        )
        chosen.action_id = discuss.id
        group = self.env.ref("ops_base.group_ops_user")
        (other | chosen).write({"groups_id": [(4, group.id)]})
        self.assertEqual(other.action_id.id, self.home.id)
        self.assertEqual(chosen.action_id.id, discuss.id)

    def test_staff_see_their_work_managers_the_month(self):
        staff = self._shown(self.users["user"])
        manager = self._shown(self.users["manager"])
        self.assertIn(self.env.ref("ops_base.ops_home_tile_approvals_todo"), staff)
        self.assertFalse(staff.filtered(lambda t: t.section == "month"))
        self.assertTrue(manager.filtered(lambda t: t.section == "month"))
        # A tile of an application that is not installed is never shown.
        ghost = self.Tile.create(
            {"name": "Ghost", "model_name": "ops.not.installed", "section": "mine"}
        )
        self.assertNotIn(ghost, self._shown(self.users["manager"]))

    def test_figures_are_the_user_own_and_open_their_records(self):
        user = self.users["user"]
        tile = self.env.ref("ops_base.ops_home_tile_activities").with_user(user)
        self.assertEqual(tile.value_display, "0")
        partner = self.env["res.partner"].create({"name": "Home test"})
        partner.activity_schedule("mail.mail_activity_data_todo", user_id=user.id)
        partner.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.users["manager"].id
        )
        tile.invalidate_recordset()
        self.assertEqual(tile.value_display, "1")
        action = tile.action_open()
        self.assertEqual(action["res_model"], "mail.activity")
        self.assertEqual(
            self.env["mail.activity"].with_user(user).search_count(action["domain"]), 1
        )

    def test_ratio_tile_opens_the_records_missing_the_measure(self):
        partners = self.env["res.partner"].create(
            [{"name": "P1", "is_company": True}, {"name": "P2"}]
        )
        tile = self.Tile.create(
            {
                "name": "Share of companies",
                "model_name": "res.partner",
                "domain": f"[('id', 'in', {partners.ids})]",
                "ratio_domain": "[('is_company', '=', True)]",
            }
        )
        self.assertEqual(tile.value_display, "50.0%")
        opened = self.env["res.partner"].search(tile.action_open()["domain"])
        self.assertEqual(opened.mapped("name"), ["P2"])

    def test_tile_opens_under_its_name_grouped_only_as_the_user_may(self):
        # An employee's department is for every user, their marital status
        # for HR officers only: a grouping the user cannot read would stop
        # the view from opening at all.
        tile = self.Tile.create(
            {
                "name": "Employees by department",
                "model_name": "hr.employee",
                "section": "mine",
                "context": "{'group_by': ['department_id', 'marital']}",
            }
        )
        action = tile.with_user(self.users["user"]).action_open()
        self.assertEqual(action["context"]["group_by"], ["department_id"])
        self.assertEqual(action["display_name"], "Employees by department")
        tile.context = "{'group_by': 'marital'}"
        action = tile.with_user(self.users["user"]).action_open()
        self.assertNotIn("group_by", action["context"])
        # HR officers keep the grouping.
        hr = new_test_user(
            self.env,
            login="t_home_hr",
            groups="ops_base.group_ops_user,hr.group_hr_user",
        )
        action = tile.with_user(hr).action_open()
        self.assertEqual(action["context"]["group_by"], ["marital"])
