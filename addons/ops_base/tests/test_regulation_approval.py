# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import make_ops_users


@tagged("post_install", "-at_install")
class TestRegulationApproval(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_ops_users(cls.env)
        cls.Regulation = cls.env["ops.regulation"].with_user(cls.users["user"])
        cls.regulation = cls.Regulation.create(
            {"name": "Weekly meeting rules", "code": "T-001"}
        )

    def _messages(self, record):
        return record.message_ids.mapped(lambda m: m.body or "")

    def test_request_creates_manager_review(self):
        self.regulation.request_validation()
        self.assertEqual(self.regulation.validation_status, "pending")
        review = self.regulation.review_ids
        self.assertEqual(len(review), 1)
        self.assertIn(self.users["manager"], review.reviewer_ids)
        self.assertNotIn(self.users["user"], review.reviewer_ids)
        self.assertTrue(
            any("review" in body for body in self._messages(self.regulation)),
            "the request is announced in the chatter",
        )

    def test_user_cannot_approve_manager_can(self):
        self.regulation.request_validation()
        with self.assertRaises(UserError):
            self.regulation.validate_tier()
        with self.assertRaises(UserError):
            self.regulation.reject_tier()
        # Not even by writing the review directly, as RPC would allow.
        with self.assertRaises(AccessError):
            self.regulation.review_ids.write({"status": "approved"})
        self.assertEqual(self.regulation.validation_status, "pending")

        as_manager = self.regulation.with_user(self.users["manager"])
        as_manager.validate_tier()
        self.assertEqual(as_manager.validation_status, "validated")
        self.assertEqual(self.regulation.review_ids.done_by, self.users["manager"])
        self.assertTrue(
            any("approved" in body for body in self._messages(self.regulation)),
            "the approval is recorded in the chatter",
        )

        self.regulation.action_make_effective()
        self.assertEqual(self.regulation.state, "effective")
        self.assertTrue(self.regulation.effective_date)
        self.assertTrue(self.regulation.next_review_date)

    def test_unapproved_cannot_take_effect(self):
        with self.assertRaises(ValidationError):
            self.regulation.action_make_effective()
        self.regulation.request_validation()
        with self.assertRaises(ValidationError):
            self.regulation.action_make_effective()
        self.assertEqual(self.regulation.state, "draft")

    def test_rejection_blocks_state_change(self):
        self.regulation.request_validation()
        self.regulation.with_user(self.users["manager"]).reject_tier()
        self.assertEqual(self.regulation.validation_status, "rejected")
        with self.assertRaises(ValidationError):
            self.regulation.action_make_effective()
        self.assertEqual(self.regulation.state, "draft")
        self.assertTrue(
            any(
                "rejected" in body and self.users["manager"].name in body
                for body in self._messages(self.regulation)
            ),
            "the rejection is recorded in the chatter",
        )

    def test_new_version_supersedes(self):
        self.regulation.request_validation()
        self.regulation.with_user(self.users["manager"]).validate_tier()
        self.regulation.action_make_effective()
        action = self.regulation.action_new_version()
        v2 = self.Regulation.browse(action["res_id"])
        self.assertEqual(
            (v2.version, v2.state, v2.previous_id), (2, "draft", self.regulation)
        )
        v2.request_validation()
        v2.with_user(self.users["manager"]).validate_tier()
        v2.action_make_effective()
        self.assertEqual(self.regulation.state, "superseded")
        self.assertEqual(v2.state, "effective")

    def test_duplicate_version_refused(self):
        # Users never set the version: new versions come from "New Version".
        with self.assertRaises(AccessError):
            self.Regulation.create({"name": "Copy", "code": "T-002", "version": 3})
        # The database still refuses a duplicate that server code would make.
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.Regulation.sudo().create(
                {"name": "Copy", "code": "T-001", "version": 1}
            )
