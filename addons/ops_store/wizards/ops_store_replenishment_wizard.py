# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OpsStoreReplenishmentCorrect(models.TransientModel):
    """The merchandising department corrects a store's request: new
    quantities and the guidance that explains them."""

    _name = "ops.store.replenishment.correct"
    _description = "Correct a Replenishment Request"

    order_id = fields.Many2one("stock.request.order", required=True)
    guidance = fields.Text(required=True)
    line_ids = fields.One2many("ops.store.replenishment.correct.line", "wizard_id")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        order = self.env["stock.request.order"].browse(
            res.get("order_id") or self.env.context.get("active_id")
        )
        if order:
            res["order_id"] = order.id
            res["line_ids"] = [
                fields.Command.create(
                    {
                        "request_id": line.id,
                        "product_id": line.product_id.id,
                        "asked_qty": line.product_uom_qty,
                        "new_qty": line.product_uom_qty,
                    }
                )
                for line in order.stock_request_ids
            ]
        return res

    def action_apply(self):
        self.ensure_one()
        self.order_id.ops_apply_correction(
            {line.request_id.id: line.new_qty for line in self.line_ids},
            self.guidance,
        )
        return {"type": "ir.actions.act_window_close"}


class OpsStoreReplenishmentCorrectLine(models.TransientModel):
    _name = "ops.store.replenishment.correct.line"
    _description = "Correct a Replenishment Request: line"

    wizard_id = fields.Many2one("ops.store.replenishment.correct", required=True)
    request_id = fields.Many2one("stock.request", required=True)
    product_id = fields.Many2one("product.product", readonly=True)
    asked_qty = fields.Float(readonly=True)
    new_qty = fields.Float(string="Corrected Quantity")


class OpsStoreReplenishmentRefuse(models.TransientModel):
    _name = "ops.store.replenishment.refuse"
    _description = "Refuse a Replenishment Request"

    order_id = fields.Many2one(
        "stock.request.order",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.order_id.ops_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
