# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user


class StoreCase(TransactionCase):
    """A central warehouse, 5 stores of one area, their staff and the
    merchandising department, with stock and 4 weeks of sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                no_reset_password=True,
                mail_create_nosubscribe=True,
                tracking_disable=True,
            )
        )
        cls.company = cls.env.company
        # Several warehouses switch multi-locations on through a settings
        # record, which the template database cannot create (sale_stock's
        # default_picking_policy has no default there): switch it on directly.
        cls.env.ref("base.group_user").implied_ids = [
            Command.link(cls.env.ref("stock.group_stock_multi_locations").id)
        ]
        Warehouse = cls.env["stock.warehouse"]
        cls.central = Warehouse.create({"name": "Central DC", "code": "TCDC"})
        cls.company.ops_store_central_warehouse_id = cls.central
        cls.merch = new_test_user(
            cls.env, login="t_st_merch", groups="ops_store.group_ops_store_merchandiser"
        )
        cls.merch2 = new_test_user(
            cls.env,
            login="t_st_merch2",
            groups="ops_store.group_ops_store_merchandiser",
        )
        cls.director = new_test_user(
            cls.env, login="t_st_director", groups="ops_store.group_ops_store_manager"
        )
        cls.regional = new_test_user(
            cls.env, login="t_st_regional", groups="ops_store.group_ops_store_regional"
        )
        cls.company.ops_store_director_id = cls.director
        cls.company.ops_store_merch_manager_id = cls.merch2
        cls.managers = cls.env["res.users"]
        cls.stores = cls.env["ops.store"]
        for i in range(5):
            manager = new_test_user(
                cls.env, login=f"t_st_mgr{i}", groups="ops_store.group_ops_store_user"
            )
            cls.managers |= manager
            warehouse = Warehouse.create({"name": f"Store {i}", "code": f"TS{i}"})
            cls.stores |= cls.env["ops.store"].create(
                {
                    "name": f"Test Store {i}",
                    "code": f"TS{i}",
                    "area": "Chengdu",
                    "warehouse_id": warehouse.id,
                    "manager_user_id": manager.id,
                }
            )
        cls.store = cls.stores[0]
        cls.store_manager = cls.managers[0]
        categ = cls.env["product.category"].create({"name": "Summer series"})
        cls.product = cls.env["product.product"].create(
            {"name": "Iced tea", "is_storable": True, "categ_id": categ.id}
        )
        cls.product2 = cls.env["product.product"].create(
            {"name": "Lemonade", "is_storable": True, "categ_id": categ.id}
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.product, cls.central.lot_stock_id, 500)
        Quant._update_available_quantity(cls.product2, cls.central.lot_stock_id, 500)
        Quant._update_available_quantity(
            cls.product, cls.store.warehouse_id.lot_stock_id, 100
        )
        # 56 sold in the last 4 weeks: 2 a day, so 100 in stock last 50 days
        cls._sell(cls.store, cls.product, 56)

    @classmethod
    def _sell(cls, store, product, qty, days_ago=3):
        move = cls.env["stock.move"].create(
            {
                "name": "sale",
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": qty,
                "location_id": store.warehouse_id.lot_stock_id.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
            }
        )
        move._action_confirm()
        move.quantity = qty
        move.picked = True
        move._action_done()
        move.date = fields.Datetime.now() - timedelta(days=days_ago)
        return move

    @contextmanager
    def assertRaisesMsg(self, exception, text):
        """assertRaises (rolled back to a savepoint) and its message."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))

    def _order(self, user=None, store=None, qty=30, product=None):
        user = user or self.store_manager
        store = store or self.store
        return (
            self.env["stock.request.order"]
            .with_user(user)
            .create(
                {
                    "ops_store_id": store.id,
                    "stock_request_ids": [
                        fields.Command.create(
                            {
                                "product_id": (product or self.product).id,
                                "product_uom_id": (product or self.product).uom_id.id,
                                "product_uom_qty": qty,
                            }
                        )
                    ],
                }
            )
        )
