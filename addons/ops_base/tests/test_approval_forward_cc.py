# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .approval_common import ApprovalCase


@tagged("post_install", "-at_install")
class TestApprovalForwardCc(ApprovalCase):
    # Forward (转交) -------------------------------------------------------------

    def _forward(self, rec, user, target, comment="Please take over"):
        action = rec.with_user(user).forward_tier()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create(
                {
                    "forward_reviewer_id": target.id,
                    "forward_description": "Forwarded review",
                    "ops_comment": comment,
                }
            )
        )
        return wizard.add_forward()

    def test_forward_to_a_colleague(self):
        rec = self._submitted()
        self.assertTrue(rec.with_user(self.manager_a).can_forward)
        self.assertIs(self._forward(rec, self.manager_a, self.colleague), True)
        old = rec.review_ids.filtered(lambda r: r.definition_id == self.tier_a)
        self.assertEqual(old.status, "forwarded")
        self.assertIn("Please take over", old.comment)
        new = rec.review_ids.filtered(lambda r: not r.definition_id)
        self.assertEqual(new.reviewer_ids, self.colleague)
        self.assertEqual(new.status, "pending")
        self.assertEqual(self._row(rec).todo_user_ids, self.colleague)
        self.assertEqual(len(self._activities(rec, self.colleague)), 1)
        self.assertFalse(self._activities(rec, self.manager_a))
        event = self._events(rec, "forward")
        self.assertEqual(event.user_id, self.manager_a)
        self.assertEqual(event.target_user_ids, self.colleague)
        self.assertTrue(self._inbox(self.colleague, rec))
        # The forwarder no longer decides; the colleague does.
        with self.assertRaises(UserError):
            rec.with_user(self.manager_a).validate_tier()
        self._decide(rec, self.colleague)
        self._decide(rec, self.manager_b)
        self.assertEqual(rec.validation_status, "validated")

    def test_forward_rules(self):
        rec = self._submitted()
        # Not the reviewer of the pending step.
        for user in (self.manager_b, self.outsider, self.requester):
            with self.assertRaises(UserError):
                rec.with_user(user).forward_tier()
        # Not to the requester, nor to oneself.
        for target in (self.requester, self.manager_a):
            with self.assertRaises(UserError):
                self._forward(rec, self.manager_a, target)
        # A step that does not allow it.
        self._decide(rec, self.manager_a)
        with self.assertRaises(UserError):
            rec.with_user(self.manager_b).forward_tier()
        self.assertFalse(rec.review_ids.filtered(lambda r: r.status == "forwarded"))

    def test_forged_forward_through_comment_dialog(self):
        rec = self._submitted()
        review = rec.review_ids.filtered(lambda r: r.definition_id == self.tier_a)
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.outsider)
            .create(
                {
                    "res_model": rec._name,
                    "res_id": rec.id,
                    "review_ids": [Command.set(review.ids)],
                    "validate_reject": "forward",
                    "comment": "mine now",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        self.assertEqual(review.status, "pending")

    # CC (抄送) --------------------------------------------------------------------

    def test_cc_reads_and_is_told_the_decision(self):
        self._readonly_rule()
        self.tier_b.ops_cc_user_ids = self.colleague
        rec = self._submitted()
        # Copied by the step definition: the colleague reads the record.
        self.assertEqual(rec.ops_cc_user_ids, self.colleague)
        self.assertTrue(rec.with_user(self.colleague).read(["name"]))
        # Not copied: the outsider does not, until the requester copies them.
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).read(["name"])
        rec.write({"ops_cc_user_ids": [Command.link(self.outsider.id)]})
        self.assertTrue(rec.with_user(self.outsider).read(["name"]))
        self.assertIn(
            rec,
            self.env["ops.regulation"].with_user(self.outsider).search([]),
        )
        # Read-only.
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).check_access("write")
        cc_rows = self.Request.with_user(self.outsider).search(
            [("cc_user_ids", "in", [self.outsider.id])]
        )
        self.assertEqual(cc_rows, self._row(rec))
        # The copy set by the approval settings stays.
        with self.assertRaises(UserError):
            rec.write({"ops_cc_user_ids": [Command.unlink(self.colleague.id)]})
        self.assertFalse(self._inbox(self.colleague, rec))
        self._decide(rec, self.manager_a)
        self._decide(rec, self.manager_b)
        self.assertTrue(self._inbox(self.colleague, rec))
        self.assertTrue(self._inbox(self.outsider, rec))
        self.assertEqual(
            self._events(rec, "cc").target_user_ids, self.colleague | self.outsider
        )

    def test_cc_group_and_only_writers_copy(self):
        self._readonly_rule()
        group = self.env["res.groups"].create(
            {
                "name": "Regulation readers (test)",
                "users": [Command.set(self.colleague.ids)],
            }
        )
        self.tier_a.ops_cc_group_ids = group
        rec = self._submitted()
        self.assertEqual(rec.ops_cc_user_ids, self.colleague)
        # A reader cannot copy more people.
        with self.assertRaises(AccessError):
            rec.with_user(self.colleague).write(
                {"ops_cc_user_ids": [Command.link(self.outsider.id)]}
            )
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).read(["name"])
