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
    ops_rd_material = fields.Boolean(
        string="R&D Materials",
        help="Products of this category (or one below it) are bought through "
        "one channel only: a purchase order for them must come from an "
        "approved R&D purchase request.",
    )

    def _ops_has_flag(self, flag):
        """Whether this category or a parent one has the flag set."""
        self.ensure_one()
        category = self.sudo()
        while category:
            if category[flag]:
                return True
            category = category.parent_id
        return False

    def _ops_is_travel(self):
        return self._ops_has_flag("ops_travel")

    def _ops_is_rd_material(self):
        return self._ops_has_flag("ops_rd_material")
