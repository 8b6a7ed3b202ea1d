# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OpsAdminCase


@tagged("post_install", "-at_install")
class TestEquipment(OpsAdminCase):
    def _sign_all(self, loan):
        for user in (self.lab_head, self.head_a, self.responsible, self.finance):
            self._decide(loan, user)
        self.assertEqual(loan.state, "approved")

    def _overdue_activities(self, loan):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "ops.admin.equipment.loan"),
                ("res_id", "=", loan.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("ops_admin.mail_activity_type_loan_overdue").id,
                ),
            ]
        )

    # Bookings ----------------------------------------------------------------

    def test_booking_needs_the_lab_head(self):
        booking = self._booking()
        booking.action_submit()
        self.assertEqual(booking.lab_head_id, self.lab_head)
        for user in (self.staff_a, self.head_a, self.finance):
            with self.assertRaises(UserError):
                self._decide(booking, user)
        self._decide(booking, self.lab_head)
        self.assertEqual(booking.state, "approved")

    def test_overlapping_bookings_refused(self):
        first = self._booking()
        first.action_submit()
        clash = self._booking(
            user=self.staff_a2, start=first.date_start + timedelta(hours=1)
        )
        with self.assertRaises(ValidationError):
            clash.with_user(self.staff_a2).action_submit()
        after = self._booking(user=self.staff_a2, start=first.date_end)
        after.with_user(self.staff_a2).action_submit()
        self.assertEqual(after.state, "under_review")

    def test_booking_during_a_loan_refused(self):
        loan = self._loan()
        loan.action_submit()
        start = datetime.combine(loan.date_start, datetime.min.time())
        booking = self._booking(start=start + timedelta(hours=10))
        with self.assertRaises(ValidationError):
            booking.action_submit()
        clash = self._loan(user=self.staff_a2, start=loan.date_due)
        with self.assertRaises(ValidationError):
            clash.with_user(self.staff_a2).action_submit()

    def test_lab_head_required(self):
        self.equipment.category_id.ops_lab_head_id = False
        with self.assertRaises(UserError):
            self._booking().action_submit()

    # Loans: four signatures in order ---------------------------------------------

    def test_four_signatures_in_order(self):
        loan = self._loan()
        loan.action_submit()
        self.assertEqual(len(loan.review_ids), 4)
        # nobody signs out of turn, the borrower never
        for user in (self.finance, self.responsible, self.head_a, self.staff_a):
            with self.assertRaises(UserError):
                self._decide(loan, user)
        self._decide(loan, self.lab_head)
        for user in (self.finance, self.responsible, self.lab_head):
            with self.assertRaises(UserError):
                self._decide(loan, user)
        with self.assertRaises(UserError):
            self._decide(loan, self.head_b)
        self._decide(loan, self.head_a)
        with self.assertRaises(UserError):
            self._decide(loan, self.finance)
        self._decide(loan, self.responsible)
        self.assertEqual(loan.state, "under_review")
        self._decide(loan, self.finance)
        self.assertEqual(loan.state, "approved")
        signers = loan.sudo().review_ids.sorted("sequence").mapped("done_by")
        self.assertEqual(
            signers, self.lab_head | self.head_a | self.responsible | self.finance
        )

    def test_one_refusal_rejects(self):
        loan = self._loan()
        loan.action_submit()
        self._decide(loan, self.lab_head)
        self._decide(loan, self.head_a, approve=False)
        self.assertEqual(loan.state, "rejected")

    def test_issue_slip_and_return_inspection(self):
        loan = self._loan()
        loan.with_user(self.staff_a).write(
            {"line_ids": [(0, 0, {"name": "Probe cable", "quantity": 2})]}
        )
        loan.action_submit()
        # the material requisition is signed with the loan
        with self.assertRaises(UserError):
            loan.line_ids.with_user(self.staff_a).write({"quantity": 5})
        with self.assertRaises(UserError):
            loan.with_user(self.lab_head).action_issue()
        self._sign_all(loan)
        with self.assertRaises(AccessError):
            loan.with_user(self.staff_a).action_issue()
        loan.with_user(self.lab_head).action_issue()
        self.assertEqual(loan.state, "issued")
        self.assertTrue(loan.issue_slip.startswith("OUT"))
        self.assertEqual(loan.issued_by_id, self.lab_head)
        with self.assertRaises(AccessError):
            loan.with_user(self.staff_a)._ops_register_return("good", "fine")
        wizard = (
            self.env["ops.admin.loan.return"]
            .with_user(self.lab_head)
            .create(
                {
                    "loan_id": loan.id,
                    "return_condition": "worn",
                    "inspection_note": "Scratched case",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.return_condition, "worn")
        self.assertEqual(loan.inspected_by_id, self.lab_head)

    def test_rpc_bypass_on_loan(self):
        loan = self._loan()
        for vals in (
            {"state": "issued"},
            {"issue_slip": "OUT-FAKE"},
            {"return_condition": "good"},
            {"reminded_on": self.today},
        ):
            with self.assertRaises(UserError):
                loan.with_user(self.staff_a).write(vals)
        with self.assertRaises(ValidationError):
            self._loan(responsible_id=self.staff_a.id)

    def test_loan_visibility(self):
        loan = self._loan()
        Loan = self.Loan
        for user in (self.staff_a, self.assistant_a, self.head_a, self.lab_head):
            self.assertEqual(Loan.with_user(user).search([("id", "=", loan.id)]), loan)
        for user in (self.staff_b, self.staff_a2, self.head_b):
            self.assertFalse(Loan.with_user(user).search([("id", "=", loan.id)]))

    # Overdue reminders -------------------------------------------------------------

    def test_overdue_reminder_once_a_day(self):
        loan = self._loan()
        loan.action_submit()
        self._sign_all(loan)
        loan.with_user(self.lab_head).action_issue()
        self.Loan._cron_remind_overdue()
        self.assertFalse(self._overdue_activities(loan), "not overdue yet")
        # the equipment was due back yesterday
        self.env.cr.execute(
            "UPDATE ops_admin_equipment_loan SET date_start = %s, date_due = %s "
            "WHERE id = %s",
            (self.today - timedelta(days=5), self.today - timedelta(days=1), loan.id),
        )
        loan.invalidate_recordset()
        self.assertTrue(loan.is_overdue)
        self.assertIn(loan, self.Loan.search([("is_overdue", "=", True)]))
        self.Loan._cron_remind_overdue()
        activities = self._overdue_activities(loan)
        self.assertEqual(activities.user_id, self.staff_a | self.lab_head)
        self.assertEqual(len(activities), 2)
        # a second run the same day reminds nobody again
        self.Loan._cron_remind_overdue()
        self.assertEqual(self._overdue_activities(loan), activities)
        # the next day, those who dealt with yesterday's reminder get a new one
        activities.filtered(lambda a: a.user_id == self.staff_a).action_done()
        loan.sudo().reminded_on = self.today - timedelta(days=1)
        self.Loan._cron_remind_overdue()
        again = self._overdue_activities(loan)
        self.assertEqual(len(again), 2)
        # back in the lab: no more reminders
        self.env["ops.admin.loan.return"].with_user(self.lab_head).create(
            {"loan_id": loan.id, "return_condition": "good"}
        ).action_confirm()
        self.assertFalse(self._overdue_activities(loan))
