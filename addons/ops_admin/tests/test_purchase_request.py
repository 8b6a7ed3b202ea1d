# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OpsAdminCase


@tagged("post_install", "-at_install")
class TestPurchaseRequest(OpsAdminCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = cls.env.ref("purchase_request.group_purchase_request_user")
        (cls.staff_a | cls.head_a | cls.head_b).groups_id = [Command.link(group.id)]
        # the demo data of OCA's module ships a step of its own: out of the way
        cls.env["tier.definition"].search(
            [("model", "=", "purchase.request"), ("ops_managed", "=", False)]
        ).active = False
        cls.material = cls.env["product.product"].create(
            {"name": "Reagent", "type": "consu", "purchase_ok": True}
        )

    def _request(self, user, rd=True):
        return (
            self.env["purchase.request"]
            .with_user(user)
            .create(
                {
                    "ops_rd": rd,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.material.id, "product_qty": 3}
                        )
                    ],
                }
            )
        )

    def test_rd_request_approved_by_department_head(self):
        request = self._request(self.staff_a)
        self.assertEqual(request.ops_department_id, self.dept_a)
        self.assertEqual(request.ops_progress, "draft")
        request.with_user(self.staff_a).button_to_approve()
        request.invalidate_recordset()
        self.assertEqual(len(request.review_ids), 1)
        self.assertEqual(request.ops_progress, "review")
        # approving without the department head's decision is refused, even
        # by a purchase manager
        with self.assertRaises(ValidationError):
            request.with_user(self.staff_a).button_approved()
        with self.assertRaises(ValidationError):
            request.sudo().button_approved()
        for user in (self.staff_a, self.head_b):
            with self.assertRaises(UserError):
                self._decide(request, user)
        self._decide(request, self.head_a)
        self.assertEqual(request.validation_status, "validated")
        request.sudo().button_approved()
        request.invalidate_recordset()
        self.assertEqual(request.ops_progress, "approved")

    def test_other_requests_keep_their_own_flow(self):
        request = self._request(self.staff_a, rd=False)
        request.with_user(self.staff_a).button_to_approve()
        self.assertFalse(request.review_ids)
