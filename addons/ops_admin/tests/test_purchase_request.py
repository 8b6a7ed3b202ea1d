# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsAdminCase


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


@tagged("post_install", "-at_install")
class TestPurchasingChannel(OpsAdminCase):
    """R&D materials have one purchasing channel: the approved R&D request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = cls.env.ref("purchase_request.group_purchase_request_user")
        (cls.staff_a | cls.head_a).groups_id = [Command.link(group.id)]
        cls.env["tier.definition"].search(
            [("model", "=", "purchase.request"), ("ops_managed", "=", False)]
        ).active = False
        cls.buyer = new_test_user(
            cls.env,
            login="t_adm_buyer",
            groups="purchase.group_purchase_user,purchase_request.group_purchase_request_manager",
            context=CTX,
        )
        cls.vendor = cls.env["res.partner"].create({"name": "Lab Supplies Co."})
        cls.reagent = cls.env["product.product"].create(
            {
                "name": "Buffer Solution",
                "type": "consu",
                "purchase_ok": True,
                "categ_id": cls.env.ref("ops_admin.product_category_rd_material").id,
            }
        )
        cls.paper = cls.env["product.product"].create(
            {"name": "Printer Paper", "type": "consu", "purchase_ok": True}
        )

    def _approved_request(self, qty=5):
        request = (
            self.env["purchase.request"]
            .with_user(self.staff_a)
            .create(
                {
                    "ops_rd": True,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.reagent.id,
                                "product_qty": qty,
                                "product_uom_id": self.reagent.uom_id.id,
                            }
                        )
                    ],
                }
            )
        )
        request.with_user(self.staff_a).button_to_approve()
        self._decide(request, self.head_a)
        request.with_user(self.buyer).button_approved()
        return request

    def _order_from(self, request):
        wizard = (
            self.env["purchase.request.line.make.purchase.order"]
            .with_user(self.buyer)
            .with_context(
                active_model="purchase.request.line",
                active_ids=request.line_ids.ids,
                active_id=request.line_ids[:1].id,
            )
            .create({"supplier_id": self.vendor.id})
        )
        action = wizard.make_purchase_order()
        return self.env["purchase.order"].with_user(self.buyer).search(action["domain"])

    def _direct_order(self, product, qty=1):
        return (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.vendor.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_qty": qty})
                    ],
                }
            )
        )

    def test_rd_material_not_ordered_around_the_request(self):
        order = self._direct_order(self.reagent)
        with self.assertRaisesRegex(UserError, "approved R&D purchase request"):
            order.button_confirm()
        self.assertEqual(order.state, "draft")

    def test_other_products_keep_purchase_flow(self):
        order = self._direct_order(self.paper)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_order_from_approved_request_progress_for_requester(self):
        request = self._approved_request()
        order = self._order_from(request)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        request.invalidate_recordset()
        self.assertEqual(request.with_user(self.staff_a).ops_progress, "ordered")

    def test_no_more_than_approved(self):
        request = self._approved_request(qty=5)
        order = self._order_from(request)
        order.order_line.product_qty = 8
        with self.assertRaisesRegex(UserError, "exceed"):
            order.button_confirm()
        order.order_line.product_qty = 5
        order.button_confirm()
        # a second order against the same request would buy it twice
        second = self._order_from(request)
        with self.assertRaisesRegex(UserError, "exceed"):
            second.button_confirm()

    def test_confirmed_order_gets_no_rd_line_on_the_side(self):
        line = Command.create({"product_id": self.reagent.id, "product_qty": 2})
        order = self._direct_order(self.paper)
        order.button_confirm()
        with self.assertRaisesRegex(UserError, "approved R&D purchase request"):
            order.write({"order_line": [line]})
        with self.assertRaisesRegex(UserError, "approved R&D purchase request"):
            order.order_line.product_id = self.reagent

    def test_rd_materials_need_an_rd_request(self):
        line = Command.create({"product_id": self.reagent.id, "product_qty": 1})
        request = (
            self.env["purchase.request"]
            .with_user(self.staff_a)
            .create({"line_ids": [line]})
        )
        with self.assertRaisesRegex(UserError, "R&D Materials"):
            request.with_user(self.staff_a).button_to_approve()
        self.assertEqual(request.state, "draft")
