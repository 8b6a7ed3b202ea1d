# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The merchandising cadence as duties the crons create once.

A duty (weekly store visit of a specialist, monthly analysis of a company) is
unique per kind, person, company and period: running a cron twice, or on two
servers at once, creates it — and its activity — once.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

VISIT_DUE_WEEKDAY = 4  # Friday
ANALYSIS_DUE_DAY = 5  # the monthly analysis is due by the 5th


class OpsStoreDuty(models.Model):
    _name = "ops.store.duty"
    _description = "Merchandising Duty"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "deadline desc, id desc"

    _ops_server_fields = ("state", "escalated_on", "done_date")

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [
            ("weekly_visit", "Weekly Store Visit"),
            ("monthly_analysis", "Monthly Analysis and Summary"),
        ],
        required=True,
        readonly=True,
    )
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    period_start = fields.Date(required=True, readonly=True)
    deadline = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")], default="open", readonly=True, index=True
    )
    done_date = fields.Datetime(readonly=True)
    escalated_on = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "duty_uniq",
            "unique(kind, user_id, company_id, period_start)",
            "This duty already exists for the period.",
        )
    ]

    @api.depends("kind", "user_id", "period_start")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for duty in self:
            duty.name = (
                f"{labels.get(duty.kind, '')} {duty.user_id.name or ''} "
                f"{duty.period_start or ''}"
            )

    @api.model
    def _ops_create_with_activities(self, vals_list, activity_xmlid, summary):
        """Create the missing duties and one activity each, in two queries."""
        if not vals_list:
            return self.browse()
        duties = self.sudo().create(vals_list)
        activity_type = self.env.ref(activity_xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": duty.id,
                    "activity_type_id": activity_type.id,
                    "user_id": duty.user_id.id,
                    "date_deadline": duty.deadline,
                    "summary": summary,
                }
                for duty in duties
            ]
        )
        return duties

    @api.model
    def _ops_specialists(self):
        # the specialists, not the managers above them (who imply the group)
        group = self.env.ref("ops_store.group_ops_store_merchandiser").sudo()
        managers = self.env.ref("ops_store.group_ops_store_manager").sudo()
        return (group.users - managers.users).filtered(
            lambda u: u.active and not u.share
        )

    @api.model
    def _cron_weekly_visits(self, today=None):
        """From Friday, each specialist without a visit report this week gets
        a duty with an activity — once."""
        today = today or fields.Date.context_today(self)
        if today.weekday() < VISIT_DUE_WEEKDAY:
            return True
        week_start = today - timedelta(days=today.weekday())
        specialists = self._ops_specialists()
        visited = {
            user.id
            for [user] in self.env["ops.store.visit"]
            .sudo()
            ._read_group(
                [
                    ("kind", "=", "merchandising"),
                    ("state", "=", "done"),
                    ("date", ">=", week_start),
                    ("date", "<=", week_start + timedelta(days=6)),
                    ("user_id", "in", specialists.ids),
                ],
                ["user_id"],
            )
        }
        existing = set(
            self.sudo()
            .search(
                [
                    ("kind", "=", "weekly_visit"),
                    ("period_start", "=", week_start),
                    ("user_id", "in", specialists.ids),
                ]
            )
            .mapped("user_id")
            .ids
        )
        vals_list = [
            {
                "kind": "weekly_visit",
                "user_id": user.id,
                "company_id": user.company_id.id,
                "period_start": week_start,
                "deadline": week_start + timedelta(days=VISIT_DUE_WEEKDAY),
            }
            for user in specialists
            if user.id not in visited and user.id not in existing
        ]
        self._ops_create_with_activities(
            vals_list,
            "ops_store.activity_weekly_visit",
            self.env._(
                "Visit at least one store this week and record the visit report."
            ),
        )
        return True

    @api.model
    def _ops_fulfil_visits(self, visits):
        """A done merchandising visit fulfils its visitor's week."""
        for visit in visits.filtered(lambda v: v.kind == "merchandising"):
            week_start = visit.date - timedelta(days=visit.date.weekday())
            duties = self.sudo().search(
                [
                    ("kind", "=", "weekly_visit"),
                    ("user_id", "=", visit.user_id.id),
                    ("period_start", "=", week_start),
                    ("state", "=", "open"),
                ]
            )
            duties._ops_done()
        return True

    def _ops_done(self):
        if self:
            self.sudo().write({"state": "done", "done_date": fields.Datetime.now()})
            self.sudo().activity_ids.action_feedback(feedback=self.env._("Done."))
        return True

    @api.model
    def _cron_monthly_analysis(self, today=None):
        """The monthly analysis of last month is due by the 5th: a duty and
        an activity for the merchandising manager once; after the 5th, one
        escalation to the management department director."""
        today = today or fields.Date.context_today(self)
        period = (today - relativedelta(months=1)).replace(day=1)
        deadline = today.replace(day=ANALYSIS_DUE_DAY)
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("ops_store_merch_manager_id", "!=", False)])
        )
        submitted = {
            company.id
            for [company] in self.env["ops.store.analysis"]
            .sudo()
            ._read_group(
                [
                    ("kind", "=", "monthly"),
                    ("state", "=", "submitted"),
                    ("period_start", "=", period),
                    ("company_id", "in", companies.ids),
                ],
                ["company_id"],
            )
        }
        duties = self.sudo().search(
            [
                ("kind", "=", "monthly_analysis"),
                ("period_start", "=", period),
                ("company_id", "in", companies.ids),
            ]
        )
        has_duty = set(duties.company_id.ids)
        vals_list = [
            {
                "kind": "monthly_analysis",
                "user_id": company.ops_store_merch_manager_id.id,
                "company_id": company.id,
                "period_start": period,
                "deadline": deadline,
            }
            for company in companies
            if company.id not in submitted and company.id not in has_duty
        ]
        self._ops_create_with_activities(
            vals_list,
            "ops_store.activity_monthly_analysis",
            self.env._(
                "Write and submit last month's analysis and summary by the 5th."
            ),
        )
        if today > deadline:
            late = duties.filtered(
                lambda d: d.state == "open"
                and not d.escalated_on
                and d.company_id.id not in submitted
                and d.company_id.ops_store_director_id
            )
            if late:
                activity_type = self.env.ref("ops_store.activity_monthly_analysis")
                model_id = self.env["ir.model"]._get_id(self._name)
                self.env["mail.activity"].sudo().create(
                    [
                        {
                            "res_model_id": model_id,
                            "res_id": duty.id,
                            "activity_type_id": activity_type.id,
                            "user_id": duty.company_id.ops_store_director_id.id,
                            "date_deadline": today,
                            "summary": self.env._(
                                "Escalation: the monthly analysis of %(user)s is "
                                "overdue (due on the 5th).",
                                user=duty.user_id.name,
                            ),
                        }
                        for duty in late
                    ]
                )
                late.write({"escalated_on": today})
        return True
