# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_travel_then_expense(self):
        env = self.env
        traveller = new_test_user(
            env,
            login="tour_adm_user",
            password="tour_adm_user",
            groups="ops_base.group_ops_user",
            name="Tour Traveller",
        )
        head = new_test_user(
            env,
            login="tour_adm_head",
            password="tour_adm_head",
            groups="ops_base.group_ops_manager",
        )
        assistant = new_test_user(
            env,
            login="tour_adm_assistant",
            password="tour_adm_assistant",
            groups="ops_admin.group_ops_admin_assistant",
        )
        # finance approves after the department head: someone must be there
        new_test_user(
            env, login="tour_adm_finance", groups="ops_base.group_ops_finance"
        )
        dept = env["hr.department"].create({"name": "Tour department"})
        employees = env["hr.employee"].create(
            [
                {
                    "name": "Tour Traveller",
                    "user_id": traveller.id,
                    "department_id": dept.id,
                },
                {"name": "Tour head", "user_id": head.id, "department_id": dept.id},
                {
                    "name": "Tour assistant",
                    "user_id": assistant.id,
                    "department_id": dept.id,
                },
            ]
        )
        dept.write(
            {
                "manager_id": employees[1].id,
                "ops_assistant_ids": [Command.set(assistant.ids)],
            }
        )
        env["product.product"].create(
            {
                "name": "Tour train",
                "can_be_expensed": True,
                "categ_id": env.ref("ops_admin.product_category_travel").id,
                "standard_price": 300,
            }
        )
        self.start_tour("/odoo", "ops_admin_travel_request", login="tour_adm_user")
        travel = env["ops.admin.travel"].search([("destination", "=", "Tour city")])
        self.assertEqual(travel.state, "under_review")
        self.start_tour(
            f"/odoo/action-ops_admin.ops_admin_travel_action/{travel.id}",
            "ops_admin_travel_approve",
            login="tour_adm_head",
        )
        travel.invalidate_recordset()
        self.assertEqual(travel.state, "approved")
        self.start_tour(
            "/odoo/action-hr_expense.hr_expense_actions_my_all/new",
            "ops_admin_expense_file",
            login="tour_adm_assistant",
        )
        expense = env["hr.expense"].search([("ops_travel_id", "=", travel.id)])
        self.assertEqual(expense.employee_id, employees[0])
        self.assertEqual(expense.total_amount, 300)
        self.assertEqual(expense.sheet_id.approval_state, "submit")
        self.assertEqual(expense.sheet_id.create_uid, assistant)
        self.assertEqual(len(expense.sheet_id.review_ids), 2)
