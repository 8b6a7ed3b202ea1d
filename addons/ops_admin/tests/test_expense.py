# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OpsAdminCase


@tagged("post_install", "-at_install")
class TestExpense(OpsAdminCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.travel_product = Product.create(
            {
                "name": "Train ticket",
                "can_be_expensed": True,
                "categ_id": cls.env.ref("ops_admin.product_category_travel").id,
                "standard_price": 0,
            }
        )
        cls.other_product = Product.create(
            {"name": "Office supplies", "can_be_expensed": True, "standard_price": 0}
        )

    def _expense(self, user, employee, product, day, amount=100.0, **vals):
        values = {
            "name": product.name,
            "employee_id": employee.id,
            "product_id": product.id,
            "total_amount_currency": amount,
            "date": day,
        }
        values.update(vals)
        return self.env["hr.expense"].with_user(user).create(values)

    def _sheet(self, user, expenses):
        return (
            self.env["hr.expense.sheet"]
            .with_user(user)
            .create(
                {
                    "name": "Claim",
                    "employee_id": expenses.employee_id.id,
                    "expense_line_ids": [Command.set(expenses.ids)],
                }
            )
        )

    def test_travel_expense_needs_approved_travel(self):
        day = self.today + timedelta(days=11)
        expense = self._expense(self.staff_a, self.emp_a, self.travel_product, day)
        self.assertTrue(expense.ops_is_travel)
        sheet = self._sheet(self.staff_a, expense)
        with self.assertRaises(ValidationError):
            sheet.with_user(self.staff_a).action_submit_sheet()
        # a travel request that is only submitted does not count
        travel = self._travel()
        travel.action_submit()
        with self.assertRaises(ValidationError):
            sheet.with_user(self.staff_a).action_submit_sheet()
        # nor a colleague's approved trip
        self._approved_travel(user=self.staff_a2)
        with self.assertRaises(ValidationError):
            sheet.with_user(self.staff_a).action_submit_sheet()
        self._decide(travel, self.head_a)
        sheet.with_user(self.staff_a).action_submit_sheet()
        self.assertEqual(sheet.approval_state, "submit")
        self.assertEqual(expense.ops_travel_id, travel)
        self.assertEqual(sheet.ops_travel_ids, travel)
        self.assertIn(expense, travel.sudo().expense_ids)

    def test_travel_expense_outside_trip_dates(self):
        travel = self._approved_travel()
        day = travel.date_end + timedelta(days=3)
        expense = self._expense(
            self.staff_a,
            self.emp_a,
            self.travel_product,
            day,
            ops_travel_id=travel.id,
        )
        sheet = self._sheet(self.staff_a, expense)
        with self.assertRaises(ValidationError):
            sheet.with_user(self.staff_a).action_submit_sheet()

    def test_rpc_write_of_approval_state_checked_too(self):
        day = self.today + timedelta(days=11)
        expense = self._expense(self.staff_a, self.emp_a, self.travel_product, day)
        sheet = self._sheet(self.staff_a, expense)
        with self.assertRaises(UserError):
            sheet.with_user(self.staff_a).write({"approval_state": "submit"})
        with self.assertRaises(AccessError):
            sheet.with_user(self.staff_a).write(
                {"ops_submitted_on": "2026-01-01 00:00:00"}
            )

    def test_other_expenses_need_no_travel(self):
        expense = self._expense(
            self.staff_a, self.emp_a, self.other_product, self.today
        )
        sheet = self._sheet(self.staff_a, expense)
        sheet.with_user(self.staff_a).action_submit_sheet()
        self.assertEqual(sheet.approval_state, "submit")

    def test_assistant_files_for_a_colleague_and_approval_chain(self):
        travel = self._approved_travel()
        expense = self._expense(
            self.assistant_a, self.emp_a, self.travel_product, travel.date_start
        )
        sheet = self._sheet(self.assistant_a, expense)
        sheet.with_user(self.assistant_a).action_submit_sheet()
        sheet.invalidate_recordset()
        self.assertEqual(sheet.approval_state, "submit")
        self.assertEqual(len(sheet.review_ids), 2)
        # finance cannot jump the department head; claimant and the
        # assistant who filed it never decide
        for user in (self.finance, self.staff_a, self.assistant_a, self.head_b):
            with self.assertRaises(UserError):
                self._decide(sheet, user)
        self._decide(sheet, self.head_a)
        with self.assertRaises(UserError):
            self._decide(sheet, self.head_a)
        self._decide(sheet, self.finance)
        self.assertEqual(sheet.validation_status, "validated")
        # the claimant follows every step with its date
        progress = sheet.with_user(self.staff_a).ops_progress
        self.assertIn("Submitted", progress)
        self.assertIn("Approved", progress)

    def test_assistant_only_for_their_department(self):
        with self.assertRaises(AccessError):
            self._expense(self.assistant_a, self.emp_b, self.other_product, self.today)
        # and only the assistant role opens the department
        with self.assertRaises(AccessError):
            self._expense(self.staff_a2, self.emp_a, self.other_product, self.today)

    def test_claims_visibility(self):
        expense = self._expense(
            self.staff_a, self.emp_a, self.other_product, self.today
        )
        sheet = self._sheet(self.staff_a, expense)
        Sheet = self.env["hr.expense.sheet"]
        for user in (self.staff_a, self.assistant_a, self.head_a, self.finance):
            self.assertEqual(
                Sheet.with_user(user).search([("id", "=", sheet.id)]), sheet
            )
        for user in (self.staff_b, self.staff_a2, self.head_b):
            self.assertFalse(Sheet.with_user(user).search([("id", "=", sheet.id)]))
        with self.assertRaises(AccessError):
            sheet.with_user(self.finance).write({"name": "changed"})
