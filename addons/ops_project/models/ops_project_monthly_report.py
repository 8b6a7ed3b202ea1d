# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL


class OpsProjectMonthlyReport(models.Model):
    """Monthly operations report (月度报告), one per company and month."""

    _name = "ops.project.monthly.report"
    _description = "Monthly Operations Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.background.mixin",
        "ops.project.report.mixin",
    ]
    _order = "month desc, company_id"
    _ops_xlsx_report = "ops_project.action_report_monthly_report_xlsx"
    _ops_pdf_report = "ops_project.action_report_monthly_report_pdf"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(required=True, help="First day of the month reported.")
    line_ids = fields.One2many(
        "ops.project.monthly.report.line", "report_id", string="Projects"
    )
    project_count = fields.Integer(readonly=True)
    budget_total = fields.Monetary(readonly=True)
    actual_total = fields.Monetary(readonly=True)
    built_on = fields.Datetime(readonly=True)
    # Demands (需求) of the month: received, done, evaluated and their score.
    demand_received = fields.Integer(string="Demands Received", readonly=True)
    demand_done = fields.Integer(string="Demands Done", readonly=True)
    demand_evaluated = fields.Integer(string="Demands Evaluated", readonly=True)
    demand_score_avg = fields.Float(
        string="Average Demand Score",
        readonly=True,
        digits=(3, 2),
        help="Average score (1-5) of the demands evaluated in the month.",
    )

    _sql_constraints = [
        (
            "company_month_uniq",
            "unique(company_id, month)",
            "There is already a report for this company and month.",
        ),
    ]

    @api.model
    def _ops_build(self, company, month):
        """Build (or rebuild, replacing) the report of ``company`` for ``month``.

        The number of queries does not depend on the number of projects: every
        figure comes from one grouped query over all projects of the company.
        """
        start = month.replace(day=1)
        end = start + relativedelta(months=1, days=-1)
        projects = (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("ops_is_operations", "=", True),
                    ("company_id", "=", company.id),
                    # A project created after the month is not in its report.
                    ("create_date", "<", end + relativedelta(days=1)),
                ],
                order="id",
            )
        )
        ids = projects.ids
        Milestone = self.env["project.milestone"].sudo()
        due = dict(
            Milestone._read_group(
                [
                    ("project_id", "in", ids),
                    ("deadline", ">=", start),
                    ("deadline", "<=", end),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        done = dict(
            Milestone._read_group(
                [
                    ("project_id", "in", ids),
                    ("is_reached", "=", True),
                    ("reached_date", ">=", start),
                    ("reached_date", "<=", end),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        # Late: due by the end of the month and not reached by then.
        late = dict(
            Milestone._read_group(
                [
                    ("project_id", "in", ids),
                    ("deadline", "<=", end),
                    "|",
                    ("is_reached", "=", False),
                    ("reached_date", ">", end),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        actual_month = projects._ops_actual_costs(date_to=end, date_from=start)
        actual_to_date = projects._ops_actual_costs(date_to=end)
        risks = defaultdict(dict)
        for project, level, count in (
            self.env["ops.project.risk"]
            .sudo()
            ._read_group(
                [("project_id", "in", ids), ("state", "=", "open")],
                ["project_id", "level"],
                ["__count"],
            )
        ):
            risks[project][level] = count
        changes = defaultdict(dict)
        for project, state, count in (
            self.env["ops.project.change"]
            .sudo()
            ._read_group(
                [
                    ("project_id", "in", ids),
                    ("request_date", ">=", start),
                    ("request_date", "<=", end),
                ],
                ["project_id", "state"],
                ["__count"],
            )
        ):
            changes[project][state] = count
        # Prefetch the fields read per project in a constant number of queries.
        projects.fetch(["name", "stage_id", "account_id", "user_id"])
        projects.account_id.fetch(["ops_budget"])
        lines = []
        for project in projects:
            account_id = project.account_id.id
            lines.append(
                {
                    "project_id": project.id,
                    "stage_id": project.stage_id.id or None,
                    "user_id": project.user_id.id or None,
                    "milestones_due": due.get(project, 0),
                    "milestones_done": done.get(project, 0),
                    "milestones_late": late.get(project, 0),
                    "budget": project.account_id.ops_budget,
                    "actual_month": actual_month.get(account_id, 0.0),
                    "actual_to_date": actual_to_date.get(account_id, 0.0),
                    "risks_low": risks[project].get("low", 0),
                    "risks_medium": risks[project].get("medium", 0),
                    "risks_high": risks[project].get("high", 0)
                    + risks[project].get("critical", 0),
                    "changes_count": sum(changes[project].values()),
                    "changes_approved": changes[project].get("approved", 0),
                }
            )
        report = self.sudo().search(
            [("company_id", "=", company.id), ("month", "=", start)]
        )
        vals = {
            "name": self.env._(
                "Operations report %(month)s", month=start.strftime("%Y-%m")
            ),
            "built_on": fields.Datetime.now(),
            "project_count": len(lines),
            "budget_total": sum(line["budget"] for line in lines),
            "actual_total": sum(line["actual_to_date"] for line in lines),
            **self.env["ops.demand"]._ops_month_figures(company, start, end),
        }
        if report:
            report._ops_check_not_sent()
            report.write(vals)
        else:
            report = self.sudo().create(dict(vals, company_id=company.id, month=start))
        report._ops_replace_lines(lines)
        report._ops_after_build()
        return report

    @api.model
    def _ops_build_and_store(self, company, month):
        """Build (or rebuild) the report and store its Excel and PDF files as
        attachments of the report, replacing the files of a previous build."""
        report = self._ops_build(company, month)
        report._ops_store_files()
        return report

    def _ops_replace_lines(self, lines):
        """Replace the report's lines in two statements, whatever their number
        (the ORM would insert them 100 at a time)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "DELETE FROM ops_project_monthly_report_line WHERE report_id = %s",
                self.id,
            )
        )
        if lines:
            columns = list(lines[0])
            meta = [self.id, self.company_id.id, self.env.uid, self.env.uid]
            self.env.cr.execute(
                SQL(
                    "INSERT INTO ops_project_monthly_report_line "
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
        self.env["ops.project.monthly.report.line"].invalidate_model()

    @api.model
    def _cron_build_previous_month(self):
        """Build last month's report of each company, once, and ask the
        operations managers for its commentary: they send it (a report
        already built, by this cron or by hand, is not rebuilt)."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        built = self.sudo().search([("month", "=", month)]).company_id
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        reports = self.browse()
        for company in companies - built:
            reports |= self._ops_build_and_store(company, month)
        reports._ops_ask_commentary()
        return True

    @api.model
    def _ops_report_of(self, company, month):
        """The report of ``company`` for ``month``, created empty if new (its
        figures and files are built in the background)."""
        start = month.replace(day=1)
        report = self.sudo().search(
            [("company_id", "=", company.id), ("month", "=", start)]
        )
        if not report:
            report = self.sudo().create(
                {
                    "name": self.env._(
                        "Operations report %(month)s", month=start.strftime("%Y-%m")
                    ),
                    "company_id": company.id,
                    "month": start,
                }
            )
        return report.with_env(self.env)

    def _ops_build_in_background(self):
        """Build the figures, the XLSX and the PDF as a queue job: rendering
        the PDF alone takes seconds, too long for a web request."""
        return self._ops_enqueue(
            "_ops_rebuild",
            self.env._(
                "Build of the monthly reports %(names)s",
                names=", ".join(self.mapped("name")),
            ),
        )

    def _ops_rebuild(self):
        for rec in self:
            self._ops_build_and_store(rec.company_id, rec.month)
        return True

    def action_rebuild(self):
        self._ops_check_can_build(self.company_id)
        self.check_access("write")
        self._ops_check_not_sent()
        return self._ops_build_in_background()

    def action_print_xlsx(self):
        return self.env.ref(
            "ops_project.action_report_monthly_report_xlsx"
        ).report_action(self)

    def action_print_pdf(self):
        return self.env.ref(
            "ops_project.action_report_monthly_report_pdf"
        ).report_action(self)
