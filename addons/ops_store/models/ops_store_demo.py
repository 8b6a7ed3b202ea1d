# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stock and 4 weeks of sales for the demo stores (demo data only)."""

import random
from datetime import timedelta

from odoo import api, fields, models


class OpsStoreDemo(models.AbstractModel):
    _name = "ops.store.demo"
    _description = "Operations stores: demo data"

    @api.model
    def _generate(self, store_xmlids, product_xmlids, central_xmlid):
        rng = random.Random(15)
        stores = self.env["ops.store"].browse(
            [self.env.ref(x).id for x in store_xmlids]
        )
        products = self.env["product.product"].browse(
            [self.env.ref(x).id for x in product_xmlids]
        )
        central = self.env.ref(central_xmlid)
        Quant = self.env["stock.quant"].sudo()
        customers = self.env.ref("stock.stock_location_customers")
        for product in products:
            Quant._update_available_quantity(product, central.lot_stock_id, 1000)
        moves = self.env["stock.move"]
        for store in stores:
            location = store.warehouse_id.lot_stock_id
            for product in products:
                Quant._update_available_quantity(
                    product, location, rng.randint(20, 120)
                )
                for _week in range(4):
                    moves |= moves.create(
                        {
                            "name": "Demo sale",
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": rng.randint(1, 12),
                            "location_id": location.id,
                            "location_dest_id": customers.id,
                        }
                    )
        moves._action_confirm()
        for move in moves:
            move.quantity = move.product_uom_qty
        moves.picked = True
        moves._action_done()
        now = fields.Datetime.now()
        for index, move in enumerate(moves):
            move.date = now - timedelta(days=1 + (index % 4) * 7 + rng.randint(0, 5))
        return True
