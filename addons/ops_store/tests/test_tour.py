# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_replenishment_corrected_and_approved(self):
        env = self.env
        env.ref("base.group_user").implied_ids = [
            Command.link(env.ref("stock.group_stock_multi_locations").id)
        ]
        central = env["stock.warehouse"].create({"name": "Tour DC", "code": "TRDC"})
        env.company.ops_store_central_warehouse_id = central
        manager = new_test_user(
            env,
            login="tour_st_manager",
            password="tour_st_manager",
            groups="ops_store.group_ops_store_user",
        )
        merch = new_test_user(
            env,
            login="tour_st_merch",
            password="tour_st_merch",
            groups="ops_store.group_ops_store_merchandiser",
        )
        warehouse = env["stock.warehouse"].create(
            {"name": "Tour Store WH", "code": "TRS"}
        )
        env["ops.store"].create(
            {
                "name": "Tour Store",
                "area": "Chengdu",
                "warehouse_id": warehouse.id,
                "manager_user_id": manager.id,
            }
        )
        product = env["product.product"].create(
            {"name": "Tour Iced Tea", "is_storable": True}
        )
        env["stock.quant"]._update_available_quantity(
            product, central.lot_stock_id, 500
        )
        self.start_tour(
            "/odoo/action-ops_store.action_ops_store_replenishment/new",
            "ops_store_submit_replenishment",
            login="tour_st_manager",
        )
        order = env["stock.request.order"].search([("requested_by", "=", manager.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.validation_status, "pending")
        self.start_tour(
            f"/odoo/action-ops_store.action_ops_store_replenishment/{order.id}",
            "ops_store_review_replenishment",
            login="tour_st_merch",
        )
        order.invalidate_recordset()
        self.assertEqual(order.stock_request_ids.product_uom_qty, 40)
        self.assertEqual(order.stock_request_ids.ops_requested_qty, 300)
        self.assertIn("150 days", order.ops_guidance)
        self.assertEqual(order.state, "open")
        self.assertTrue(order.picking_ids)
        self.assertNotEqual(merch, manager)
