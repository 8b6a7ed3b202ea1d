# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .purchase_request import APPROVED_STATES

CONFIRMED = ("purchase", "done")
# A change of these on a confirmed order changes what is bought.
CHANNEL_FIELDS = ("product_id", "product_qty", "product_uom")


class PurchaseOrderLine(models.Model):
    """One purchasing channel for R&D materials (研发物料采购): the order
    line of an R&D material comes from an approved R&D purchase request and
    buys no more than it approved."""

    _inherit = "purchase.order.line"

    def _ops_check_rd_channel(self):
        # The buyer need not read the requests: the check reads them as the
        # server; what it refuses is the buyer's own order.
        for line in self.sudo():
            product = line.product_id
            if not product or not product.categ_id._ops_is_rd_material():
                continue
            approved = line.purchase_request_lines.filtered(
                lambda req_line, product=product: req_line.product_id == product
                and req_line.request_id.ops_rd
                and req_line.request_id.state in APPROVED_STATES
            )
            if not approved:
                raise UserError(
                    self.env._(
                        "“%(product)s” is an R&D material: it is bought only "
                        "through an approved R&D purchase request. Create the "
                        "order from the request.",
                        product=product.display_name,
                    )
                )
            uom = line.product_uom
            allowed = sum(
                req_line.product_uom_id._compute_quantity(req_line.product_qty, uom)
                for req_line in approved
            )
            orders = (approved.purchase_lines | line).filtered(
                lambda pol, line=line: pol == line
                or (pol.state in CONFIRMED and pol.product_id == line.product_id)
            )
            ordered = sum(
                pol.product_uom._compute_quantity(pol.product_qty, uom)
                for pol in orders
            )
            if float_compare(ordered, allowed, precision_rounding=uom.rounding) > 0:
                raise UserError(
                    self.env._(
                        "The orders of “%(product)s” (%(ordered)s %(uom)s) exceed "
                        "its approved R&D purchase requests (%(allowed)s %(uom)s).",
                        product=product.display_name,
                        ordered=ordered,
                        allowed=allowed,
                        uom=uom.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        confirmed = lines.filtered(lambda ln: ln.order_id.state in CONFIRMED)
        confirmed._ops_check_rd_channel()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if any(name in vals for name in CHANNEL_FIELDS):
            self.filtered(
                lambda ln: ln.order_id.state in CONFIRMED
            )._ops_check_rd_channel()
        return res
