# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class OpsStoreSalesReport(models.Model):
    """Stock and sales per store (pivot/graph): sales are the done moves
    from a store's warehouse to customers, stock the store's quants today."""

    _name = "ops.store.sales.report"
    _description = "Store Stock and Sales Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    store_id = fields.Many2one("ops.store", readonly=True)
    region_id = fields.Many2one("ops.store.region", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Series", readonly=True)
    sales_qty = fields.Float(string="Sales", readonly=True)
    stock_qty = fields.Float(string="Stock", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT row_number() OVER () AS id, u.* FROM (
                    SELECT m.date::date AS date, s.id AS store_id,
                           s.region_id, s.company_id, m.product_id,
                           t.categ_id, sum(m.product_qty) AS sales_qty,
                           0.0 AS stock_qty
                      FROM stock_move m
                      JOIN stock_location src ON src.id = m.location_id
                      JOIN stock_location dst ON dst.id = m.location_dest_id
                      JOIN ops_store s ON s.warehouse_id = src.warehouse_id
                      JOIN product_product p ON p.id = m.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id
                     WHERE m.state = 'done' AND dst.usage = 'customer'
                       AND src.usage = 'internal'
                  GROUP BY m.date::date, s.id, m.product_id, t.categ_id
                    UNION ALL
                    SELECT CURRENT_DATE, s.id, s.region_id, s.company_id,
                           q.product_id, t.categ_id, 0.0, sum(q.quantity)
                      FROM stock_quant q
                      JOIN stock_location l ON l.id = q.location_id
                      JOIN ops_store s ON s.warehouse_id = l.warehouse_id
                      JOIN product_product p ON p.id = q.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id
                     WHERE l.usage = 'internal'
                  GROUP BY s.id, q.product_id, t.categ_id
                ) u
            )"""
        )
