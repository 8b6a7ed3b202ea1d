# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .approval_common import ApprovalCase


@tagged("post_install", "-at_install")
class TestApprovalUrgeWithdraw(ApprovalCase):
    # Urge (催办) -------------------------------------------------------------

    def test_urge_once_per_interval(self):
        self.company.ops_approval_urge_interval_hours = 4
        rec = self._submitted()
        self.assertTrue(rec.ops_can_urge)
        self.assertIs(rec.action_ops_urge(), True)
        self.assertEqual(
            len(
                self._activities(rec, self.manager_a, "ops_base.mail_activity_ops_urge")
            ),
            1,
        )
        self.assertTrue(
            any("urged" in (m.body or "") for m in rec.message_ids),
            "the urge is logged in the chatter",
        )
        self.assertEqual(self._events(rec, "urge").target_user_ids, self.manager_a)
        # Again at once: refused, nothing more sent.
        with self.assertRaises(UserError):
            rec.action_ops_urge()
        self.assertEqual(len(self._events(rec, "urge")), 1)
        # Once the interval has passed, the requester may urge again.
        row = self._row(rec)
        row.sudo().last_urge_date = fields.Datetime.now() - timedelta(hours=5)
        rec.action_ops_urge()
        self.assertEqual(len(self._events(rec, "urge")), 2)

    def test_urge_from_the_approval_centre(self):
        rec = self._submitted()
        row = self._row(rec, self.requester)
        self.assertTrue(row.can_urge)
        self.assertFalse(self._row(rec, self.manager_a).can_urge)
        self.assertIs(row.action_urge(), True)
        self.assertTrue(row.last_urge_date)
        with self.assertRaises(UserError):
            row.action_urge()

    def test_only_the_requester_urges_pending_reviewers(self):
        rec = self._submitted()
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).action_ops_urge()
        with self.assertRaises(AccessError):
            rec.with_user(self.manager_b).action_ops_urge()
        self.assertFalse(self._events(rec, "urge"))
        self._decide(rec, self.manager_a)
        self._decide(rec, self.manager_b)
        with self.assertRaises(UserError):
            rec.action_ops_urge()

    def test_urge_goes_to_the_current_step_only(self):
        rec = self._submitted()
        self._decide(rec, self.manager_a)
        rec.action_ops_urge()
        self.assertEqual(self._events(rec, "urge").target_user_ids, self.manager_b)
        self.assertFalse(
            self._activities(rec, self.manager_a, "ops_base.mail_activity_ops_urge")
        )

    # Withdraw (撤回) -----------------------------------------------------------

    def test_withdraw_before_any_decision(self):
        rec = self._submitted()
        self.assertTrue(rec.ops_can_withdraw)
        self.assertIs(rec.action_ops_withdraw(), True)
        self.assertFalse(rec.review_ids)
        self.assertEqual(rec.state, "draft")
        self.assertEqual(rec.validation_status, "no")
        self.assertEqual(self._row(rec).status, "withdrawn")
        self.assertFalse(self._activities(rec, self.manager_a))
        self.assertTrue(self._events(rec, "withdraw"))
        self.assertTrue(any("withdrew" in (m.body or "") for m in rec.message_ids))
        self.assertTrue(self._inbox(self.manager_a, rec))
        # It can be corrected and submitted again.
        rec.write({"name": "Corrected rules"})
        rec.request_validation()
        self.assertEqual(self._row(rec).status, "pending")

    def test_no_withdraw_after_the_first_decision(self):
        rec = self._submitted()
        self._decide(rec, self.manager_a)
        self.assertFalse(rec.ops_can_withdraw)
        with self.assertRaises(UserError):
            rec.action_ops_withdraw()
        # Nor through OCA's restart, which is then a manager's reset.
        with self.assertRaises(AccessError):
            rec.restart_validation()
        self.assertEqual(len(rec.review_ids), 2)

    def test_only_the_requester_withdraws(self):
        rec = self._submitted()
        for user in (self.outsider, self.manager_a):
            with self.assertRaises(AccessError):
                rec.with_user(user).action_ops_withdraw()
        self.assertEqual(len(rec.review_ids), 2)

    def test_restart_by_requester_is_a_withdrawal(self):
        rec = self._submitted()
        self.assertIs(rec.restart_validation(), True)
        self.assertFalse(rec.review_ids)
        self.assertTrue(self._events(rec, "withdraw"))

    # Reset by a manager ----------------------------------------------------------

    def test_reset_keeps_history(self):
        rec = self._submitted()
        self._decide(rec, self.manager_a, comment="Looks right")
        Wizard = self.env["ops.approval.reset.wizard"]
        ctx = {"active_model": rec._name, "active_ids": rec.ids}
        with self.assertRaises(AccessError):
            Wizard.with_user(self.requester).with_context(**ctx).create(
                {"reason": "mine"}
            ).action_reset()
        with self.assertRaises(UserError):
            Wizard.with_user(self.manager_b).with_context(**ctx).create(
                {"reason": "  "}
            ).action_reset()
        wizard = (
            Wizard.with_user(self.manager_b)
            .with_context(**ctx)
            .create({"reason": "The scope changed"})
        )
        wizard.action_reset()
        self.assertFalse(rec.review_ids)
        self.assertEqual(self._row(rec).status, "reset")
        # The earlier decision stays visible to the requester.
        history = rec.with_user(self.requester).ops_approval_event_ids
        approve = history.filtered(lambda e: e.kind == "approve")
        self.assertEqual(approve.user_id, self.manager_a)
        self.assertEqual(approve.comment, "Looks right")
        reset = history.filtered(lambda e: e.kind == "reset")
        self.assertIn("The scope changed", reset.comment)
        self.assertIn(self.manager_a.name, reset.comment)
        self.assertTrue(
            any("The scope changed" in (m.body or "") for m in rec.message_ids)
        )
        self.assertTrue(self._inbox(self.requester, rec))
        # A decision of the manager's row stays in their centre.
        self.assertEqual(
            self.Request.with_user(self.manager_a).search(
                [("decided_user_ids", "in", [self.manager_a.id])]
            ),
            self._row(rec),
        )
