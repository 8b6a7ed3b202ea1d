# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import StoreCase


class TestReplenishment(StoreCase):
    def test_figures_on_the_request(self):
        order = self._order(qty=30)
        line = order.with_user(self.merch).stock_request_ids
        self.assertEqual(line.ops_store_qty, 44)
        self.assertEqual(line.ops_sales_qty, 56)
        self.assertEqual(line.ops_central_qty, 500)
        self.assertEqual(line.ops_days_cover, 22.0)  # 44 / (56 / 28)
        self.assertEqual(line.ops_days_cover_after, 37.0)  # (44 + 30) / 2
        html = order.with_user(self.merch).ops_season_html
        self.assertIn("Summer series", html)
        # the route from the central warehouse is chosen for the store
        self.assertEqual(line.route_id.supplier_wh_id, self.central)

    def test_submit_correct_approve_creates_transfer(self):
        order = self._order(qty=300)
        order.with_user(self.store_manager).action_ops_submit()
        self.assertEqual(order.validation_status, "pending")
        self.assertTrue(order.ops_submitted_date)
        as_merch = order.with_user(self.merch)
        self.assertTrue(as_merch.can_review)
        line = order.stock_request_ids
        as_merch.ops_apply_correction(
            {line.id: 40.0}, "300 is 150 days of cover: 40 covers the month."
        )
        self.assertEqual(line.product_uom_qty, 40)
        self.assertEqual(line.ops_requested_qty, 300)
        self.assertTrue(order.ops_corrected)
        self.assertIn("150 days of cover", order.ops_guidance)
        as_merch.validate_tier()
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.state, "open")
        self.assertTrue(order.picking_ids)
        self.assertEqual(
            order.picking_ids.move_ids.mapped("product_uom_qty"), [40.0, 40.0]
        )
        self.assertTrue(order.ops_decided_date)

    def test_correction_needs_guidance_and_a_reviewer(self):
        order = self._order()
        line = order.stock_request_ids
        # not submitted yet
        with self.assertRaisesMsg(UserError, "not waiting"):
            order.with_user(self.merch).ops_apply_correction({line.id: 5}, "why")
        order.with_user(self.store_manager).action_ops_submit()
        with self.assertRaisesMsg(UserError, "guidance"):
            order.with_user(self.merch).ops_apply_correction({line.id: 5}, "  ")
        with self.assertRaises(AccessError):
            order.with_user(self.store_manager).ops_apply_correction(
                {line.id: 500}, "I want more"
            )

    def test_refuse_with_reason(self):
        order = self._order()
        order.with_user(self.store_manager).action_ops_submit()
        with self.assertRaisesMsg(UserError, "reason"):
            order.with_user(self.merch).ops_refuse("")
        # OCA's reject button asks for the reason too
        with self.assertRaisesMsg(UserError, "reason"):
            order.with_user(self.merch).reject_tier()
        order.with_user(self.merch).ops_refuse("The summer series is being cleared.")
        self.assertEqual(order.validation_status, "rejected")
        self.assertEqual(order.state, "cancel")
        self.assertIn("cleared", order.ops_refusal_reason)

    def test_rpc_bypass_attempts(self):
        order = self._order()
        as_manager = order.with_user(self.store_manager)
        # confirm (transfer created) before the review: refused
        with self.assertRaises(UserError):
            as_manager.action_confirm()
        with self.assertRaises(UserError):
            as_manager.stock_request_ids.action_confirm()
        as_manager.action_ops_submit()
        # the store cannot approve its own request, nor change it under review
        with self.assertRaises(UserError):
            as_manager.validate_tier()
        self.assertEqual(order.validation_status, "pending")
        with self.assertRaises(UserError):
            as_manager.stock_request_ids.write({"product_uom_qty": 999})
        with self.assertRaises(UserError):
            as_manager.stock_request_ids.write({"state": "open"})
        with self.assertRaises(AccessError):
            as_manager.write({"ops_guidance": "approved by myself"})
        # a plain context key sent by the client unlocks nothing
        forged = as_manager.with_context(
            ops_server=True, skip_validation_check=True, skip_check_state_condition=True
        )
        with self.assertRaises(UserError):
            forged.stock_request_ids.write({"product_uom_qty": 999})
        with self.assertRaises(UserError):
            forged.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)

    def test_merchandiser_cannot_approve_own_request(self):
        order = self._order(user=self.merch)
        order.with_user(self.merch).action_ops_submit()
        with self.assertRaises(UserError):
            order.with_user(self.merch).validate_tier()
        self.assertEqual(order.validation_status, "pending")
        order.with_user(self.merch2).validate_tier()
        self.assertEqual(order.state, "open")

    def test_store_staff_act_for_their_store_only(self):
        other_manager = self.managers[1]
        with self.assertRaises(AccessError):
            self._order(user=other_manager, store=self.store)
        order = self._order()
        self.assertFalse(
            self.env["stock.request.order"]
            .with_user(other_manager)
            .search([("id", "=", order.id)])
        )
        # a store does not bypass the review with a plain stock request
        with self.assertRaises(UserError):
            self.env["stock.request"].with_user(self.store_manager).create(
                {
                    "product_id": self.product.id,
                    "product_uom_id": self.product.uom_id.id,
                    "product_uom_qty": 5,
                    "warehouse_id": self.store.warehouse_id.id,
                    "location_id": self.store.warehouse_id.lot_stock_id.id,
                    "expected_date": "2026-01-01 00:00:00",
                }
            )
        # the merchandising department sees every store's requests
        self.assertTrue(
            self.env["stock.request.order"]
            .with_user(self.merch)
            .search([("id", "=", order.id)])
        )

    def test_store_request_goes_to_its_store(self):
        order = self._order()
        with self.assertRaises(ValidationError):
            order.with_user(self.store_manager).write(
                {
                    "warehouse_id": self.central.id,
                    "location_id": self.central.lot_stock_id.id,
                }
            )
        with self.assertRaises(AccessError):
            order.stock_request_ids.with_user(self.store_manager).write(
                {"ops_requested_qty": 1000}
            )

    def test_regional_manager_sees_the_region_requests(self):
        self.env["ops.store.region"].create(
            {
                "name": "West",
                "area": "Chengdu",
                "manager_id": self.regional.id,
                "store_ids": [Command.set(self.stores[:4].ids)],
            }
        )
        inside = self._order()
        outside = self._order(user=self.managers[4], store=self.stores[4])
        visible = (
            self.env["stock.request.order"]
            .with_user(self.regional)
            .search([("id", "in", (inside | outside).ids)])
        )
        self.assertEqual(visible, inside)
        # reading is not deciding: the regional manager does not review
        inside.with_user(self.store_manager).action_ops_submit()
        with self.assertRaises(UserError):
            inside.with_user(self.regional).validate_tier()
