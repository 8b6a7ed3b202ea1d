# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import datetime, time, timedelta

import xlsxwriter

from odoo import api, fields, models


class OpsStoreSummary(models.Model):
    """The daily stock and sales summary per store and warehouse, sent by
    10:00 to each market lead (regional manager) and the merchandising
    department as an XLSX file. Built once per company and day."""

    _name = "ops.store.summary"
    _description = "Daily Stock and Sales Summary"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    line_ids = fields.One2many("ops.store.summary.line", "summary_id", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="XLSX", readonly=True)
    recipient_ids = fields.Many2many("res.partner", string="Sent to", readonly=True)

    _sql_constraints = [
        ("date_company_uniq", "unique(date, company_id)", "One summary a day.")
    ]

    @api.depends("date")
    def _compute_name(self):
        for summary in self:
            summary.name = self.env._(
                "Stock and sales %(date)s", date=summary.date or ""
            )

    @api.model
    def _ops_recipients(self, company, stores):
        merch = self.env.ref("ops_store.group_ops_store_merchandiser").sudo().users
        users = (stores.region_id.manager_id | merch).filtered(
            lambda u: u.active and company in u.company_ids
        )
        return users.partner_id

    @api.model
    def _cron_daily_summary(self, today=None):
        """Build and send today's summary of every company that has none."""
        today = today or fields.Date.context_today(self)
        # every active store at once: one query set whatever their number
        stores = self.env["ops.store"].sudo().search([("active", "=", True)])
        done = set(self.sudo().search([("date", "=", today)]).company_id.ids)
        todo = stores.filtered(lambda s: s.company_id.id not in done)
        if not todo:
            return True
        figures = self.env["ops.store.figures"]
        centrals = todo.company_id.ops_store_central_warehouse_id
        warehouses = todo.warehouse_id | centrals
        day_start = datetime.combine(today - timedelta(days=1), time.min)
        day_end = datetime.combine(today, time.min)
        stock = self._ops_totals(
            figures._stock_by_warehouse(warehouses, groupby="product_categ_id")
        )
        sold_day = self._ops_totals(
            figures._sales_by_warehouse(
                warehouses, date_from=day_start, date_to=day_end, groupby="ops_categ_id"
            )
        )
        sold_28 = self._ops_totals(
            figures._sales_by_warehouse(
                warehouses, date_to=day_end, groupby="ops_categ_id"
            )
        )
        for company in todo.company_id:
            company_stores = todo.filtered(lambda s, c=company: s.company_id == c)
            lines = []
            for store in company_stores:
                lines.append(
                    self._ops_line_vals(
                        store.warehouse_id, store, stock, sold_day, sold_28
                    )
                )
            central = company.ops_store_central_warehouse_id
            if central:
                lines.append(
                    self._ops_line_vals(central, None, stock, sold_day, sold_28)
                )
            summary = self.sudo().create(
                {
                    "date": today,
                    "company_id": company.id,
                    "line_ids": [fields.Command.create(v) for v in lines],
                }
            )
            summary._ops_attach_xlsx()
            summary._ops_send(self._ops_recipients(company, company_stores))
        return True

    @api.model
    def _ops_totals(self, pairs):
        totals = {}
        for (wh, _categ), qty in pairs.items():
            totals[wh] = totals.get(wh, 0.0) + qty
        return totals

    @api.model
    def _ops_line_vals(self, warehouse, store, stock, sold_day, sold_28):
        qty = stock.get(warehouse.id, 0.0)
        sold = sold_28.get(warehouse.id, 0.0)
        return {
            "store_id": store.id if store else False,
            "region_id": store.region_id.id if store else False,
            "warehouse_id": warehouse.id,
            "stock_qty": qty,
            "sales_day_qty": sold_day.get(warehouse.id, 0.0),
            "sales_28d_qty": sold,
            "days_cover": self.env["ops.store.figures"]._days_of_cover(qty, sold)
            or 0.0,
        }

    def _ops_attach_xlsx(self):
        self.ensure_one()
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Stock and Sales"))
        bold = book.add_format({"bold": True})
        headers = [
            self.env._("Store"),
            self.env._("Region"),
            self.env._("Warehouse"),
            self.env._("Stock"),
            self.env._("Sales Yesterday"),
            self.env._("Sales (4 weeks)"),
            self.env._("Days of Cover"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, line in enumerate(self.line_ids, 1):
            sheet.write_row(
                row,
                0,
                [
                    line.store_id.name or self.env._("Central warehouse"),
                    line.region_id.name or "",
                    line.warehouse_id.name,
                    line.stock_qty,
                    line.sales_day_qty,
                    line.sales_28d_qty,
                    line.days_cover,
                ],
            )
        sheet.set_column(0, 2, 24)
        book.close()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"stock_sales_{self.date}.xlsx",
                    "datas": base64.b64encode(buffer.getvalue()),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                }
            )
        )
        self.sudo().attachment_id = attachment
        return attachment

    def _ops_send(self, partners):
        self.ensure_one()
        self.sudo().recipient_ids = partners
        self.sudo().message_post(
            body=self.env._(
                "The stock and sales of the stores and warehouses on %(date)s.",
                date=self.date,
            ),
            subject=self.name,
            partner_ids=partners.ids,
            attachment_ids=self.attachment_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True


class OpsStoreSummaryLine(models.Model):
    _name = "ops.store.summary.line"
    _description = "Daily Summary Line"
    _order = "summary_id, store_id, id"

    summary_id = fields.Many2one(
        "ops.store.summary", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(related="summary_id.date", store=True)
    company_id = fields.Many2one(related="summary_id.company_id", store=True)
    store_id = fields.Many2one("ops.store", index=True)
    region_id = fields.Many2one("ops.store.region")
    warehouse_id = fields.Many2one("stock.warehouse", required=True)
    stock_qty = fields.Float(string="Stock")
    sales_day_qty = fields.Float(string="Sales Yesterday")
    sales_28d_qty = fields.Float(string="Sales (4 weeks)")
    days_cover = fields.Float(string="Days of Cover", aggregator="avg")
