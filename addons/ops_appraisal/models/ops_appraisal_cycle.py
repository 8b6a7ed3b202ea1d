# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import math
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

_logger = logging.getLogger(__name__)

# Creating thousands of appraisals must not write thousands of chatter
# messages and followers.
BULK_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class OpsAppraisalCycle(models.Model):
    """A quarterly or annual appraisal period (考核周期).

    Starting it creates one appraisal per employee in scope, with the
    indicators of the template of the employee's job position (or the
    default template). Rule for employees hired during the period: hired
    AFTER the period's midpoint → not appraised in this cycle (listed as
    skipped); hired on or before the midpoint → appraised, and the bonus is
    prorated by the days employed in the period.
    """

    _name = "ops.appraisal.cycle"
    _description = "Appraisal Cycle"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.guarded.mixin",
        "ops.appraisal.finite.mixin",
        "ops.background.mixin",
    ]
    _order = "date_end desc, id desc"
    # Moved by the Start and Close buttons only.
    _ops_server_fields = ("state", "skipped_employee_ids")
    # The appraisals copy these when the cycle starts: changing them later
    # would leave the cycle and its appraisals disagreeing.
    _ops_started_frozen_fields = (
        "company_id",
        "period_type",
        "date_start",
        "date_end",
        "base_bonus",
    )

    name = fields.Char(required=True, tracking=True)
    period_type = fields.Selection(
        selection=[("quarterly", "Quarterly"), ("annual", "Annual")],
        required=True,
        default="quarterly",
        tracking=True,
    )
    date_start = fields.Date(string="Period Start", required=True)
    date_end = fields.Date(string="Period End", required=True)
    date_deadline = fields.Date(
        string="Appraisal Deadline",
        help="Closing date of the appraisals; by default 15 days after the "
        "period end.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Empty: all departments. Sub-departments are included.",
    )
    job_ids = fields.Many2many(
        "hr.job", string="Job Positions", help="Empty: all positions."
    )
    category_ids = fields.Many2many(
        "hr.employee.category", string="Employee Tags", help="Empty: all employees."
    )
    base_bonus = fields.Monetary(
        currency_field="currency_id",
        default=lambda self: self.env.company.ops_appraisal_base_bonus,
        help="Quarterly bonus of an employee graded with coefficient 1.",
    )
    appraisal_ids = fields.One2many("hr.appraisal", "ops_cycle_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_appraisal_stats")
    average_score = fields.Float(compute="_compute_appraisal_stats", digits=(5, 2))
    bonus_total = fields.Monetary(
        compute="_compute_appraisal_stats", currency_field="currency_id"
    )
    skipped_employee_ids = fields.Many2many(
        "hr.employee",
        "ops_appraisal_cycle_skipped_rel",
        string="Not Appraised (hired late)",
        readonly=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_start <= date_end)",
            "A cycle ends after it starts.",
        ),
    ]

    @api.constrains("base_bonus")
    def _check_base_bonus(self):
        for cycle in self:
            if not (math.isfinite(cycle.base_bonus) and cycle.base_bonus >= 0):
                raise ValidationError(
                    self.env._(
                        "The base bonus of cycle “%(name)s” cannot be negative.",
                        name=cycle.name,
                    )
                )

    def write(self, vals):
        frozen = set(self._ops_started_frozen_fields).intersection(vals)
        if frozen and not self.env.su and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A started cycle keeps its company, period and base bonus; "
                    "changed: %(fields)s. Adjust an approved appraisal with HR's "
                    "adjustment instead.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(frozen)
                    ),
                )
            )
        return super().write(vals)

    @api.depends("appraisal_ids.ops_total_score", "appraisal_ids.ops_bonus_amount")
    def _compute_appraisal_stats(self):
        data = {
            cycle.id: (count, avg, total)
            for cycle, count, avg, total in self.env["hr.appraisal"]._read_group(
                [("ops_cycle_id", "in", self.ids)],
                ["ops_cycle_id"],
                ["__count", "ops_total_score:avg", "ops_bonus_amount:sum"],
            )
        }
        for cycle in self:
            count, avg, total = data.get(cycle._origin.id, (0, 0.0, 0.0))
            cycle.appraisal_count = count
            cycle.average_score = avg or 0.0
            cycle.bonus_total = total or 0.0

    @api.constrains("period_type", "date_start", "date_end")
    def _check_overlap(self):
        for cycle in self:
            if self.search_count(
                [
                    ("id", "!=", cycle.id),
                    ("company_id", "=", cycle.company_id.id),
                    ("period_type", "=", cycle.period_type),
                    ("date_start", "<=", cycle.date_end),
                    ("date_end", ">=", cycle.date_start),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "Cycle “%(name)s” overlaps another cycle of the same kind.",
                        name=cycle.name,
                    )
                )

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    def _ops_employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.job_ids:
            domain.append(("job_id", "in", self.job_ids.ids))
        if self.category_ids:
            domain.append(("category_ids", "in", self.category_ids.ids))
        return domain

    def _ops_midpoint(self):
        self.ensure_one()
        return self.date_start + (self.date_end - self.date_start) / 2

    def _ops_prorata(self, hire_date):
        """Share of the period employed, for a hire on or before the midpoint."""
        self.ensure_one()
        if not hire_date or hire_date <= self.date_start:
            return 1.0
        period_days = (self.date_end - self.date_start).days + 1
        return round(((self.date_end - hire_date).days + 1) / period_days, 4)

    def _ops_check_hr(self):
        if not self.env.su and not self.env["hr.appraisal"]._ops_user_is_hr():
            raise AccessError(
                self.env._("Only HR may start, close or export appraisal cycles.")
            )
        # Record rules: HR of another company does not reach this cycle.
        self.check_access("write")

    def action_start(self):
        """Start the cycles: their appraisals are created at once for a few
        hundred employees, in the background (queue job) beyond that."""
        self._ops_check_hr()
        for cycle in self:
            if cycle.state == "closed":
                raise UserError(
                    self.env._("Cycle “%(name)s” is closed.", name=cycle.name)
                )
        self._ops_check_not_running()
        size = sum(
            self.env["hr.employee"].sudo().search_count(c.sudo()._ops_employee_domain())
            for c in self
        )
        return self._ops_run_or_enqueue(
            "_ops_start",
            self.env._(
                "Start of the appraisal cycle %(names)s",
                names=", ".join(self.mapped("name")),
            ),
            size,
        )

    def _ops_start(self):
        for cycle in self:
            cycle.sudo()._ops_generate_appraisals()
        as_server(self.filtered(lambda c: c.state == "draft")).write(
            {"state": "in_progress"}
        )
        return True

    def _ops_copy_indicator_translations(self, appraisals):
        """Give the new indicators every translation of their template's
        (create() only writes the current language): one statement."""
        if not appraisals:
            return
        self.env.flush_all()
        self.env.cr.execute(
            """UPDATE ops_appraisal_line line
                  SET name = tmpl.name, description = tmpl.description
                 FROM ops_appraisal_template_line tmpl
                WHERE line.template_line_id = tmpl.id
                  AND line.appraisal_id IN %s""",
            [tuple(appraisals.ids)],
        )
        self.env["ops.appraisal.line"].invalidate_model(["name", "description"])

    def _ops_generate_appraisals(self):
        """Create the missing appraisals of the cycle in one batch.

        Idempotent: employees who already have an appraisal in the cycle
        are left alone (and the SQL constraint forbids a duplicate).
        """
        self.ensure_one()
        Appraisal = self.env["hr.appraisal"].with_context(active_test=False)
        done = {
            employee.id
            for [employee] in Appraisal._read_group(
                [("ops_cycle_id", "=", self.id)], ["employee_id"]
            )
        }
        self._ops_check_grade_bands()
        employees = self.env["hr.employee"].search(self._ops_employee_domain())
        templates = self.env["ops.appraisal.template"]._ops_template_by_job(
            self.company_id
        )
        midpoint = self._ops_midpoint()
        deadline = self.date_deadline or self.date_end + timedelta(days=15)
        skipped = self.env["hr.employee"]
        no_template = self.env["hr.employee"]
        vals_list = []
        for employee in employees:
            if employee.id in done:
                continue
            hire_date = employee.ops_hire_date
            if hire_date and hire_date > midpoint:
                skipped |= employee
                continue
            template = templates.get(employee.job_id.id) or templates.get(False)
            if not template:
                no_template |= employee
                continue
            self_assess = template.self_assessment and employee.user_id
            vals_list.append(
                {
                    "employee_id": employee.id,
                    "ops_cycle_id": self.id,
                    "ops_template_id": template.id,
                    "date_close": deadline,
                    "state": "2_pending",
                    "ops_state": "self_assessment" if self_assess else "manager_review",
                    "ops_base_bonus": self.base_bonus,
                    "ops_prorata": self._ops_prorata(hire_date),
                    "manager_ids": [Command.set(employee.parent_id.ids)],
                    "ops_line_ids": [
                        Command.create(
                            {
                                "sequence": line.sequence,
                                "template_line_id": line.id,
                                "name": line.name,
                                "dimension": line.dimension,
                                "weight": line.weight,
                                "description": line.description,
                            }
                        )
                        for line in template.line_ids
                    ],
                }
            )
        if not done and not vals_list:
            raise UserError(self._ops_nothing_to_create_reason(employees, no_template))
        appraisals = (
            Appraisal._ops_flow().with_context(**BULK_CONTEXT).create(vals_list)
        )
        self._ops_copy_indicator_translations(appraisals)
        if skipped:
            as_server(self).skipped_employee_ids = [Command.link(e.id) for e in skipped]
        if appraisals:
            self.message_post(
                body=self.env._("%(count)s appraisals created.", count=len(appraisals))
            )
        if no_template:
            self.message_post(
                body=self._ops_no_template_message(no_template),
                subtype_xmlid="mail.mt_note",
            )
        return appraisals

    def _ops_check_grade_bands(self):
        self.ensure_one()
        if not self.env["ops.appraisal.grade"]._ops_bands(self.company_id):
            raise UserError(
                self.env._(
                    "%(company)s has no grade bands: define them (Appraisal → "
                    "Configuration → Grade Bands) before starting cycle "
                    "“%(name)s”.",
                    company=self.company_id.name,
                    name=self.name,
                )
            )

    def _ops_no_template_message(self, employees):
        return self.env._(
            "No KPI template of %(company)s applies to %(employees)s: add a "
            "template for their job positions, or a default template.",
            company=self.company_id.name,
            employees=", ".join(employees.mapped("name")),
        )

    def _ops_nothing_to_create_reason(self, employees, no_template):
        """Why starting this cycle would create no appraisal at all."""
        self.ensure_one()
        if not employees:
            return self.env._(
                "Cycle “%(name)s” would create no appraisal: no employee of "
                "%(company)s is in its scope (departments, job positions, tags).",
                name=self.name,
                company=self.company_id.name,
            )
        if no_template:
            return self.env._(
                "Cycle “%(name)s” would create no appraisal. %(reason)s",
                name=self.name,
                reason=self._ops_no_template_message(no_template),
            )
        return self.env._(
            "Cycle “%(name)s” would create no appraisal: every employee in its "
            "scope was hired after the middle of the period.",
            name=self.name,
        )

    def action_close(self):
        self._ops_check_hr()
        for cycle in self:
            if cycle.state != "in_progress":
                raise UserError(
                    self.env._(
                        "Only a cycle in progress can be closed (“%(name)s”).",
                        name=cycle.name,
                    )
                )
        as_server(self).write({"state": "closed"})
        return True

    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_appraisal.hr_appraisal_action_ops"
        )
        action["domain"] = [("ops_cycle_id", "=", self.id)]
        action["context"] = {"default_ops_cycle_id": self.id}
        return action

    def action_export_bonus(self):
        self._ops_check_hr()
        return self.env.ref(
            "ops_appraisal.action_report_cycle_bonus_xlsx"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    @api.model
    def _ops_last_periods(self, today):
        """(type, start, end) of the quarter and year ending before ``today``."""
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last_q_end = quarter_start - timedelta(days=1)
        last_q_start = quarter_start - relativedelta(months=3)
        last_y_end = date(today.year - 1, 12, 31)
        return [
            ("quarterly", last_q_start, last_q_end),
            ("annual", date(today.year - 1, 1, 1), last_y_end),
        ]

    @api.model
    def _cron_start_cycles(self, today=None):
        """At period end: create the cycle of the period just ended (if the
        company wants it and it ended less than a month ago), then start
        every draft cycle whose period is over. Running it twice creates
        nothing twice."""
        today = today or fields.Date.context_today(self)
        Employee = self.env["hr.employee"]
        for company in self.env["res.company"].search(
            [("ops_appraisal_auto_cycle", "=", True)]
        ):
            # A company without staff (e.g. a holding) gets no empty cycles.
            if not Employee.search_count([("company_id", "=", company.id)], limit=1):
                continue
            for period_type, start, end in self._ops_last_periods(today):
                if (today - end).days > 31:
                    continue
                if self.search_count(
                    [
                        ("company_id", "=", company.id),
                        ("period_type", "=", period_type),
                        ("date_start", "<=", end),
                        ("date_end", ">=", start),
                    ]
                ):
                    continue
                if period_type == "quarterly":
                    name = self.env._(
                        "%(year)s Q%(quarter)s",
                        year=start.year,
                        quarter=(start.month - 1) // 3 + 1,
                    )
                else:
                    name = self.env._("%(year)s Annual", year=start.year)
                self.create(
                    {
                        "name": name,
                        "period_type": period_type,
                        "date_start": start,
                        "date_end": end,
                        "company_id": company.id,
                        "base_bonus": company.ops_appraisal_base_bonus,
                    }
                )
        due = self.search([("state", "=", "draft"), ("date_end", "<", today)])
        for cycle in due:
            # One cycle that cannot start (no template, no bands...) must not
            # stop the others; HR sees the reason when starting it by hand.
            try:
                with self.env.cr.savepoint():
                    cycle.action_start()
            except UserError as error:
                _logger.warning("Cycle %s not started: %s", cycle.display_name, error)
        return True
