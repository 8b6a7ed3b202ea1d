# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

PERIOD_MONTHS = {"quarter": 3, "half": 6}


class OpsProjectInvestmentReport(models.Model):
    """Quarterly and half-year report of the non-consolidated investments
    (不并表的投资项目): the regulations want their finances reported at least
    quarterly and never later than half-yearly. Built like the monthly
    report: one per company and period, rebuilt in place, XLSX + PDF, the
    operations manager's commentary, then sent to senior management."""

    _name = "ops.project.investment.report"
    _description = "Investment Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.background.mixin",
        "ops.project.report.mixin",
    ]
    _order = "date_from desc, period_type, company_id"
    _ops_xlsx_report = "ops_project.action_report_investment_report_xlsx"
    _ops_pdf_report = "ops_project.action_report_investment_report_pdf"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_type = fields.Selection(
        [("quarter", "Quarter"), ("half", "Half-Year")],
        string="Period",
        required=True,
        readonly=True,
    )
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    line_ids = fields.One2many(
        "ops.project.investment.report.line", "report_id", string="Investments"
    )
    project_count = fields.Integer(readonly=True)
    investment_total = fields.Monetary(readonly=True)
    cost_total = fields.Monetary(string="Cost (Period)", readonly=True)
    revenue_total = fields.Monetary(string="Revenue (Period)", readonly=True)
    result_total = fields.Monetary(string="Result (To Date)", readonly=True)
    built_on = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "company_period_uniq",
            "unique(company_id, period_type, date_from)",
            "There is already an investment report for this company and period.",
        ),
    ]

    @api.model
    def _ops_period(self, period_type, day):
        """First and last day of the quarter or half-year containing ``day``."""
        months = PERIOD_MONTHS[period_type]
        start = day.replace(day=1, month=(day.month - 1) // months * months + 1)
        return start, start + relativedelta(months=months, days=-1)

    @api.model
    def _ops_period_name(self, period_type, start):
        if period_type == "quarter":
            label = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        else:
            label = f"{start.year}-H{(start.month - 1) // 6 + 1}"
        return self.env._("Investment report %(period)s", period=label)

    @api.model
    def _ops_investments(self, company, end):
        """The company's non-consolidated investment projects existing at the
        end of the period."""
        return (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("ops_is_operations", "=", True),
                    ("company_id", "=", company.id),
                    ("ops_proposal_id.kind", "=", "investment"),
                    ("ops_investment_consolidated", "=", False),
                    ("create_date", "<", end + relativedelta(days=1)),
                ],
                order="id",
            )
        )

    @api.model
    def _ops_amounts(self, accounts, date_from, date_to):
        """(costs, revenues) per analytic account id: two grouped queries,
        whatever the number of projects."""
        Line = self.env["account.analytic.line"].sudo()
        result = []
        for sign in ("<", ">"):
            domain = [
                ("account_id", "in", accounts.ids),
                ("amount", sign, 0),
                ("date", "<=", date_to),
            ]
            if date_from:
                domain.append(("date", ">=", date_from))
            groups = Line._read_group(domain, ["account_id"], ["amount:sum"])
            result.append({account.id: abs(amount) for account, amount in groups})
        return result

    @api.model
    def _ops_build(self, company, period_type, day):
        """Build (or rebuild, replacing) the report of ``company`` for the
        quarter or half-year containing ``day``."""
        start, end = self._ops_period(period_type, day)
        projects = self._ops_investments(company, end)
        projects.fetch(["name", "user_id", "account_id", "ops_proposal_id"])
        projects.ops_proposal_id.fetch(["investment_amount"])
        projects.account_id.fetch(["ops_budget"])
        accounts = projects.account_id
        cost_period, revenue_period = self._ops_amounts(accounts, start, end)
        cost_to_date, revenue_to_date = self._ops_amounts(accounts, None, end)
        lines = []
        for project in projects:
            account = project.account_id.id
            lines.append(
                {
                    "project_id": project.id,
                    "user_id": project.user_id.id or None,
                    "investment_amount": project.ops_proposal_id.investment_amount,
                    "budget": project.account_id.ops_budget,
                    "cost_period": cost_period.get(account, 0.0),
                    "revenue_period": revenue_period.get(account, 0.0),
                    "cost_to_date": cost_to_date.get(account, 0.0),
                    "revenue_to_date": revenue_to_date.get(account, 0.0),
                    "result_to_date": revenue_to_date.get(account, 0.0)
                    - cost_to_date.get(account, 0.0),
                }
            )
        vals = {
            "name": self._ops_period_name(period_type, start),
            "built_on": fields.Datetime.now(),
            "date_to": end,
            "project_count": len(lines),
            "investment_total": sum(line["investment_amount"] for line in lines),
            "cost_total": sum(line["cost_period"] for line in lines),
            "revenue_total": sum(line["revenue_period"] for line in lines),
            "result_total": sum(line["result_to_date"] for line in lines),
        }
        report = self._ops_find(company, period_type, start)
        if report:
            report._ops_check_not_sent()
            report.write(vals)
        else:
            report = self.sudo().create(
                dict(
                    vals,
                    company_id=company.id,
                    period_type=period_type,
                    date_from=start,
                )
            )
        report._ops_replace_lines(lines)
        report._ops_after_build()
        return report

    @api.model
    def _ops_find(self, company, period_type, start):
        return self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", period_type),
                ("date_from", "=", start),
            ]
        )

    def _ops_replace_lines(self, lines):
        """Replace the report's lines in two statements, whatever their
        number."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "DELETE FROM ops_project_investment_report_line WHERE report_id = %s",
                self.id,
            )
        )
        if lines:
            columns = list(lines[0])
            meta = [self.id, self.company_id.id, self.env.uid, self.env.uid]
            self.env.cr.execute(
                SQL(
                    "INSERT INTO ops_project_investment_report_line "
                    "(report_id, company_id, create_uid, write_uid, create_date, "
                    "write_date, %s) VALUES %s",
                    SQL(", ").join(SQL.identifier(col) for col in columns),
                    SQL(", ").join(
                        SQL(
                            "(%s, %s, %s, %s, now() at time zone 'UTC', "
                            "now() at time zone 'UTC', %s)",
                            *meta,
                            SQL(", ").join(line[col] for col in columns),
                        )
                        for line in lines
                    ),
                )
            )
        self.invalidate_recordset(["line_ids"])
        self.env["ops.project.investment.report.line"].invalidate_model()

    @api.model
    def _ops_build_and_store(self, company, period_type, day):
        report = self._ops_build(company, period_type, day)
        report._ops_store_files()
        return report

    @api.model
    def _cron_build_previous_periods(self, today=None):
        """Build, once, the report of the quarter that ended, and of the
        half-year when the quarter closed one; then ask the operations
        managers for their commentary."""
        today = today or fields.Date.context_today(self)
        last_day = today.replace(day=1) - relativedelta(days=1)
        periods = [("quarter", self._ops_period("quarter", last_day))]
        if last_day.month in (6, 12):
            periods.append(("half", self._ops_period("half", last_day)))
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        reports = self.browse()
        for period_type, (start, end) in periods:
            if end != last_day:
                continue  # the period has not ended yet
            for company in companies:
                if not self._ops_find(company, period_type, start):
                    reports |= self._ops_build_and_store(company, period_type, start)
        reports._ops_ask_commentary()
        return True

    def _ops_rebuild(self):
        for rec in self:
            self._ops_build_and_store(rec.company_id, rec.period_type, rec.date_from)
        return True

    def action_rebuild(self):
        self._ops_check_can_build(self.company_id)
        self.check_access("write")
        self._ops_check_not_sent()
        return self._ops_enqueue(
            "_ops_rebuild",
            self.env._(
                "Build of the investment reports %(names)s",
                names=", ".join(self.mapped("name")),
            ),
        )

    def action_print_xlsx(self):
        return self.env.ref(self._ops_xlsx_report).report_action(self)

    def action_print_pdf(self):
        return self.env.ref(self._ops_pdf_report).report_action(self)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for rec in self:
            if (rec.date_from, rec.date_to) != self._ops_period(
                rec.period_type, rec.date_from
            ):
                raise ValidationError(
                    self.env._("The report's dates must span its period.")
                )


class OpsProjectInvestmentReportLine(models.Model):
    _name = "ops.project.investment.report.line"
    _description = "Investment Report Line"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "ops.project.investment.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    project_id = fields.Many2one("project.project", required=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Project Lead")
    investment_amount = fields.Monetary(currency_field="currency_id")
    budget = fields.Monetary(currency_field="currency_id")
    cost_period = fields.Monetary(string="Cost (Period)", currency_field="currency_id")
    revenue_period = fields.Monetary(
        string="Revenue (Period)", currency_field="currency_id"
    )
    cost_to_date = fields.Monetary(
        string="Cost (To Date)", currency_field="currency_id"
    )
    revenue_to_date = fields.Monetary(
        string="Revenue (To Date)", currency_field="currency_id"
    )
    result_to_date = fields.Monetary(
        string="Result (To Date)", currency_field="currency_id"
    )
