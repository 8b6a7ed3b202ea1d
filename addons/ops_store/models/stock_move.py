# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    # Not stored: only used to group sales by series (product category) in
    # one query (read_group joins the product and its template).
    ops_categ_id = fields.Many2one(
        related="product_id.categ_id", string="Product Category (series)"
    )
