# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OpsStoreTransfer(models.Model):
    """An inter-store transfer (调拨单): by a standard, with a reason, an
    execution date and an end date, followed up until done."""

    _name = "ops.store.transfer"
    _description = "Inter-store Transfer"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "date_execution desc, id desc"
    _check_company_auto = True

    _ops_server_fields = ("state", "picking_id", "followed_up_on")

    name = fields.Char(default="/", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    from_store_id = fields.Many2one(
        "ops.store",
        required=True,
        check_company=True,
        tracking=True,
    )
    to_store_id = fields.Many2one(
        "ops.store",
        required=True,
        check_company=True,
        tracking=True,
    )
    standard = fields.Selection(
        [
            ("stockout", "Stock-out in the receiving store"),
            ("slow", "Slow seller in the sending store"),
            ("season", "Season change"),
            ("new", "New arrival allocation"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
        help="The transfer standard of the merchandising department.",
    )
    reason = fields.Text(required=True, tracking=True)
    date_execution = fields.Date(string="Execution Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    line_ids = fields.One2many("ops.store.transfer.line", "transfer_id", copy=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
    )
    picking_id = fields.Many2one("stock.picking", readonly=True, copy=False)
    followed_up_on = fields.Date(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )

    @api.constrains("from_store_id", "to_store_id", "date_execution", "date_end")
    def _check_transfer(self):
        for transfer in self:
            if transfer.from_store_id == transfer.to_store_id:
                raise ValidationError(
                    self.env._("A transfer goes from one store to another store.")
                )
            if transfer.date_end < transfer.date_execution:
                raise ValidationError(
                    self.env._(
                        "The end date of a transfer cannot precede its "
                        "execution date."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "ops.store.transfer"
                )
        return super().create(vals_list)

    def write(self, vals):
        locked = {"from_store_id", "to_store_id", "line_ids", "date_execution"}
        if (
            locked & set(vals)
            and not self.env.su
            and self.filtered(lambda t: t.state != "draft")
        ):
            raise UserError(
                self.env._(
                    "A confirmed transfer keeps its stores, products and "
                    "execution date."
                )
            )
        return super().write(vals)

    def action_confirm(self):
        """The merchandising department confirms: the transfer is created."""
        self.env["ops.store"]._ops_check_merchandiser()
        for transfer in self:
            if transfer.state != "draft":
                raise UserError(self.env._("Only a draft transfer can be confirmed."))
            if not transfer.line_ids:
                raise UserError(self.env._("Add the products to transfer."))
        for transfer in self.sudo():
            source = transfer.from_store_id.warehouse_id
            destination = transfer.to_store_id.warehouse_id.lot_stock_id
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": source.int_type_id.id,
                    "location_id": source.lot_stock_id.id,
                    "location_dest_id": destination.id,
                    "origin": transfer.name,
                    "scheduled_date": transfer.date_execution,
                    "company_id": transfer.company_id.id,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": line.product_id.display_name,
                                "product_id": line.product_id.id,
                                "product_uom": line.product_id.uom_id.id,
                                "product_uom_qty": line.quantity,
                                "location_id": source.lot_stock_id.id,
                                "location_dest_id": destination.id,
                            }
                        )
                        for line in transfer.line_ids
                    ],
                }
            )
            picking.action_confirm()
            transfer.write({"state": "confirmed", "picking_id": picking.id})
        return True

    def action_cancel(self):
        self.env["ops.store"]._ops_check_merchandiser()
        if self.filtered(lambda t: t.state == "done"):
            raise UserError(self.env._("A done transfer cannot be cancelled."))
        self.sudo().picking_id.filtered(lambda p: p.state != "done").action_cancel()
        self.sudo().write({"state": "cancel"})
        return True

    @api.model
    def _cron_follow_up(self, limit=5000):
        """Transfers whose picking is done are closed; those past their end
        date get one follow-up activity a day for their responsible."""
        today = fields.Date.context_today(self)
        open_transfers = self.sudo().search([("state", "=", "confirmed")], limit=limit)
        done = open_transfers.filtered(lambda t: t.picking_id.state == "done")
        done.write({"state": "done"})
        late = (open_transfers - done).filtered(
            lambda t: t.date_end < today
            and (not t.followed_up_on or t.followed_up_on < today)
        )
        if late:
            activity_type = self.env.ref("ops_store.activity_transfer_follow_up")
            model_id = self.env["ir.model"]._get_id(self._name)
            self.env["mail.activity"].sudo().create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": t.id,
                        "activity_type_id": activity_type.id,
                        "user_id": (
                            t.user_id or t.company_id.ops_store_merch_manager_id
                        ).id
                        or self.env.uid,
                        "date_deadline": today,
                        "summary": self.env._(
                            "Transfer past its end date: %(name)s", name=t.name
                        ),
                    }
                    for t in late
                ]
            )
            late.write({"followed_up_on": today})
        return True


class OpsStoreTransferLine(models.Model):
    _name = "ops.store.transfer.line"
    _description = "Inter-store Transfer Line"

    transfer_id = fields.Many2one(
        "ops.store.transfer", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one(
        "product.product", required=True, domain=[("is_storable", "=", True)]
    )
    quantity = fields.Float(required=True, digits="Product Unit of Measure")

    @api.constrains("quantity")
    def _check_quantity(self):
        if any(line.quantity <= 0 for line in self):
            raise ValidationError(
                self.env._("A transferred quantity must be positive.")
            )
