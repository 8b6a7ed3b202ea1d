# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

# Links that make the campaign's KPIs read CRM revenue and analytic costs
# with sudo: set by the server, operations managers or finance only.
LINK_FIELDS = ("utm_campaign_id", "analytic_account_id")
LINK_GROUPS = ("ops_base.group_ops_manager", "ops_base.group_ops_finance")


def check_campaign_readable(records):
    """Refuse ``records`` pointing at a campaign the user cannot read: they
    would show the campaign's name back (content, wizards). Checked on the
    records written, so a ``default_campaign_id`` context key counts too."""
    if not is_server(records):
        records.campaign_id.check_access("read")


# Actual cost: the accounting's (analytic lines) when there is any, otherwise
# the spend the channels reported in the daily metrics (issue 12).
COST_SOURCES = [
    ("analytic", "Analytic Accounting"),
    ("reported", "Reported Spend"),
    ("none", "No Cost Yet"),
]


def safe_ratio(numerator, denominator, factor=100.0):
    """numerator / denominator × factor, 0 when the denominator is 0."""
    if not denominator:
        return 0.0
    return numerator / denominator * factor


class OpsMarketingCampaign(models.Model):
    """Promotion campaign (推广活动): planned, approved, run, then evaluated."""

    _name = "ops.marketing.campaign"
    _description = "Marketing Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.tier.validation",
        "ops.marketing.number.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _state_from = ["approval"]
    _state_to = ["running"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("approval", "cancel"),
        # back to draft to change the plan before it runs
        "approval": ("running", "draft", "cancel"),
        # back to approval: budget change request (action_request_change)
        "running": ("ended", "approval", "cancel"),
        "ended": ("evaluated",),
        "cancel": ("draft",),
    }
    # What the approvers decided on. Daily metrics, participants, the plan's
    # text and the accounting links stay editable while the campaign runs.
    _ops_frozen_fields = (
        "name",
        "theme",
        "brand_id",
        "user_id",
        "department_id",
        "company_id",
        "date_start",
        "date_end",
        "place",
        "campaign_form",
        "channel_ids",
        "budget",
        "target_impressions",
        "target_clicks",
        "target_conversions",
        "target_followers",
        "target_leads",
        "target_revenue",
        "channel_target_ids",
    )
    _ops_server_fields = (
        "evaluation_date",
        "eval_impressions",
        "eval_clicks",
        "eval_ctr",
        "eval_conversions",
        "eval_conversion_rate",
        "eval_followers",
        "eval_lead_count",
        "eval_won_revenue",
        "eval_cost",
        "eval_reported_spend",
        "eval_cost_source",
        "eval_roi",
        "last_reminder_date",
    )
    _ops_marketing_number_fields = (
        "budget",
        "target_impressions",
        "target_clicks",
        "target_conversions",
        "target_followers",
        "target_leads",
        "target_revenue",
    )

    name = fields.Char(string="Campaign", required=True, tracking=True)
    theme = fields.Char(tracking=True)
    brand_id = fields.Many2one(
        "res.brand", required=True, index=True, tracking=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        required=True,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        default=lambda self: self.env.user.employee_id.department_id,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    place = fields.Char()
    campaign_form = fields.Selection(
        [
            ("online", "Online"),
            ("offline", "Offline"),
            ("mixed", "Online and Offline"),
            ("launch", "New Product Launch"),
        ],
        string="Form",
        default="online",
        required=True,
    )
    channel_ids = fields.Many2many(
        "ops.marketing.channel", string="Channels", check_company=True
    )
    participant_ids = fields.Many2many(
        "res.users",
        "ops_marketing_campaign_participant_rel",
        "campaign_id",
        "user_id",
        string="Participants",
    )
    description = fields.Html(string="Plan")
    budget = fields.Monetary(tracking=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        copy=False,
        help="Costs booked on this analytic account (in the campaign's company) "
        "are the campaign's actual cost. One account per campaign.",
    )
    utm_campaign_id = fields.Many2one(
        "utm.campaign",
        string="UTM Campaign",
        copy=False,
        help="Leads and opportunities carrying this UTM campaign are attributed "
        "to this campaign. One UTM campaign per campaign.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approval", "Approval"),
            ("running", "Running"),
            ("ended", "Ended"),
            ("evaluated", "Evaluated"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    needs_gm_approval = fields.Boolean(
        string="Needs General Manager",
        compute="_compute_needs_gm_approval",
    )
    # Targets
    target_impressions = fields.Integer()
    target_clicks = fields.Integer()
    target_conversions = fields.Integer()
    target_followers = fields.Integer(string="Target Follower Growth")
    target_leads = fields.Integer()
    target_revenue = fields.Monetary()
    # Actuals (batched, see _compute_kpis)
    impressions = fields.Integer(compute="_compute_kpis")
    clicks = fields.Integer(compute="_compute_kpis")
    conversions = fields.Integer(compute="_compute_kpis")
    followers = fields.Integer(string="Follower Growth", compute="_compute_kpis")
    ctr = fields.Float(string="CTR (%)", compute="_compute_kpis", digits=(16, 2))
    conversion_rate = fields.Float(
        string="Conversion Rate (%)", compute="_compute_kpis", digits=(16, 2)
    )
    lead_count = fields.Integer(string="Leads", compute="_compute_kpis")
    won_revenue = fields.Monetary(compute="_compute_kpis")
    cost = fields.Monetary(
        string="Actual Cost",
        compute="_compute_kpis",
        help="The analytic account's costs when it has any, otherwise the spend "
        "reported in the daily metrics.",
    )
    reported_spend = fields.Monetary(compute="_compute_kpis")
    cost_source = fields.Selection(
        COST_SOURCES,
        compute="_compute_kpis",
        help="Where the actual cost (and the ROI) comes from.",
    )
    roi = fields.Float(string="ROI (%)", compute="_compute_kpis", digits=(16, 2))
    channel_target_ids = fields.One2many(
        "ops.marketing.campaign.channel", "campaign_id", string="Channel Targets"
    )
    metric_ids = fields.One2many(
        "ops.marketing.metric", "campaign_id", string="Metrics"
    )
    content_ids = fields.One2many(
        "ops.marketing.content", "campaign_id", string="Publicity Content"
    )
    # Evaluation (活动总结和评估)
    evaluation_summary = fields.Html(string="Summary")
    evaluation_lessons = fields.Html(string="Lessons Learned")
    evaluation_date = fields.Date(readonly=True, copy=False)
    # KPI actuals recorded when the evaluation is closed: later leads or costs
    # do not rewrite the evaluated results.
    eval_impressions = fields.Integer(
        string="Evaluated Impressions", readonly=True, copy=False
    )
    eval_clicks = fields.Integer(string="Evaluated Clicks", readonly=True, copy=False)
    eval_ctr = fields.Float(
        string="Evaluated CTR (%)", readonly=True, copy=False, digits=(16, 2)
    )
    eval_conversions = fields.Integer(
        string="Evaluated Conversions", readonly=True, copy=False
    )
    eval_conversion_rate = fields.Float(
        string="Evaluated Conversion Rate (%)",
        readonly=True,
        copy=False,
        digits=(16, 2),
    )
    eval_followers = fields.Integer(
        string="Evaluated Follower Growth", readonly=True, copy=False
    )
    eval_lead_count = fields.Integer(
        string="Evaluated Leads", readonly=True, copy=False
    )
    eval_won_revenue = fields.Monetary(
        string="Evaluated Won Revenue", readonly=True, copy=False
    )
    eval_cost = fields.Monetary(string="Evaluated Cost", readonly=True, copy=False)
    eval_reported_spend = fields.Monetary(
        string="Evaluated Reported Spend", readonly=True, copy=False
    )
    eval_cost_source = fields.Selection(
        COST_SOURCES, string="Evaluated Cost Source", readonly=True, copy=False
    )
    eval_roi = fields.Float(
        string="Evaluated ROI (%)", readonly=True, copy=False, digits=(16, 2)
    )
    last_reminder_date = fields.Date(
        string="Last Evaluation Reminder", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end >= date_start)",
            "A campaign cannot end before it starts.",
        ),
        ("budget_positive", "CHECK(budget >= 0)", "The budget cannot be negative."),
        # NULLs are distinct in PostgreSQL: only set links must be unique.
        (
            "utm_campaign_uniq",
            "UNIQUE(utm_campaign_id)",
            "Another campaign already uses this UTM campaign: its leads and "
            "revenue would be counted twice. Choose another UTM campaign.",
        ),
        (
            "analytic_account_uniq",
            "UNIQUE(analytic_account_id)",
            "Another campaign already uses this analytic account: its costs "
            "would be counted twice. Choose another analytic account.",
        ),
    ]

    @api.depends("budget", "company_id.ops_campaign_gm_threshold")
    def _compute_needs_gm_approval(self):
        for campaign in self:
            campaign.needs_gm_approval = (
                campaign.budget > campaign.company_id.ops_campaign_gm_threshold
            )

    @api.model
    def _ops_kpi_values(self, campaign_ids):
        """KPI actuals of many campaigns in a fixed number of queries.

        Returns {campaign_id: {field: value}}; costs and revenues are read with
        sudo, as marketing users are not accountants nor salespeople.
        """
        campaigns = self.browse(campaign_ids)
        result = {cid: self._ops_kpi_zero() for cid in campaign_ids}
        if not campaign_ids:
            return result
        for campaign, imp, clicks, conv, foll, spend in (
            self.env["ops.marketing.metric"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", campaign_ids)],
                ["campaign_id"],
                [
                    "impressions:sum",
                    "clicks:sum",
                    "conversions:sum",
                    "followers:sum",
                    "cost:sum",
                ],
            )
        ):
            result[campaign.id].update(
                impressions=imp,
                clicks=clicks,
                conversions=conv,
                followers=foll,
                reported_spend=spend,
            )
        links = campaigns.sudo().read(
            ["utm_campaign_id", "analytic_account_id", "company_id"]
        )
        by_utm, by_account, companies = {}, {}, set()
        for row in links:
            company_id = row["company_id"][0]
            companies.add(company_id)
            if row["utm_campaign_id"]:
                by_utm.setdefault(row["utm_campaign_id"][0], []).append(
                    (row["id"], company_id)
                )
            if row["analytic_account_id"]:
                # Costs only count in the campaign's own company: an analytic
                # account without company is shared by every company.
                key = (row["analytic_account_id"][0], company_id)
                by_account.setdefault(key, []).append(row["id"])
        if by_utm:
            self._ops_kpi_add_leads(result, by_utm, companies)
        if by_account:
            for account, company, amount in (
                self.env["account.analytic.line"]
                .sudo()
                ._read_group(
                    [
                        ("account_id", "in", list({key[0] for key in by_account})),
                        ("company_id", "in", list(companies)),
                        ("amount", "<", 0),
                    ],
                    ["account_id", "company_id"],
                    ["amount:sum"],
                )
            ):
                for cid in by_account.get((account.id, company.id), []):
                    result[cid]["cost"] = -amount
        for values in result.values():
            if values["cost"]:
                values["cost_source"] = "analytic"
            elif values["reported_spend"]:
                values["cost"] = values["reported_spend"]
                values["cost_source"] = "reported"
            values["ctr"] = safe_ratio(values["clicks"], values["impressions"])
            values["conversion_rate"] = safe_ratio(
                values["conversions"], values["clicks"]
            )
            values["roi"] = safe_ratio(
                values["won_revenue"] - values["cost"], values["cost"]
            )
        return result

    def _ops_result_values(self):
        """{campaign id: KPI values} as reported: an evaluated campaign's are
        those recorded when its evaluation closed, the others' live."""
        evaluated = self.filtered(lambda c: c.state == "evaluated")
        result = self._ops_kpi_values((self - evaluated).ids)
        for campaign in evaluated:
            result[campaign.id] = {
                key: campaign[f"eval_{key}"] for key in self._ops_kpi_zero()
            }
        return result

    @api.model
    def _ops_kpi_add_leads(self, result, by_utm, companies):
        """Add lead counts and won revenue to ``result`` in two queries.

        ``by_utm`` maps a UTM campaign id to its [(campaign id, company id)];
        leads of the campaign's company, or of no company, count.
        """
        lead_domain = [
            ("campaign_id", "in", list(by_utm)),
            ("company_id", "in", [*companies, False]),
        ]
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        for utm, company, count in Lead._read_group(
            lead_domain, ["campaign_id", "company_id"], ["__count"]
        ):
            for cid, company_id in by_utm[utm.id]:
                if not company or company.id == company_id:
                    result[cid]["lead_count"] += count
        # Won opportunities are active and in a won stage; lost ones are
        # archived and never count.
        for utm, company, revenue in Lead._read_group(
            lead_domain + [("stage_id.is_won", "=", True), ("active", "=", True)],
            ["campaign_id", "company_id"],
            ["expected_revenue:sum"],
        ):
            for cid, company_id in by_utm[utm.id]:
                if not company or company.id == company_id:
                    result[cid]["won_revenue"] += revenue

    @api.model
    def _ops_kpi_zero(self):
        return {
            "impressions": 0,
            "clicks": 0,
            "conversions": 0,
            "followers": 0,
            "lead_count": 0,
            "won_revenue": 0.0,
            "cost": 0.0,
            "reported_spend": 0.0,
            "cost_source": "none",
            "ctr": 0.0,
            "conversion_rate": 0.0,
            "roi": 0.0,
        }

    def _compute_kpis(self):
        values = self._ops_kpi_values(self.filtered("id").ids)
        for campaign in self:
            campaign.update(values.get(campaign.id) or self._ops_kpi_zero())

    # ------------------------------------------------------------------
    # Workflow: every action checks who acts, then moves the state through
    # the engine (_ops_set_state); a client cannot write the state itself.
    # ------------------------------------------------------------------
    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "message_main_attachment_id",
            "participant_ids",
            "description",
        ]

    @api.model
    def _get_all_validation_exceptions(self):
        # What stays open once approved (the form's own readonly conditions
        # say in which states): without them, tier validation makes the whole
        # form read-only after approval and a running campaign's daily
        # metrics could not be entered on it. The engine's frozen fields and
        # the metric's own rules still apply on the server.
        return super()._get_all_validation_exceptions() + [
            "metric_ids",
            "participant_ids",
            "description",
            "evaluation_summary",
            "evaluation_lessons",
        ]

    def action_ops_kpi_graph(self):
        """The campaign's daily KPIs as a graph (and pivot, list)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_marketing.ops_marketing_metric_action"
        )
        graph = self.env.ref("ops_marketing.ops_marketing_metric_view_graph")
        action.update(
            {
                "name": self.env._("KPIs of %(name)s", name=self.display_name),
                "domain": [("campaign_id", "=", self.id)],
                "context": {"default_campaign_id": self.id},
                "view_mode": "graph,pivot,list",
                "views": [(graph.id, "graph"), (False, "pivot"), (False, "list")],
            }
        )
        return action

    def _ops_may_run(self, user):
        """Owner, a manager of the campaign's department or of a department
        above it, or an executive; an operations manager only for a campaign
        without department."""
        self.ensure_one()
        if self.user_id == user or user.has_group("ops_base.group_ops_executive"):
            return True
        department = self.sudo().department_id
        if not department:
            return user.has_group("ops_base.group_ops_manager")
        while department:
            if department.manager_id.user_id == user:
                return True
            department = department.parent_id
        return False

    def _ops_check_owner_or_manager(self):
        """Only who may run a campaign's workflow acts on it: a manager of
        another department does not steer this one."""
        if self.env.su:
            return True
        others = self.filtered(lambda c: not c._ops_may_run(self.env.user))
        if others:
            raise AccessError(
                self.env._(
                    "Only the owner of “%(name)s”, a manager of its department "
                    "or an executive may do this.",
                    name=others[0].display_name,
                )
            )
        return True

    def _ops_check_link_rights(self):
        if not any(self.env.user.has_group(group) for group in LINK_GROUPS):
            raise AccessError(
                self.env._(
                    "Only operations managers and finance link a campaign to a "
                    "UTM campaign or an analytic account: their leads, revenue "
                    "and costs become the campaign's results."
                )
            )

    def _ops_check_utm_history(self):
        """A UTM campaign already carrying leads from before the campaign
        would count someone else's leads and revenue as this campaign's."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        for campaign in self.filtered("utm_campaign_id"):
            start = datetime.combine(campaign.date_start, time.min)
            if Lead.search_count(
                [
                    ("campaign_id", "=", campaign.utm_campaign_id.id),
                    ("create_date", "<", start),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The UTM campaign “%(utm)s” has leads from before "
                        "“%(name)s” started: they are not this campaign's "
                        "results. Choose a new UTM campaign.",
                        utm=campaign.utm_campaign_id.display_name,
                        name=campaign.display_name,
                    )
                )

    def _ops_create_links(self):
        """Each new campaign gets its own UTM campaign and, when an analytic
        plan exists, its own analytic account, made by the server."""
        plan = (
            self.env["account.analytic.plan"]
            .sudo()
            .search([("parent_id", "=", False)], limit=1)
        )
        for campaign in self:
            vals = {}
            if not campaign.utm_campaign_id:
                vals["utm_campaign_id"] = (
                    self.env["utm.campaign"].sudo().create({"name": campaign.name}).id
                )
            if not campaign.analytic_account_id and plan:
                vals["analytic_account_id"] = (
                    self.env["account.analytic.account"]
                    .sudo()
                    .create(
                        {
                            "name": campaign.name,
                            "plan_id": plan.id,
                            "company_id": campaign.company_id.id,
                        }
                    )
                    .id
                )
            if vals:
                as_server(campaign).write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server(self) and any(
            vals.get(f) or self.env.context.get(f"default_{f}")
            for vals in vals_list
            for f in LINK_FIELDS
        ):
            self._ops_check_link_rights()
        campaigns = super().create(vals_list)
        if not is_server(self):
            campaigns._ops_check_utm_history()
        campaigns._ops_create_links()
        return campaigns

    def _ops_check_campaign_write(self, vals):
        """Rules of a user's write that the engine does not know about."""
        links = [
            f
            for f in LINK_FIELDS
            if f in vals and any(c[f].id != (vals[f] or False) for c in self)
        ]
        if links:
            self._ops_check_link_rights()
            if any(c.state in ("ended", "evaluated") for c in self):
                raise UserError(
                    self.env._(
                        "The campaign has ended: its UTM campaign and analytic "
                        "account are those its results were measured on and "
                        "no longer change."
                    )
                )
        if "description" in vals and any(c.state == "evaluated" for c in self):
            raise UserError(
                self.env._(
                    "The campaign is evaluated: its plan is part of the closed "
                    "evaluation and no longer changes."
                )
            )
        if "user_id" in vals and any(c.user_id.id != vals["user_id"] for c in self):
            # A colleague cannot take over a campaign to run its workflow.
            self._ops_check_owner_or_manager()

    def write(self, vals):
        if not is_server(self):
            self._ops_check_campaign_write(vals)
        # The engine refuses approved values in any state after draft; a
        # running campaign has its own way to change them: say which.
        if not is_server(self) and any(c.state == "running" for c in self):
            frozen = [f for f in self._ops_frozen_fields if f in vals]
            running = self.filtered(lambda c: c.state == "running")
            if frozen:
                raise UserError(
                    self.env._(
                        "“%(name)s” is running with its approved %(fields)s. Use "
                        "“Request Budget Change” to send the new values for "
                        "approval with your reason.",
                        name=running[0].display_name,
                        fields=", ".join(
                            self._fields[f]._description_string(self.env)
                            for f in frozen
                        ),
                    )
                )
        # The evaluation is closed with its summary: like the KPI actuals
        # recorded then, it no longer changes.
        if (
            {"evaluation_summary", "evaluation_lessons"} & set(vals)
            and not is_server(self)
            and any(c.state == "evaluated" for c in self)
        ):
            raise UserError(
                self.env._(
                    "The evaluation of this campaign is closed: its summary and "
                    "lessons can no longer be changed."
                )
            )
        res = super().write(vals)
        if "utm_campaign_id" in vals and not is_server(self):
            self._ops_check_utm_history()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        # An approved campaign is part of the marketing record (its budget was
        # granted, its results evaluated): it is cancelled, never deleted.
        if any(c.state not in ("draft", "cancel") for c in self):
            raise UserError(
                self.env._(
                    "Only a draft or cancelled campaign can be deleted; cancel "
                    "it instead."
                )
            )

    def action_request_approval(self):
        self._ops_check_owner_or_manager()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(
                    self.env._("Only a draft campaign can be sent for approval.")
                )
        self._ops_set_state("approval")
        self.request_validation()
        return True

    def action_start(self):
        self._ops_check_owner_or_manager()
        for campaign in self:
            if campaign.state != "approval":
                raise UserError(
                    self.env._("Only an approved campaign can be launched.")
                )
            if campaign.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "The campaign “%(name)s” is not approved yet.",
                        name=campaign.display_name,
                    )
                )
        return self._ops_set_state("running")

    def action_end(self):
        self._ops_check_owner_or_manager()
        if any(c.state != "running" for c in self):
            raise UserError(self.env._("Only a running campaign can be ended."))
        today = fields.Date.context_today(self)
        for campaign in self:
            vals = {}
            if campaign.date_end > today:
                vals["date_end"] = max(today, campaign.date_start)
            campaign._ops_set_state("ended", vals)
        return True

    def action_evaluate(self):
        self._ops_check_owner_or_manager()
        for campaign in self:
            if campaign.state != "ended":
                raise UserError(self.env._("Only an ended campaign can be evaluated."))
            if not (
                campaign.evaluation_summary
                and campaign.evaluation_summary.striptags().strip()
                and campaign.evaluation_lessons
                and campaign.evaluation_lessons.striptags().strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Write the summary and the lessons learned of “%(name)s” "
                        "before closing its evaluation.",
                        name=campaign.display_name,
                    )
                )
        kpis = self._ops_kpi_values(self.ids)
        today = fields.Date.context_today(self)
        for campaign in self:
            values = kpis[campaign.id]
            campaign._ops_set_state(
                "evaluated",
                {
                    "evaluation_date": today,
                    **{f"eval_{key}": value for key, value in values.items()},
                },
            )
        self.activity_feedback(["ops_marketing.mail_activity_campaign_evaluation"])
        return True

    def action_cancel(self):
        self._ops_check_owner_or_manager()
        if any(c.state in ("ended", "evaluated") for c in self):
            raise UserError(self.env._("An ended campaign cannot be cancelled."))
        return self._ops_set_state("cancel")

    def action_draft(self):
        self._ops_check_owner_or_manager()
        if any(c.state not in ("approval", "cancel") for c in self):
            raise UserError(
                self.env._("Only a campaign in approval or cancelled can be reset.")
            )
        # The plan may change in draft: its earlier decisions no longer apply.
        as_server(self).review_ids.unlink()
        return self._ops_set_state("draft")

    def action_request_change(self):
        """Open the change request of a running campaign (budget, dates)."""
        self.ensure_one()
        self._ops_check_owner_or_manager()
        if self.state != "running":
            raise UserError(
                self.env._(
                    "Only a running campaign needs a change request; a draft is "
                    "edited directly and a campaign in approval is reset to "
                    "draft."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Budget Change"),
            "res_model": "ops.marketing.campaign.change",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_campaign_id": self.id,
                "default_budget": self.budget,
                "default_date_start": self.date_start,
                "default_date_end": self.date_end,
            },
        }

    def _ops_request_change(self, vals, reason):
        """Send a running campaign back to approval with new values.

        The approved values are frozen while it runs; a change is decided by
        the same tiers as the first approval (the general manager too when the
        new budget passes the threshold), with the reason on the history.
        """
        self.ensure_one()
        self._ops_check_owner_or_manager()
        if self.state != "running":
            raise UserError(self.env._("Only a running campaign can request a change."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the change."))
        self._ops_check_numbers(vals)
        start = vals.get("date_start", self.date_start)
        end = vals.get("date_end", self.date_end)
        if start and end and fields.Date.to_date(end) < fields.Date.to_date(start):
            raise ValidationError(self.env._("A campaign cannot end before it starts."))
        changes = {
            name: value
            for name, value in vals.items()
            if self._fields[name].convert_to_cache(value, self) != self[name]
        }
        if not changes:
            raise UserError(self.env._("The new values are those already approved."))
        lines = [
            self.env._(
                "%(field)s: %(old)s → %(new)s",
                field=self._fields[name]._description_string(self.env),
                old=self[name],
                new=value,
            )
            for name, value in changes.items()
        ]
        body = Markup("<p>%s</p><ul>%s</ul><p><i>%s</i></p>") % (
            self.env._("Change requested, back to approval:"),
            Markup("").join(Markup("<li>%s</li>") % line for line in lines),
            reason,
        )
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        as_server(self).review_ids.unlink()
        self._ops_set_state("approval", changes)
        self.request_validation()
        return True

    @api.model
    def _cron_evaluation_reminder(self):
        """Remind owners of campaigns ended long ago and still not evaluated.

        At most one reminder per campaign and day: the date of the last one is
        stored, so running the action twice a day reminds once.
        """
        today = fields.Date.context_today(self)
        campaigns = self.search(
            [
                ("state", "=", "ended"),
                "|",
                ("last_reminder_date", "=", False),
                ("last_reminder_date", "<", today),
            ]
        )
        due = campaigns.filtered(
            lambda c: c.date_end
            < today - timedelta(days=c.company_id.ops_campaign_evaluation_days)
        )
        kind = self.env.ref("ops_marketing.mail_activity_campaign_evaluation")
        self.env["mail.activity"]._ops_schedule_batch(
            [
                {
                    "res_model": self._name,
                    "res_id": campaign.id,
                    "activity_type_id": kind.id,
                    "summary": kind.summary or kind.name,
                    "user_id": campaign.user_id.id,
                    "note": self.env._(
                        "The campaign ended on %(date)s: write its summary, lessons "
                        "and KPI actuals, then close the evaluation.",
                        date=campaign.date_end,
                    ),
                }
                for campaign in due
            ],
            self.env._("Campaigns waiting for your evaluation"),
        )
        as_server(due).write({"last_reminder_date": today})
        return due
