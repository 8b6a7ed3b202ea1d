# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestDisciplinary(AppraisalCase):
    def _measure(self, measure, user=None):
        """A measure on B recorded (and later submitted) by HR by default."""
        return (
            self.env["ops.disciplinary.measure"]
            .with_user(user or self.hr_user)
            .create(
                {
                    "name": f"Measure {measure}",
                    "employee_id": self.emp_b.id,
                    "incident": "Repeated breach of the service rules.",
                    "measure": measure,
                }
            )
        )

    def test_dismissal_needs_hr_then_general_manager(self):
        # Recorded and submitted by B's manager; decided by HR, then the GM.
        measure = self._measure("dismissal", self.head_user)
        measure.request_validation()
        reviews = measure.review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 2)
        as_hr = measure.with_user(self.hr_user)
        # The manager cannot approve a dismissal; the GM not before HR.
        with self.assertRaises(UserError):
            measure.with_user(self.head_user).validate_tier()
        with self.assertRaises(UserError):
            measure.with_user(self.exec_user).validate_tier()
        with self.assertRaises(ValidationError):
            as_hr.action_put_in_force()
        as_hr.validate_tier()
        self.assertEqual(measure.validation_status, "pending")
        with self.assertRaises(ValidationError):
            as_hr.action_put_in_force()
        measure.with_user(self.exec_user).validate_tier()
        self.assertEqual(measure.validation_status, "validated")
        # The manager does not put a dismissal in force; HR does.
        with self.assertRaises(AccessError):
            measure.with_user(self.head_user).action_put_in_force()
        self.assertIs(as_hr.action_put_in_force(), True)
        self.assertEqual(measure.state, "in_force")
        self.assertTrue(measure.effective_date)

    def test_verbal_warning_needs_only_the_manager(self):
        measure = self._measure("verbal_warning")
        measure.request_validation()
        self.assertEqual(len(measure.review_ids), 1)
        self.assertEqual(measure.review_ids.reviewer_ids, self.head_user)
        with self.assertRaises(UserError):
            measure.validate_tier()  # HR submitted it
        as_head = measure.with_user(self.head_user)
        as_head.validate_tier()
        self.assertEqual(measure.validation_status, "validated")
        as_head.action_put_in_force()
        self.assertEqual(measure.state, "in_force")

    def test_warning_submitted_by_the_manager_goes_to_hr(self):
        """Nobody approves their own request: the manager's warning is HR's."""
        measure = self._measure("verbal_warning", self.head_user)
        measure.request_validation()
        self.assertEqual(len(measure.review_ids), 1)
        self.assertNotIn(self.head_user, measure.review_ids.reviewer_ids)
        self.assertIn(self.hr_user, measure.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            measure.validate_tier()
        measure.with_user(self.hr_user).validate_tier()
        self.assertEqual(measure.validation_status, "validated")

    def test_severity_proposes_measure(self):
        measure = (
            self.env["ops.disciplinary.measure"]
            .with_user(self.head_user)
            .create(
                {
                    "name": "Fraud",
                    "employee_id": self.emp_b.id,
                    "incident": "Forged a report.",
                    "severity": "critical",
                }
            )
        )
        self.assertEqual(measure.measure, "dismissal")

    def test_written_notice_circulated(self):
        measure = self._measure("written_notice").with_user(self.head_user)
        measure.with_user(self.hr_user).request_validation()
        measure.validate_tier()
        measure.action_put_in_force()
        with self.assertRaises(UserError):
            measure.action_circulate()
        measure.recipient_partner_ids = self.a_user.partner_id | self.c_user.partner_id
        self.assertIs(measure.action_circulate(), True)
        self.assertTrue(measure.circulated_date)
        message = measure.message_ids.filtered(
            lambda m: self.a_user.partner_id in m.partner_ids
        )
        self.assertTrue(message)

    def test_cannot_discipline_oneself(self):
        with self.assertRaises(UserError):
            self.env["ops.disciplinary.measure"].with_user(self.hr_user).create(
                {"name": "Self", "employee_id": self.hr_employee.id, "incident": "x"}
            )

    def test_honour_nominated_and_approved(self):
        honour = (
            self.env["ops.honour"]
            .with_user(self.head_user)
            .create(
                {
                    "name": "Outstanding employee 2025 Q1",
                    "employee_id": self.emp_a.id,
                    "reason": "Best sales",
                }
            )
        )
        honour.request_validation()
        with self.assertRaises(UserError):
            honour.with_user(self.hr_user).validate_tier()
        # The last approval confers the honour (no separate click).
        honour.with_user(self.exec_user).validate_tier()
        self.assertEqual(honour.state, "approved")
        self.assertIn(honour, self.emp_a.ops_honour_ids)
        # Approved honours are public.
        self.assertTrue(honour.with_user(self.d_user).name)
