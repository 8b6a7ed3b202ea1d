# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    ops_travel = fields.Boolean(
        string="Travel Expenses",
        help="Expenses of this category (or one below it) are reimbursed only "
        "against an approved travel request covering their date.",
    )

    def _ops_is_travel(self):
        """Whether this category or a parent one is a travel category."""
        self.ensure_one()
        category = self.sudo()
        while category:
            if category.ops_travel:
                return True
            category = category.parent_id
        return False
