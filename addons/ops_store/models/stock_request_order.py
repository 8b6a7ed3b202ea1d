# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

from .ops_store_figures import SALES_DAYS


class StockRequestOrder(models.Model):
    """A store's replenishment request (补货单) is an OCA stock request order
    with a store: the merchandising department reviews it every morning
    (tier validation), corrects it with guidance or refuses it; approved, it
    is confirmed and its transfers from the central warehouse are created."""

    # ops.tier.decision first: it must precede tier.validation (already a
    # base through stock_request_tier_validation) in the MRO.
    _inherit = ["ops.tier.decision", "ops.guarded.mixin", "stock.request.order"]
    _name = "stock.request.order"

    _ops_server_fields = (
        "ops_guidance",
        "ops_corrected",
        "ops_refusal_reason",
        "ops_submitted_date",
        "ops_decided_date",
    )
    _ops_requester_field = "requested_by"

    ops_store_id = fields.Many2one(
        "ops.store",
        string="Store",
        index=True,
        tracking=True,
        check_company=True,
        help="A request with a store is a replenishment request reviewed by the "
        "merchandising department.",
    )
    ops_region_id = fields.Many2one(
        related="ops_store_id.region_id", store=True, string="Region"
    )
    ops_guidance = fields.Text(
        string="Merchandising Guidance",
        readonly=True,
        tracking=True,
        help="Why the merchandising department corrected the request.",
    )
    ops_corrected = fields.Boolean(string="Corrected", readonly=True)
    ops_refusal_reason = fields.Text(string="Refusal Reason", readonly=True)
    ops_submitted_date = fields.Datetime(string="Submitted On", readonly=True)
    ops_decided_date = fields.Datetime(string="Decided On", readonly=True)
    ops_lead_time_hours = fields.Float(
        string="Review Lead Time (h)",
        compute="_compute_ops_lead_time_hours",
        store=True,
        aggregator="avg",
    )
    ops_season_html = fields.Html(
        string="Season Structure",
        compute="_compute_ops_season_html",
        sanitize=False,
        help="The store's stock and last 4 weeks' sales by series (product "
        "category).",
    )

    @api.depends("ops_submitted_date", "ops_decided_date")
    def _compute_ops_lead_time_hours(self):
        for order in self:
            start, end = order.ops_submitted_date, order.ops_decided_date
            order.ops_lead_time_hours = (
                (end - start).total_seconds() / 3600.0 if start and end else 0.0
            )

    def _compute_ops_season_html(self):
        stores = self.ops_store_id
        if not stores:
            self.ops_season_html = False
            return
        figures = self.env["ops.store.figures"]
        stock = figures._stock_by_warehouse(
            stores.warehouse_id, groupby="product_categ_id"
        )
        sales = figures._sales_by_warehouse(stores.warehouse_id, groupby="ops_categ_id")
        categories = self.env["product.category"].browse(
            {key[1] for key in list(stock) + list(sales)}
        )
        names = {c.id: c.display_name for c in categories.sudo()}
        for order in self:
            warehouse = order.ops_store_id.warehouse_id.id
            if not warehouse:
                order.ops_season_html = False
                continue
            rows = {
                categ
                for (wh, categ) in list(stock) + list(sales)
                if wh == warehouse and categ
            }
            total_stock = sum(stock.get((warehouse, c), 0.0) for c in rows) or 1.0
            total_sales = sum(sales.get((warehouse, c), 0.0) for c in rows) or 1.0
            body = Markup("").join(
                Markup(
                    "<tr><td>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s%%</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s%%</td></tr>"
                )
                % (
                    names.get(c, ""),
                    round(stock.get((warehouse, c), 0.0), 2),
                    round(100 * stock.get((warehouse, c), 0.0) / total_stock),
                    round(sales.get((warehouse, c), 0.0), 2),
                    round(100 * sales.get((warehouse, c), 0.0) / total_sales),
                )
                for c in sorted(rows, key=lambda c: names.get(c, ""))
            )
            head = Markup(
                "<table class='table table-sm'><thead><tr><th>%s</th>"
                "<th class='text-end'>%s</th><th class='text-end'>%%</th>"
                "<th class='text-end'>%s</th><th class='text-end'>%%</th>"
                "</tr></thead><tbody>"
            ) % (
                self.env._("Series"),
                self.env._("Stock"),
                self.env._("Sales (%(days)s days)", days=SALES_DAYS),
            )
            order.ops_season_html = head + body + Markup("</tbody></table>")

    @api.constrains("ops_store_id", "warehouse_id", "location_id")
    def _check_ops_store_warehouse(self):
        for order in self.filtered("ops_store_id"):
            warehouse = order.ops_store_id.warehouse_id
            if order.warehouse_id != warehouse or (
                order.location_id.warehouse_id != warehouse
            ):
                raise ValidationError(
                    self.env._(
                        "The replenishment request “%(order)s” delivers to its "
                        "store's warehouse “%(warehouse)s” only.",
                        order=order.name,
                        warehouse=warehouse.display_name,
                    )
                )

    # Filing --------------------------------------------------------------

    @api.model
    def _ops_line_defaults(self, store, vals):
        return {
            "warehouse_id": store.warehouse_id.id,
            "location_id": store.warehouse_id.lot_stock_id.id,
            "company_id": store.company_id.id,
            "route_id": store._ops_resupply_route().id or False,
            "requested_by": vals.get("requested_by") or self.env.uid,
            "expected_date": vals.get("expected_date"),
            "picking_policy": vals.get("picking_policy") or "direct",
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("ops_store_id"):
                continue
            store = self.env["ops.store"].browse(vals["ops_store_id"])
            store._ops_check_member()
            vals.setdefault("expected_date", fields.Datetime.now())
            defaults = self._ops_line_defaults(store, vals)
            for key in ("warehouse_id", "location_id", "company_id"):
                vals[key] = defaults[key]
            if defaults["route_id"] and not vals.get("route_id"):
                vals["route_id"] = defaults["route_id"]
            for command in vals.get("stock_request_ids") or []:
                if command[0] == 0:
                    line = command[2]
                    for key, value in defaults.items():
                        if not line.get(key):
                            line[key] = value
                    line.update(
                        {
                            k: defaults[k]
                            for k in ("warehouse_id", "location_id", "company_id")
                        }
                    )
                    line["expected_date"] = vals["expected_date"]
        return super().create(vals_list)

    @api.onchange("ops_store_id")
    def _onchange_ops_store_id(self):
        store = self.ops_store_id
        if store:
            self.company_id = store.company_id
            self.warehouse_id = store.warehouse_id
            self.location_id = store.warehouse_id.lot_stock_id
            self.route_id = store._ops_resupply_route()

    def write(self, vals):
        if vals.get("ops_store_id"):
            self.env["ops.store"].browse(vals["ops_store_id"])._ops_check_member()
            if self.filtered(lambda o: o.review_ids or o.state != "draft"):
                raise UserError(
                    self.env._(
                        "The store of a submitted replenishment request cannot "
                        "be changed."
                    )
                )
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        res = super()._get_under_validation_exceptions()
        # written by the server while the merchandising department reviews
        return res + list(self._ops_server_fields)

    # Actions ---------------------------------------------------------------

    def _ops_check_reviewer(self):
        """Only the merchandising department corrects or refuses, and only
        on requests waiting for its decision."""
        self.env["ops.store"]._ops_check_merchandiser()
        for order in self:
            if not order.ops_store_id:
                raise UserError(
                    self.env._(
                        "“%(order)s” is not a store's replenishment request.",
                        order=order.name,
                    )
                )
            if order.state != "draft" or order.validation_status not in (
                "waiting",
                "pending",
            ):
                raise UserError(
                    self.env._(
                        "“%(order)s” is not waiting for the merchandising "
                        "department's review.",
                        order=order.name,
                    )
                )
            if self.env.user == order.requested_by:
                raise UserError(
                    self.env._(
                        "You cannot review your own request “%(order)s”.",
                        order=order.name,
                    )
                )
            if not order.can_review:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of “%(order)s” at this step.",
                        order=order.name,
                    )
                )
        return True

    def action_ops_submit(self):
        """The store submits its request for the morning review."""
        self.request_validation()
        return True

    @api.returns("tier.review")
    def request_validation(self):
        stores = self.filtered("ops_store_id")
        for order in stores:
            order.ops_store_id._ops_check_member()
            if order.state != "draft" or order.review_ids.filtered(
                lambda r: r.status in ("waiting", "pending", "approved")
            ):
                raise UserError(
                    self.env._(
                        "“%(order)s” has already been submitted.", order=order.name
                    )
                )
            if not order.stock_request_ids:
                raise UserError(
                    self.env._(
                        "Add at least one product to “%(order)s” before "
                        "submitting it.",
                        order=order.name,
                    )
                )
        reviews = super().request_validation()
        if stores.filtered(lambda o: not o.review_ids):
            raise UserError(
                self.env._(
                    "No review is configured for replenishment requests: ask the "
                    "administrator to activate the merchandising review."
                )
            )
        if stores:
            as_server(stores).write({"ops_submitted_date": fields.Datetime.now()})
        return reviews

    def validate_tier(self):
        res = super().validate_tier()
        self._ops_confirm_validated()
        return res if res is not None else True

    def reject_tier(self):
        if self.filtered(lambda o: o.ops_store_id and not o.ops_refusal_reason):
            raise UserError(
                self.env._(
                    "Refuse a store's replenishment request with its reason "
                    "(button Refuse): the store reads it."
                )
            )
        res = super().reject_tier()
        rejected = self.filtered(
            lambda o: o.ops_store_id and o.validation_status == "rejected"
        )
        if rejected:
            # the stock requests are the requester's: the engine cancels them
            as_server(rejected).sudo().action_cancel()
            as_server(rejected).write({"ops_decided_date": fields.Datetime.now()})
        return res if res is not None else True

    def _ops_confirm_validated(self):
        """Approved: the transfers from the central warehouse are created."""
        approved = self.filtered(
            lambda o: o.ops_store_id
            and o.state == "draft"
            and o.validation_status == "validated"
        )
        if approved:
            as_server(approved).write({"ops_decided_date": fields.Datetime.now()})
            as_server(approved).sudo().action_confirm()
        return True

    def ops_apply_correction(self, quantities, guidance):
        """Correct the quantities ({stock.request id: new quantity}) with the
        guidance that explains why; the review then goes on."""
        self.ensure_one()
        self._ops_check_reviewer()
        guidance = (guidance or "").strip()
        if not guidance:
            raise UserError(
                self.env._(
                    "Write the guidance for the store: a correction is always "
                    "explained."
                )
            )
        lines = self.stock_request_ids
        changes = []
        for request_id, qty in quantities.items():
            # JSON-RPC sends the keys as strings
            line = lines.filtered(lambda r, i=int(request_id): r.id == i)
            if not line:
                raise UserError(
                    self.env._(
                        "The corrected line is not part of “%(order)s”.",
                        order=self.name,
                    )
                )
            if qty < 0:
                raise UserError(self.env._("A corrected quantity cannot be negative."))
            if qty == line.product_uom_qty:
                continue
            changes.append((line, line.product_uom_qty, qty))
        for line, old, new in changes:
            vals = {"product_uom_qty": new}
            if not line.ops_requested_qty:
                vals["ops_requested_qty"] = old
            as_server(line).sudo().write(vals)
        stamp = self.env._(
            "%(date)s, %(user)s: %(text)s",
            date=fields.Date.context_today(self),
            user=self.env.user.name,
            text=guidance,
        )
        as_server(self).write(
            {
                "ops_guidance": "\n".join(filter(None, [self.ops_guidance, stamp])),
                "ops_corrected": True,
            }
        )
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._("Corrected by the merchandising department."),
            guidance,
        )
        if changes:
            body += Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s: %s → %s</li>")
                % (escape(line.product_id.display_name), old, new)
                for line, old, new in changes
            )
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def ops_refuse(self, reason):
        """Refuse the request with the reason the store reads."""
        self._ops_check_reviewer()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Write the reason of the refusal."))
        as_server(self).write({"ops_refusal_reason": reason})
        self.reject_tier()
        return True

    def _ops_store_locked(self):
        return self.filtered(
            lambda o: o.ops_store_id and (o.review_ids or o.state != "draft")
        )
