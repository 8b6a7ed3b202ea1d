# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import is_server

# Fields of a replenishment line that the review decides: once submitted they
# change only through the merchandising department's correction.
FROZEN_FIELDS = (
    "product_id",
    "product_uom_id",
    "product_uom_qty",
    "warehouse_id",
    "location_id",
    "order_id",
    "route_id",
    "company_id",
)


class StockRequest(models.Model):
    _inherit = "stock.request"

    ops_store_id = fields.Many2one(
        related="order_id.ops_store_id", store=True, index=True, string="Store"
    )
    ops_requested_qty = fields.Float(
        string="Quantity Asked",
        readonly=True,
        digits="Product Unit of Measure",
        help="What the store asked for, when the merchandising department "
        "corrected the quantity.",
    )
    ops_store_qty = fields.Float(
        string="Store Stock",
        compute="_compute_ops_figures",
        digits="Product Unit of Measure",
    )
    ops_central_qty = fields.Float(
        string="Central Stock",
        compute="_compute_ops_figures",
        digits="Product Unit of Measure",
    )
    ops_sales_qty = fields.Float(
        string="Sales (4 weeks)",
        compute="_compute_ops_figures",
        digits="Product Unit of Measure",
    )
    ops_days_cover = fields.Float(
        string="Days of Cover",
        compute="_compute_ops_figures",
        help="How many days the store's stock lasts at its last 4 weeks' "
        "average daily sales (0: no sales).",
    )
    ops_days_cover_after = fields.Float(
        string="Days of Cover after",
        compute="_compute_ops_figures",
        help="Days of cover once this request is delivered.",
    )

    @api.model
    def _ops_figure_fields(self):
        return (
            "ops_store_qty",
            "ops_central_qty",
            "ops_sales_qty",
            "ops_days_cover",
            "ops_days_cover_after",
        )

    def _compute_ops_figures(self):
        """One query for stock, one for sales, one for the central stock,
        for every line on screen."""
        figures = self.env["ops.store.figures"]
        store_lines = self.filtered("ops_store_id")
        if not store_lines:
            self.update(dict.fromkeys(self._ops_figure_fields(), 0.0))
            return
        products = store_lines.product_id
        warehouses = store_lines.warehouse_id
        centrals = store_lines.company_id.ops_store_central_warehouse_id
        stock = figures._stock_by_warehouse(warehouses | centrals, products)
        sales = figures._sales_by_warehouse(warehouses, products)
        for line in self:
            if line not in store_lines:
                line.update(dict.fromkeys(self._ops_figure_fields(), 0.0))
                continue
            key = (line.warehouse_id.id, line.product_id.id)
            central = line.company_id.ops_store_central_warehouse_id.id
            qty, sold = stock.get(key, 0.0), sales.get(key, 0.0)
            line.update(
                {
                    "ops_store_qty": qty,
                    "ops_central_qty": stock.get((central, line.product_id.id), 0.0),
                    "ops_sales_qty": sold,
                    "ops_days_cover": figures._days_of_cover(qty, sold) or 0.0,
                    "ops_days_cover_after": figures._days_of_cover(
                        qty + line.product_qty, sold
                    )
                    or 0.0,
                }
            )

    # Guards ------------------------------------------------------------------

    def _ops_locked(self):
        """Lines of a store's request already submitted (or decided)."""
        return self.filtered(
            lambda r: r.order_id.ops_store_id
            and (r.order_id.review_ids or r.order_id.state != "draft")
        )

    @api.model
    def _ops_store_warehouses(self, warehouses):
        """Of ``warehouses``, those of a store."""
        return (
            self.env["ops.store"]
            .sudo()
            .search([("warehouse_id", "in", warehouses.ids)])
            .warehouse_id
        )

    def _ops_check_asked_qty(self, vals_list):
        if not is_server(self) and any(v.get("ops_requested_qty") for v in vals_list):
            raise AccessError(
                self.env._(
                    "The quantity asked is recorded by the system when the "
                    "merchandising department corrects a request."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._ops_check_asked_qty(vals_list)
        if not is_server(self) and not self.env["ops.store"]._ops_is_merchandiser():
            orders = self.env["stock.request.order"].browse(
                [v["order_id"] for v in vals_list if v.get("order_id")]
            )
            if orders._ops_store_locked():
                raise UserError(
                    self.env._(
                        "A submitted replenishment request cannot get new lines."
                    )
                )
            store_whs = self._ops_store_warehouses(
                self.env["stock.warehouse"].browse(
                    [v["warehouse_id"] for v in vals_list if v.get("warehouse_id")]
                )
            )
            for vals in vals_list:
                if vals.get("warehouse_id") in store_whs.ids and not vals.get(
                    "order_id"
                ):
                    raise UserError(
                        self.env._(
                            "A store asks for goods with a replenishment request "
                            "(with its store), reviewed by the merchandising "
                            "department."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if "ops_requested_qty" in vals:
            self._ops_check_asked_qty([{"ops_requested_qty": True}])
        if not is_server(self):
            frozen = [f for f in FROZEN_FIELDS if f in vals]
            if frozen and self._ops_locked():
                raise UserError(
                    self.env._(
                        "The lines of a submitted replenishment request change "
                        "only through the merchandising department's correction."
                    )
                )
            if vals.get("state") == "open":
                self._ops_check_approved()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ops_submitted(self):
        if not is_server(self) and self._ops_locked():
            raise UserError(
                self.env._(
                    "The lines of a submitted replenishment request cannot be "
                    "deleted."
                )
            )

    def _ops_check_approved(self):
        for request in self:
            order = request.order_id
            if order.ops_store_id and order.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "The replenishment request “%(order)s” is confirmed only "
                        "once the merchandising department has approved it.",
                        order=order.name,
                    )
                )
        return True

    def _action_confirm(self):
        self._ops_check_approved()
        store_whs = self._ops_store_warehouses(self.warehouse_id)
        direct = self.filtered(lambda r: not r.order_id and r.warehouse_id in store_whs)
        if direct and not self.env["ops.store"]._ops_is_merchandiser():
            raise UserError(
                self.env._(
                    "A store asks for goods with a replenishment request (with "
                    "its store), reviewed by the merchandising department."
                )
            )
        return super()._action_confirm()
