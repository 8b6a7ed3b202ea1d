# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import make_ops_users


@tagged("post_install", "-at_install")
class TestAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_ops_users(cls.env)
        cls.root_menu = cls.env.ref("ops_base.menu_ops_root")

    def _visible_menu_ids(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_ops_user_sees_operations_app(self):
        self.assertIn(self.root_menu.id, self._visible_menu_ids(self.users["user"]))

    def test_other_employee_does_not(self):
        self.assertNotIn(
            self.root_menu.id, self._visible_menu_ids(self.users["internal"])
        )
        with self.assertRaises(AccessError):
            self.env["ops.regulation"].with_user(self.users["internal"]).search([])

    def test_configuration_is_for_executives(self):
        config = self.env.ref("ops_base.menu_ops_config")
        self.assertNotIn(config.id, self._visible_menu_ids(self.users["user"]))
        self.assertNotIn(config.id, self._visible_menu_ids(self.users["manager"]))
        self.assertIn(config.id, self._visible_menu_ids(self.users["executive"]))

    def test_executive_edits_only_operations_tiers(self):
        Tier = self.env["tier.definition"].with_user(self.users["executive"])
        ops_tier = self.env.ref("ops_base.tier_definition_regulation_manager")
        Tier.browse(ops_tier.id).write({"sequence": 25})
        other = self.env["tier.definition"].create(
            {
                "name": "Not ours",
                "model_id": self.env.ref("base.model_res_partner").id,
                "review_type": "individual",
                "reviewer_id": self.env.user.id,
            }
        )
        with self.assertRaises(AccessError):
            Tier.browse(other.id).write({"sequence": 5})
        with self.assertRaises(AccessError):
            Tier.with_user(self.users["manager"]).browse(ops_tier.id).write(
                {"sequence": 30}
            )

    def test_user_cannot_delete_regulation(self):
        reg = (
            self.env["ops.regulation"]
            .with_user(self.users["user"])
            .create({"name": "Draft", "code": "T-ACC"})
        )
        with self.assertRaises(AccessError):
            reg.unlink()
        reg.with_user(self.users["manager"]).unlink()

    def test_other_company_regulations_hidden(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        reg = self.env["ops.regulation"].create(
            {"name": "Elsewhere", "code": "X-1", "company_id": other.id}
        )
        found = (
            self.env["ops.regulation"]
            .with_user(self.users["manager"])
            .search([("id", "=", reg.id)])
        )
        self.assertFalse(found)
