# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .approval_common import ApprovalCase


@tagged("post_install", "-at_install")
class TestApprovalDelegation(ApprovalCase):
    def _delegate(self, user, delegate, start=0, end=2):
        today = fields.Date.context_today(self.env.user)
        return (
            self.env["ops.approval.delegation"]
            .with_user(user)
            .create(
                {
                    "user_id": user.id,
                    "delegate_id": delegate.id,
                    "date_from": today + timedelta(days=start),
                    "date_to": today + timedelta(days=end),
                }
            )
        )

    def _review_of(self, rec, tier):
        return rec.review_ids.filtered(lambda r: r.definition_id == tier)

    def test_substitute_decides_in_range_both_names_recorded(self):
        self._delegate(self.manager_a, self.substitute)
        rec = self._submitted()
        review = self._review_of(rec, self.tier_a)
        self.assertEqual(review.reviewer_ids, self.substitute)
        self.assertEqual(review.ops_absent_user_ids, self.manager_a)
        self.assertEqual(self._row(rec).todo_user_ids, self.substitute)
        self.assertIn(
            f"{self.substitute.name} (for {self.manager_a.name})",
            rec._ops_progress_text(),
        )
        with self.assertRaises(UserError):
            self._decide(rec, self.manager_a)
        self._decide(rec, self.substitute)
        self.assertEqual(review.status, "approved")
        event = self._events(rec, "approve")
        self.assertEqual(event.user_id, self.substitute)
        self.assertEqual(event.on_behalf_of_id, self.manager_a)

    def test_outside_the_range_the_reviewer_decides(self):
        self._delegate(self.manager_a, self.substitute, start=3, end=5)
        rec = self._submitted()
        self.assertEqual(self._review_of(rec, self.tier_a).reviewer_ids, self.manager_a)

    def test_pending_reviews_follow_the_delegation(self):
        rec = self._submitted()
        review = self._review_of(rec, self.tier_a)
        delegation = self._delegate(self.manager_a, self.substitute)
        self.assertEqual(review.reviewer_ids, self.substitute)
        self.assertEqual(len(self._activities(rec, self.substitute)), 1)
        self.assertFalse(self._activities(rec, self.manager_a))
        self.assertEqual(self._events(rec, "delegate").target_user_ids, self.substitute)
        # Back early: ending the delegation gives the review back.
        delegation.with_user(self.manager_a).active = False
        self.assertEqual(review.reviewer_ids, self.manager_a)
        self.assertEqual(self._row(rec).todo_user_ids, self.manager_a)

    def test_who_may_delegate(self):
        with self.assertRaises(AccessError):
            self.env["ops.approval.delegation"].with_user(self.outsider).create(
                {
                    "user_id": self.manager_a.id,
                    "delegate_id": self.outsider.id,
                    "date_from": fields.Date.today(),
                    "date_to": fields.Date.today(),
                }
            )
        with self.assertRaises(ValidationError):
            self._delegate(self.manager_a, self.manager_a)
        with self.assertRaises(ValidationError):
            self._delegate(self.manager_a, self.substitute, start=2, end=1)
        delegation = self._delegate(self.manager_a, self.colleague)
        with self.assertRaises(ValidationError):
            self._delegate(self.manager_a, self.manager_b, start=1, end=3)
        # The substitute sees it but cannot change it.
        self.assertTrue(delegation.with_user(self.colleague).read(["date_to"]))
        with self.assertRaises(AccessError):
            delegation.with_user(self.colleague).write(
                {"date_to": fields.Date.today() + timedelta(days=30)}
            )
        # An operations manager may set one for a reviewer who could not.
        self.env["ops.approval.delegation"].with_user(self.manager_b).create(
            {
                "user_id": self.colleague.id,
                "delegate_id": self.manager_b.id,
                "date_from": fields.Date.today(),
                "date_to": fields.Date.today(),
            }
        )

    def test_requester_never_substitutes_on_their_own_request(self):
        self._delegate(self.manager_a, self.requester)
        rec = self._submitted()
        self.assertEqual(self._review_of(rec, self.tier_a).reviewer_ids, self.manager_a)

    def test_substitute_on_approved_leave(self):
        if "hr.leave" not in self.env:
            self.skipTest("Time Off (hr_holidays) is not installed")
        employee = self.env["hr.employee"].create(
            {"name": self.manager_a.name, "user_id": self.manager_a.id}
        )
        self.manager_a.with_user(
            self.manager_a
        ).ops_approval_substitute_id = self.substitute
        leave_type = self.env["hr.leave.type"].create(
            {"name": "Annual leave (test)", "requires_allocation": "no"}
        )
        today = fields.Date.context_today(self.env.user)
        leave = (
            self.env["hr.leave"]
            .with_context(leave_skip_state_check=True)
            .create(
                {
                    "employee_id": employee.id,
                    "holiday_status_id": leave_type.id,
                    "request_date_from": today,
                    "request_date_to": today + timedelta(days=1),
                }
            )
        )
        rec = self._submitted()
        self.assertEqual(self._review_of(rec, self.tier_a).reviewer_ids, self.manager_a)
        leave.sudo().write({"state": "validate"})
        self.env["tier.review"]._ops_refresh_delegations()
        review = self._review_of(rec, self.tier_a)
        self.assertEqual(review.reviewer_ids, self.substitute)
        self.assertEqual(review.ops_absent_user_ids, self.manager_a)
