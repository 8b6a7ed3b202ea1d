# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsStoreCount(models.Model):
    """A spot stock count in a store (抽盘): scheduled, counted, differences
    recorded against the system's stock when the count started."""

    _name = "ops.store.count"
    _description = "Store Spot Count"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    _ops_server_fields = ("state", "done_date")

    name = fields.Char(default="/", readonly=True, copy=False)
    store_id = fields.Many2one(
        "ops.store", required=True, index=True, check_company=True
    )
    region_id = fields.Many2one(related="store_id.region_id", store=True)
    company_id = fields.Many2one(related="store_id.company_id", store=True)
    date_planned = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Counted by", default=lambda self: self.env.user
    )
    line_ids = fields.One2many("ops.store.count.line", "count_id")
    state = fields.Selection(
        [("planned", "Planned"), ("counting", "Counting"), ("done", "Done")],
        default="planned",
        readonly=True,
        tracking=True,
    )
    done_date = fields.Datetime(readonly=True)
    difference_count = fields.Integer(compute="_compute_difference_count", store=True)

    @api.depends("line_ids.difference")
    def _compute_difference_count(self):
        for count in self:
            count.difference_count = len(count.line_ids.filtered("difference"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ops.store.count")
        return super().create(vals_list)

    def action_start(self):
        """Freeze the system quantities the count is compared with."""
        self.env["ops.store"]._ops_check_merchandiser()
        for count in self:
            if count.state != "planned" or not count.line_ids:
                raise UserError(
                    self.env._("Add the products to count to a planned count.")
                )
        figures = self.env["ops.store.figures"]
        stock = figures._stock_by_warehouse(
            self.store_id.warehouse_id, self.line_ids.product_id
        )
        for count in self:
            wh = count.store_id.warehouse_id.id
            for line in count.line_ids:
                line.sudo().theoretical_qty = stock.get((wh, line.product_id.id), 0.0)
        self.sudo().write({"state": "counting"})
        return True

    def action_done(self):
        self.env["ops.store"]._ops_check_merchandiser()
        if self.filtered(lambda c: c.state != "counting"):
            raise UserError(self.env._("Start the count before recording it."))
        self.sudo().write({"state": "done", "done_date": fields.Datetime.now()})
        return True


class OpsStoreCountLine(models.Model):
    _name = "ops.store.count.line"
    _description = "Store Spot Count Line"

    count_id = fields.Many2one(
        "ops.store.count", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", required=True)
    theoretical_qty = fields.Float(string="System Quantity", readonly=True)
    counted_qty = fields.Float(string="Counted Quantity")
    difference = fields.Float(compute="_compute_difference", store=True)

    @api.depends("theoretical_qty", "counted_qty", "count_id.state")
    def _compute_difference(self):
        for line in self:
            line.difference = (
                line.counted_qty - line.theoretical_qty
                if line.count_id.state != "planned"
                else 0.0
            )

    def write(self, vals):
        if "theoretical_qty" in vals and not self.env.su:
            raise UserError(
                self.env._("The system quantity is recorded by the system.")
            )
        if self.count_id.filtered(lambda c: c.state == "done") and not self.env.su:
            raise UserError(self.env._("A recorded count can no longer be changed."))
        return super().write(vals)
