# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .approval_common import ApprovalCase


@tagged("post_install", "-at_install")
class TestApprovalCentre(ApprovalCase):
    def test_request_reaches_reviewer_in_odoo(self):
        rec = self._submitted()
        row = self._row(rec, self.manager_a)
        self.assertEqual(row.todo_user_ids, self.manager_a)
        self.assertEqual(row.requester_id, self.requester)
        self.assertEqual(row.step, "Department review")
        self.assertTrue(row.deadline > row.pending_since)
        # An activity, whatever the reviewer's e-mail preference; none yet
        # for the second step.
        self.assertEqual(len(self._activities(rec, self.manager_a)), 1)
        self.assertFalse(self._activities(rec, self.manager_b))
        todo = self.Request.with_user(self.manager_a).search(
            [("todo_user_ids", "in", [self.manager_a.id])]
        )
        self.assertEqual(todo, row)
        self.assertFalse(
            self.Request.with_user(self.manager_b).search(
                [("todo_user_ids", "in", [self.manager_b.id])]
            )
        )
        self.assertEqual(
            self.Request.with_user(self.requester).search(
                [("requester_id", "=", self.requester.id)]
            ),
            row,
        )

    def test_approve_from_centre_moves_to_next_step(self):
        rec = self._submitted()
        row = self._row(rec, self.manager_a)
        action = row.action_approve()
        self.assertEqual(action["res_model"], "comment.wizard")
        self.assertEqual(action["context"]["default_validate_reject"], "validate")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.manager_a)
            .with_context(**action["context"])
            .create({})
        )
        # No comment needed: the step does not ask for one.
        self.assertFalse(wizard.ops_comment_required)
        self.assertIs(wizard.add_comment(), True)
        self.assertEqual(
            rec.review_ids.filtered(lambda r: r.reviewer_id == self.manager_a).status,
            "approved",
        )
        row.invalidate_recordset()
        self.assertEqual(row.todo_user_ids, self.manager_b)
        self.assertEqual(row.decided_user_ids, self.manager_a)
        self.assertFalse(self._activities(rec, self.manager_a))
        self.assertEqual(len(self._activities(rec, self.manager_b)), 1)
        # The requester prefers e-mail, and still sees it in Odoo.
        self.assertTrue(self._inbox(self.requester, rec))
        decided = self.Request.with_user(self.manager_a).search(
            [("decided_user_ids", "in", [self.manager_a.id])]
        )
        self.assertEqual(decided, row)
        self.assertIn("approved: " + self.manager_a.name, row.progress)
        self.assertEqual(self._events(rec, "approve").user_id, self.manager_a)

    def test_reject_needs_a_reason(self):
        rec = self._submitted()
        with self.assertRaises(UserError):
            self._decide(rec, self.manager_a, "reject")
        self.assertEqual(rec.validation_status, "pending")
        self._decide(rec, self.manager_a, "reject", "Scope is unclear")
        self.assertEqual(rec.validation_status, "rejected")
        row = self._row(rec)
        self.assertEqual(row.status, "rejected")
        self.assertFalse(row.todo_user_ids)
        event = self._events(rec, "reject")
        self.assertEqual(event.comment, "Scope is unclear")

    def test_form_reject_button_asks_the_reason(self):
        rec = self._submitted().with_user(self.manager_a)
        action = rec.with_context(ops_reject_dialog=True).reject_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        self.assertEqual(action["context"]["default_validate_reject"], "reject")
        self.assertEqual(rec.validation_status, "pending")

    def test_escalation_reaches_the_reviewer(self):
        rec = self._submitted()
        review = rec.review_ids.filtered(lambda r: r.reviewer_id == self.manager_a)
        review._send_review_reminder()
        reminder = "base_tier_validation.mail_act_tier_validation_reminder"
        self.assertEqual(len(self._activities(rec, self.manager_a, reminder)), 1)
        self.assertFalse(self._activities(rec, self.manager_b, reminder))
        self.assertTrue(review.last_reminder_date)

    def test_step_asking_a_comment(self):
        self.tier_a.has_comment = True
        rec = self._submitted()
        with self.assertRaises(UserError):
            self._decide(rec, self.manager_a)
        self._decide(rec, self.manager_a, comment="Fine")
        self.assertEqual(
            rec.review_ids.filtered(lambda r: r.reviewer_id == self.manager_a).comment,
            "Fine",
        )

    def test_centre_actions_still_checked_by_the_engine(self):
        rec = self._submitted()
        row = self._row(rec, self.manager_a)
        # The second reviewer reaches the line (chain ahead) but cannot decide.
        row_b = self._row(rec, self.manager_b)
        self.assertEqual(row_b, row.with_user(self.manager_b))
        self.assertFalse(row_b.can_decide)
        with self.assertRaises(UserError):
            row_b.action_approve()
        with self.assertRaises(UserError):
            rec.with_user(self.requester).action_ops_approve()

    def test_hourly_run_gives_older_requests_their_line(self):
        rec = self._submitted()
        self._row(rec).unlink()
        self.env["tier.review"]._ops_refresh_delegations()
        self.assertEqual(self._row(rec, self.manager_a).todo_user_ids, self.manager_a)

    def test_centre_is_personal_and_kept_by_the_system(self):
        rec = self._submitted()
        row = self._row(rec)
        self.assertFalse(self._row(rec, self.outsider))
        with self.assertRaises(AccessError):
            row.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            row.with_user(self.requester).write({"todo_user_ids": [(5,)]})
        with self.assertRaises(AccessError):
            self.Request.with_user(self.requester).create(
                {"model": rec._name, "res_id": rec.id}
            )
        with self.assertRaises(AccessError):
            self.Event.with_user(self.requester).create(
                {"model": rec._name, "res_id": rec.id, "kind": "approve"}
            )
        with self.assertRaises(AccessError):
            self._events(rec).with_user(self.requester).unlink()

    def test_menu_counts(self):
        self._submitted("AP-1")
        self._submitted("AP-2")
        menus = self.env["ir.ui.menu"].with_user(self.manager_a).load_menus(False)
        todo = self.env.ref("ops_base.menu_ops_approval_todo")
        self.assertTrue(menus[todo.id]["name"].endswith("(2)"))
        menus = self.env["ir.ui.menu"].with_user(self.manager_b).load_menus(False)
        self.assertFalse(menus[todo.id]["name"].endswith(")"))
        mine = self.env.ref("ops_base.menu_ops_approval_mine")
        menus = self.env["ir.ui.menu"].with_user(self.requester).load_menus(False)
        self.assertTrue(menus[mine.id]["name"].endswith("(2)"))

    def test_progress_of_a_parallel_step(self):
        board = self.env["res.groups"].create(
            {
                "name": "Regulation board (test)",
                "users": [(6, 0, (self.manager_a | self.substitute).ids)],
            }
        )
        self.tier_b.active = False
        self.tier_a.write(
            {
                "review_type": "group",
                "reviewer_group_id": board.id,
                "ops_decision_rule": "all",
            }
        )
        rec = self._submitted()
        rec.invalidate_recordset()
        self.assertIn(self.manager_a.name, rec.next_review)
        self.assertIn(self.substitute.name, rec.next_review)
        rec.with_user(self.manager_a).validate_tier()
        rec.invalidate_recordset()
        self.assertEqual(
            rec._ops_progress_text(),
            f"Waiting for: {self.substitute.name}; approved: {self.manager_a.name}",
        )
        self.assertIn(
            self.manager_a.name, rec.with_user(self.requester).ops_progress_html
        )
        self.assertEqual(self._row(rec).todo_user_ids, self.substitute)
        self.assertEqual(self._events(rec, "vote").user_id, self.manager_a)
