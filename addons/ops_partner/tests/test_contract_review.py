# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OpsPartnerCase


@tagged("post_install", "-at_install")
class TestContractReview(OpsPartnerCase):
    def test_unreviewed_quotation_cannot_be_confirmed(self):
        order = self._quotation(self.seller)  # 2,000 > 1,000
        self.assertTrue(order.ops_review_required)
        with self.assertRaises(ValidationError):
            order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_small_standard_quotation_confirms(self):
        order = self._quotation(self.seller, qty=2)
        self.assertFalse(order.ops_review_required)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_review_off_until_the_company_turns_it_on(self):
        self.company.ops_contract_review_enabled = False
        order = self._quotation(self.seller)
        self.assertFalse(order.ops_review_required)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_non_standard_terms_are_reviewed(self):
        order = self._quotation(self.seller, qty=2, ops_special_terms=True)
        self.assertTrue(order.ops_review_required)
        with self.assertRaises(ValidationError):
            order.with_user(self.seller).action_confirm()
        # A payment term outside the company's standard ones counts too.
        standard = self.env.ref("account.account_payment_term_immediate")
        other = self.env.ref("account.account_payment_term_30days")
        self.company.ops_standard_payment_term_ids = standard
        order2 = self._quotation(self.seller, qty=2, payment_term_id=other.id)
        self.assertTrue(order2.ops_review_required)
        order3 = self._quotation(self.seller, qty=2, payment_term_id=standard.id)
        self.assertFalse(order3.ops_review_required)

    def test_parallel_departments_then_general_manager(self):
        order = self._quotation(self.seller)
        reviews = order.with_user(self.seller).request_validation()
        self.assertEqual(len(reviews), 4)
        order.invalidate_recordset()
        # The general manager signs off last.
        with self.assertRaises(UserError):
            self._decide(order, self.gm)
        # The salesperson never reviews their own quotation.
        with self.assertRaises(UserError):
            self._decide(order, self.seller)
        # The departments decide in any order.
        self._decide(order, self.finance)
        self._decide(order, self.business)
        with self.assertRaises(UserError):
            self._decide(order, self.gm)
        self._decide(order, self.technical)
        self.assertNotEqual(order.validation_status, "validated")
        self._decide(order, self.gm, comment="Signed")
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "sale")
        logs = order.sudo().ops_review_log_ids
        self.assertEqual(len(logs), 4)
        self.assertEqual(set(logs.mapped("status")), {"approved"})
        self.assertEqual(
            set(logs.mapped("user_id").ids),
            {self.business.id, self.technical.id, self.finance.id, self.gm.id},
        )

    def test_rejection_sends_back_with_reasons(self):
        order = self._quotation(self.seller)
        order.with_user(self.seller).request_validation()
        self._decide(order, self.business)
        self._decide(order, self.technical, approve=False, comment="Delivery too short")
        # Back to the salesperson: no open review, the reasons kept.
        self.assertFalse(order.sudo().review_ids)
        rejected = order.sudo().ops_review_log_ids.filtered(
            lambda log: log.status == "rejected"
        )
        self.assertEqual(rejected.comment, "Delivery too short")
        self.assertTrue(
            order.sudo().activity_ids.filtered(lambda a: a.user_id == self.seller)
        )
        self.assertIn(
            "Delivery too short", " ".join(order.sudo().message_ids.mapped("body"))
        )
        # Revised and resubmitted.
        order.with_user(self.seller).write({"note": "Delivery in 8 weeks"})
        self.assertEqual(len(order.with_user(self.seller).request_validation()), 4)
        with self.assertRaises(ValidationError):
            order.with_user(self.seller).action_confirm()

    def test_rpc_bypass_attempts(self):
        order = self._quotation(self.seller)
        with self.assertRaises(ValidationError):
            order.with_user(self.seller).write({"state": "sale"})
        with self.assertRaises(ValidationError):
            order.with_user(self.seller).with_context(
                skip_validation_check=True, skip_check_state_condition=True
            ).action_confirm()
        review = order.with_user(self.seller).request_validation()[:1]
        with self.assertRaises(AccessError):
            review.with_user(self.seller).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.seller).unlink()
        # The reviewed lines cannot change behind the quotation's back.
        with self.assertRaises(UserError):
            order.order_line.with_user(self.seller).write({"product_uom_qty": 500})
        with self.assertRaises(UserError):
            self.env["sale.order.line"].with_user(self.seller).create(
                {"order_id": order.id, "product_id": self.product.id}
            )
        # A reviewer of another step cannot decide twice.
        self._decide(order, self.business)
        with self.assertRaises(UserError):
            self._decide(order, self.business)
        self.assertEqual(order.state, "draft")

    def test_reviewers_read_what_they_review_only(self):
        order = self._quotation(self.seller)
        other = self._quotation(self.seller2)
        # Before the review, the technical department does not see it.
        with self.assertRaises(AccessError):
            order.with_user(self.technical).read(["name"])
        order.with_user(self.seller).request_validation()
        self.assertTrue(order.with_user(self.technical).read(["name", "amount_total"]))
        with self.assertRaises(AccessError):
            other.with_user(self.technical).read(["name"])
        # Another salesperson does not see a colleague's quotation.
        with self.assertRaises(AccessError):
            order.with_user(self.seller2).read(["name"])
        # The salesperson follows the review status of their quotation.
        mine = order.with_user(self.seller)
        self.assertEqual(len(mine.review_ids), 4)
        self.assertIn(mine.validation_status, ("waiting", "pending"))
