# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAccountability(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, group):
            return new_test_user(
                cls.env, login=login, groups=group, context={"no_reset_password": True}
            )

        cls.boss = user("t_acc_boss", "ops_base.group_ops_manager")
        cls.staff = user("t_acc_staff", "ops_base.group_ops_user")
        cls.peer = user("t_acc_peer", "ops_base.group_ops_user")
        cls.other_boss = user("t_acc_other_boss", "ops_base.group_ops_manager")
        cls.hr = user("t_acc_hr", "ops_base.group_ops_hr")
        Employee = cls.env["hr.employee"]
        boss_emp = Employee.create({"name": "Boss", "user_id": cls.boss.id})
        Employee.create({"name": "Other boss", "user_id": cls.other_boss.id})
        staff_emp = Employee.create(
            {"name": "Staff", "user_id": cls.staff.id, "parent_id": boss_emp.id}
        )
        Employee.create(
            {"name": "Peer", "user_id": cls.peer.id, "parent_id": boss_emp.id}
        )
        cls.entry = (
            cls.env["ops.accountability"]
            .with_user(cls.hr)
            .create(
                {
                    "name": "Rude answer on the hotline",
                    "employee_id": staff_emp.id,
                    "decision": "penalty",
                    "amount": 100,
                    "points": -2,
                }
            )
        )

    def _can_read(self, user):
        return bool(
            self.env["ops.accountability"]
            .with_user(user)
            .search([("id", "=", self.entry.id)])
        )

    def test_visibility(self):
        self.assertTrue(self._can_read(self.hr))
        self.assertTrue(self._can_read(self.staff), "own record")
        self.assertTrue(self._can_read(self.boss), "the manager's team")
        self.assertFalse(self._can_read(self.peer), "never to peers")
        self.assertFalse(self._can_read(self.other_boss), "nor other departments")
        with self.assertRaises(AccessError):
            self.entry.with_user(self.peer).read(["name"])

    def test_only_hr_writes(self):
        with self.assertRaises(AccessError):
            self.entry.with_user(self.boss).write({"points": 0})
        self.entry.with_user(self.hr).write({"points": -1})
        self.assertEqual(self.entry.points, -1)
