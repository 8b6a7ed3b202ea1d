# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

TOP = 10


class OpsStoreAnalysis(models.Model):
    """The merchandising department's analyses: the weekly best and slow
    sellers per store (built by a cron) and the monthly analysis and summary
    (written by the merchandising manager, due by the 5th)."""

    _name = "ops.store.analysis"
    _description = "Merchandising Analysis"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "period_start desc, id desc"

    _ops_server_fields = ("state", "line_ids")

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [("weekly", "Weekly Best and Slow Sellers"), ("monthly", "Monthly Analysis")],
        required=True,
        default="monthly",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user
    )
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    summary = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")], default="draft", readonly=True
    )
    line_ids = fields.One2many("ops.store.seller.line", "analysis_id", readonly=True)

    _sql_constraints = [
        (
            "period_uniq",
            "unique(kind, company_id, period_start)",
            "This analysis already exists for the period.",
        )
    ]

    @api.depends("kind", "period_start")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for analysis in self:
            analysis.name = (
                f"{labels.get(analysis.kind, '')} {analysis.period_start or ''}"
            )

    def action_submit(self):
        for analysis in self:
            if analysis.kind != "monthly" or analysis.state != "draft":
                raise UserError(
                    self.env._("Only a draft monthly analysis is submitted.")
                )
            if self.env.user != analysis.user_id and not self.env.su:
                raise AccessError(self.env._("Only its author submits the analysis."))
            if not analysis.summary:
                raise UserError(self.env._("Write the analysis and summary first."))
        self.sudo().write({"state": "submitted"})
        duties = (
            self.env["ops.store.duty"]
            .sudo()
            .search(
                [
                    ("kind", "=", "monthly_analysis"),
                    ("state", "=", "open"),
                    ("company_id", "in", self.company_id.ids),
                    ("period_start", "in", self.mapped("period_start")),
                ]
            )
        )
        duties._ops_done()
        return True

    @api.model
    def _cron_weekly_sellers(self, today=None):
        """Once a week per company: the last full week's 10 best sellers and
        10 slow sellers (in stock, least sold) of each store."""
        today = today or fields.Date.context_today(self)
        week_start = today - timedelta(days=today.weekday() + 7)
        week_end = week_start + timedelta(days=6)
        # every active store at once: one query set whatever their number
        stores = self.env["ops.store"].sudo().search([("active", "=", True)])
        done = set(
            self.sudo()
            .search([("kind", "=", "weekly"), ("period_start", "=", week_start)])
            .company_id.ids
        )
        todo = stores.filtered(lambda s: s.company_id.id not in done)
        if not todo:
            return True
        figures = self.env["ops.store.figures"]
        sales = figures._sales_by_warehouse(
            todo.warehouse_id,
            date_from=fields.Datetime.to_datetime(week_start),
            date_to=fields.Datetime.to_datetime(week_end + timedelta(days=1)),
        )
        stock = figures._stock_by_warehouse(todo.warehouse_id)
        per_wh_sales, per_wh_stock = {}, {}
        for (wh, product), qty in sales.items():
            per_wh_sales.setdefault(wh, {})[product] = qty
        for (wh, product), qty in stock.items():
            if qty > 0:
                per_wh_stock.setdefault(wh, {})[product] = qty
        for company in todo.company_id:
            lines = []
            for store in todo.filtered(lambda s, c=company: s.company_id == c):
                wh = store.warehouse_id.id
                sold = per_wh_sales.get(wh, {})
                on_hand = per_wh_stock.get(wh, {})
                best = sorted(sold.items(), key=lambda kv: -kv[1])[:TOP]
                slow = sorted(on_hand, key=lambda p: (sold.get(p, 0.0), -on_hand[p]))[
                    :TOP
                ]
                lines += [
                    {
                        "store_id": store.id,
                        "product_id": product,
                        "kind": "best",
                        "rank": rank,
                        "qty_sold": qty,
                        "stock_qty": on_hand.get(product, 0.0),
                    }
                    for rank, (product, qty) in enumerate(best, 1)
                ]
                lines += [
                    {
                        "store_id": store.id,
                        "product_id": product,
                        "kind": "slow",
                        "rank": rank,
                        "qty_sold": sold.get(product, 0.0),
                        "stock_qty": on_hand[product],
                    }
                    for rank, product in enumerate(slow, 1)
                ]
            self.sudo().create(
                {
                    "kind": "weekly",
                    "company_id": company.id,
                    "user_id": company.ops_store_merch_manager_id.id or False,
                    "period_start": week_start,
                    "period_end": week_end,
                    "state": "submitted",
                    "line_ids": [fields.Command.create(v) for v in lines],
                }
            )
        return True


class OpsStoreSellerLine(models.Model):
    _name = "ops.store.seller.line"
    _description = "Best and Slow Seller"
    _order = "analysis_id, store_id, kind, rank"

    analysis_id = fields.Many2one(
        "ops.store.analysis", required=True, ondelete="cascade", index=True
    )
    period_start = fields.Date(related="analysis_id.period_start", store=True)
    company_id = fields.Many2one(related="analysis_id.company_id", store=True)
    store_id = fields.Many2one("ops.store", required=True, index=True)
    region_id = fields.Many2one(related="store_id.region_id", store=True)
    product_id = fields.Many2one("product.product", required=True)
    kind = fields.Selection(
        [("best", "Best Seller"), ("slow", "Slow Seller")], required=True
    )
    rank = fields.Integer()
    qty_sold = fields.Float(string="Sold in the Week")
    stock_qty = fields.Float(string="Stock")
