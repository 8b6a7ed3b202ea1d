# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


class OpsAdminCase(TransactionCase):
    """Two departments with their heads and staff, an assistant of the
    first one, finance, a fleet manager, a lab head and a lab instrument."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env

        def user(login, groups):
            return new_test_user(env, login=login, groups=groups, context=CTX)

        Employee = env["hr.employee"]
        cls.dept_a = env["hr.department"].create({"name": "Product Ops A"})
        cls.dept_b = env["hr.department"].create({"name": "Product Ops B"})
        cls.head_a = user("t_adm_head_a", "ops_base.group_ops_manager")
        cls.head_b = user("t_adm_head_b", "ops_base.group_ops_manager")
        cls.staff_a = user("t_adm_staff_a", "ops_base.group_ops_user")
        cls.staff_a2 = user("t_adm_staff_a2", "ops_base.group_ops_user")
        cls.staff_b = user("t_adm_staff_b", "ops_base.group_ops_user")
        cls.assistant_a = user(
            "t_adm_assistant_a", "ops_admin.group_ops_admin_assistant"
        )
        cls.finance = user("t_adm_finance", "ops_base.group_ops_finance")
        cls.fleet_manager = user(
            "t_adm_fleet", "ops_base.group_ops_user,fleet.fleet_group_manager"
        )
        cls.lab_head = user("t_adm_lab_head", "ops_base.group_ops_user")
        cls.responsible = user("t_adm_responsible", "ops_base.group_ops_user")
        boss_a = Employee.create(
            {"name": "Head A", "user_id": cls.head_a.id, "department_id": cls.dept_a.id}
        )
        boss_b = Employee.create(
            {"name": "Head B", "user_id": cls.head_b.id, "department_id": cls.dept_b.id}
        )
        cls.dept_a.manager_id = boss_a
        cls.dept_b.manager_id = boss_b
        cls.dept_a.ops_assistant_ids = [Command.set(cls.assistant_a.ids)]
        cls.emp_a = Employee.create(
            {
                "name": "Staff A",
                "user_id": cls.staff_a.id,
                "department_id": cls.dept_a.id,
                "parent_id": boss_a.id,
            }
        )
        cls.emp_a2 = Employee.create(
            {
                "name": "Staff A2",
                "user_id": cls.staff_a2.id,
                "department_id": cls.dept_a.id,
                "parent_id": boss_a.id,
            }
        )
        cls.emp_b = Employee.create(
            {
                "name": "Staff B",
                "user_id": cls.staff_b.id,
                "department_id": cls.dept_b.id,
                "parent_id": boss_b.id,
            }
        )
        Employee.create(
            {
                "name": "Assistant A",
                "user_id": cls.assistant_a.id,
                "department_id": cls.dept_a.id,
            }
        )
        for login_user in (cls.finance, cls.lab_head, cls.responsible):
            Employee.create({"name": login_user.name, "user_id": login_user.id})
        cls.company = env.company
        cls.company.ops_expense_approval = True
        category = env["maintenance.equipment.category"].create(
            {"name": "Spectrometers", "ops_lab_head_id": cls.lab_head.id}
        )
        cls.equipment = env["maintenance.equipment"].create(
            {"name": "Spectrometer S1", "category_id": category.id}
        )
        cls.today = date.today()
        cls.Travel = env["ops.admin.travel"]
        cls.Car = env["ops.admin.car.request"]
        cls.Booking = env["ops.admin.equipment.booking"]
        cls.Loan = env["ops.admin.equipment.loan"]

    # Helpers -------------------------------------------------------------

    def _decide(self, record, user, approve=True, comment="OK"):
        """Press Validate (or Reject) as ``user``, answering the comment
        wizard if the step asks for one."""
        record = record.with_user(user)
        res = record.validate_tier() if approve else record.reject_tier()
        if isinstance(res, dict) and res.get("res_model") == "comment.wizard":
            self.env["comment.wizard"].with_user(user).with_context(
                **res["context"]
            ).create({"comment": comment}).add_comment()
        record.invalidate_recordset()
        return res

    def _travel(self, user=None, start=None, days=3, **vals):
        start = start or self.today + timedelta(days=10)
        values = {
            "destination": "Shanghai",
            "date_start": start,
            "date_end": start + timedelta(days=days - 1),
            "purpose": "Customer visit",
            "estimated_cost": 3000,
        }
        values.update(vals)
        return self.Travel.with_user(user or self.staff_a).create(values)

    def _approved_travel(self, **kw):
        travel = self._travel(**kw)
        travel.action_submit()
        self._decide(travel, self.head_a)
        self.assertEqual(travel.state, "approved")
        return travel

    def _loan(self, user=None, start=None, days=5, **vals):
        start = start or self.today + timedelta(days=1)
        values = {
            "equipment_id": self.equipment.id,
            "responsible_id": self.responsible.id,
            "date_start": start,
            "date_due": start + timedelta(days=days),
            "destination": "Customer site",
        }
        values.update(vals)
        return self.Loan.with_user(user or self.staff_a).create(values)

    def _booking(self, user=None, start=None, hours=2, **vals):
        start = start or datetime.combine(
            self.today + timedelta(days=30), datetime.min.time()
        ) + timedelta(hours=9)
        values = {
            "equipment_id": self.equipment.id,
            "date_start": start,
            "date_end": start + timedelta(hours=hours),
            "purpose": "Calibration run",
        }
        values.update(vals)
        return self.Booking.with_user(user or self.staff_a).create(values)
