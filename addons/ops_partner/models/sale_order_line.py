# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server


class SaleOrderLine(models.Model):
    """The lines are what was reviewed: once a quotation is submitted for
    contract review they change only through a new review.

    OCA blocks writes on the quotation itself; a line written directly (over
    RPC) would change the amount without touching the quotation.
    """

    _inherit = "sale.order.line"

    def _ops_check_reviewed_orders(self, orders):
        if is_server(self):
            return True
        for order in orders:
            if order.state in ("draft", "sent") and order.sudo()._ops_engine_records():
                raise UserError(
                    self.env._(
                        "Quotation %(order)s is under contract review or reviewed: "
                        "its lines can no longer change. Restart the review to "
                        "revise it.",
                        order=order.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {v["order_id"] for v in vals_list if v.get("order_id")}
        )
        self._ops_check_reviewed_orders(orders)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_reviewed_orders(self.order_id)
        return super().write(vals)

    def unlink(self):
        self._ops_check_reviewed_orders(self.order_id)
        return super().unlink()
