# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import as_server

# Required above the company's full documentation amount (项目建议书,
# 可行性报告, 实施方案).
LARGE_INVESTMENT_DOCUMENTS = ("doc_proposal", "doc_feasibility", "doc_implementation")
INVESTMENT_DOCUMENTS = [
    ("doc_plan", "Preliminary Plan"),
    ("doc_market", "Market Research Report"),
    ("doc_positioning", "Product Positioning Analysis"),
    ("doc_business_plan", "Business Plan"),
    ("doc_budget", "Investment Budget"),
]


class OpsProjectProposal(models.Model):
    """Project initiation proposal (立项申请)."""

    _name = "ops.project.proposal"
    _description = "Project Initiation Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"

    _state_from = ["draft", "under_review"]
    _state_to = ["approved"]
    # Not "rejected": moving to the cancel state would delete the reviews,
    # and the decisions (who rejected, with which comment) must stay.
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    # The engine's state machine (ops_base): who may take each move is checked
    # by the action methods below before they call ``_ops_set_state``.
    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("under_review",),
        "under_review": ("approved", "rejected", "reserve", "draft"),
        "approved": ("project",),
        "rejected": ("draft",),
        "reserve": ("draft",),
    }
    # What the reviewers approved: changing it afterwards would keep an
    # approval for a different proposal (e.g. an amount that now needs the
    # board). A change goes back to draft and through approval again.
    _ops_frozen_fields = (
        "kind",
        "company_id",
        "user_id",
        "department_id",
        "project_lead_id",
        "partner_id",
        "solution_id",
        "contract_amount",
        "investment_amount",
        "leader_in_charge_id",
        "doc_plan",
        "doc_market",
        "doc_positioning",
        "doc_business_plan",
        "doc_budget",
        "investment_control",
        *LARGE_INVESTMENT_DOCUMENTS,
        "value_added",
    )
    _ops_server_fields = (
        "submitted_on",
        "answered_on",
        "reserve_reason",
        "decision_minutes",
        "project_id",
    )
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"

    name = fields.Char(string="Project Name", required=True, tracking=True)
    kind = fields.Selection(
        selection=[
            ("standard", "Standard Solution"),
            ("non_standard", "Non-standard Solution"),
            ("investment", "Investment"),
        ],
        required=True,
        default="standard",
        tracking=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("under_review", "Under Review"),
            ("approved", "Approved"),
            ("project", "Project Created"),
            ("rejected", "Terminated"),
            ("reserve", "Reserve"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Applicant",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        default=lambda self: self.env.user.employee_id.department_id,
        tracking=True,
        index=True,
    )
    project_lead_id = fields.Many2one(
        "res.users",
        string="Proposed Project Lead",
        default=lambda self: self.env.user,
        tracking=True,
        help="Appointed by the general manager; leads the project once created.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    solution_id = fields.Many2one(
        "ops.project.solution",
        string="Library Solution",
        domain=[("state", "=", "standard")],
        help="Start from a standard solution of the library.",
    )
    background = fields.Html(string="Project Background")
    customer_needs = fields.Html()
    outlook = fields.Html(
        string="Near- and Long-term Outlook",
    )
    customer_relationship = fields.Html()
    contract_amount = fields.Monetary(currency_field="currency_id", tracking=True)
    implementation_risks = fields.Html()
    # Investment analysis
    investment_amount = fields.Monetary(currency_field="currency_id", tracking=True)
    expected_roi = fields.Float(string="Expected ROI (%)")
    market_analysis = fields.Html()
    risk_analysis = fields.Html(
        help="Political, exchange-rate, market, operating and purchasing-power risks."
    )
    liquidity_duration = fields.Html(string="Liquidity and Duration")
    management_analysis = fields.Html(
        string="Management and Control",
        help="Management difficulty, control over people, money, technology, "
        "management, production, sales and materials.",
    )
    financial_analysis = fields.Html(
        string="Costs, Taxes and Financing",
        help="Tax incentives, expected cost, financing capacity.",
    )
    environment_analysis = fields.Html(
        string="External and Legal Environment",
    )
    doc_plan = fields.Binary(string="Preliminary Plan", attachment=True, copy=False)
    doc_plan_name = fields.Char(copy=False)
    doc_market = fields.Binary(
        string="Market Research Report", attachment=True, copy=False
    )
    doc_market_name = fields.Char(copy=False)
    doc_positioning = fields.Binary(
        string="Product Positioning Analysis", attachment=True, copy=False
    )
    doc_positioning_name = fields.Char(copy=False)
    doc_business_plan = fields.Binary(
        string="Business Plan", attachment=True, copy=False
    )
    doc_business_plan_name = fields.Char(copy=False)
    doc_budget = fields.Binary(string="Investment Budget", attachment=True, copy=False)
    doc_budget_name = fields.Char(copy=False)
    # Investment rules of the regulations, checked at submission: the company
    # controls the asset (无控制权不予考虑), each investment risk category is
    # assessed, and large investments carry the full documentation.
    investment_control = fields.Selection(
        [("yes", "Yes"), ("no", "No")],
        string="Control over the Asset",
        tracking=True,
        help="Does the company control the people, money, technology, "
        "management, production, sales and materials of the investment? "
        "Without control the investment is not considered.",
    )
    investment_risk_ids = fields.One2many(
        "ops.project.proposal.risk", "proposal_id", string="Investment Risks"
    )
    doc_proposal = fields.Binary(string="Project Proposal", attachment=True, copy=False)
    doc_proposal_name = fields.Char(copy=False)
    doc_feasibility = fields.Binary(
        string="Feasibility Report", attachment=True, copy=False
    )
    doc_feasibility_name = fields.Char(copy=False)
    value_added = fields.Boolean(
        string="Value-added Product",
        tracking=True,
        help="The project develops a value-added product: it follows the "
        "track of the value-added product regulations (product committee, "
        "design review, test stages, quality targets).",
    )
    doc_implementation = fields.Binary(
        string="Implementation Plan", attachment=True, copy=False
    )
    doc_implementation_name = fields.Char(copy=False)
    ops_invest_docs_limit = fields.Monetary(
        related="company_id.ops_invest_docs_limit", currency_field="currency_id"
    )

    missing_document_count = fields.Integer(compute="_compute_missing_document_count")
    final_authority = fields.Selection(
        selection=[
            ("gm", "General Manager"),
            ("gm_office", "GM Office"),
            ("board", "Board"),
        ],
        compute="_compute_final_authority",
        store=True,
        help="Who decides the investment, by amount (thresholds in the settings).",
    )
    leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in Charge",
        default=lambda self: self.env.company.ops_leader_in_charge_id,
        tracking=True,
    )
    committee_gm_id = fields.Many2one(
        related="company_id.ops_general_manager_id", string="Committee: General Manager"
    )
    committee_sales_id = fields.Many2one(
        related="company_id.ops_sales_manager_id", string="Committee: Sales Manager"
    )
    committee_product_id = fields.Many2one(
        related="company_id.ops_product_manager_id",
        string="Committee: Product Manager",
    )
    gm_office_member_ids = fields.Many2many(
        related="company_id.ops_gm_office_member_ids", string="GM Office Members"
    )
    board_member_ids = fields.Many2many(
        related="company_id.ops_board_member_ids", string="Board Members"
    )
    submitted_on = fields.Date(readonly=True, copy=False, tracking=True)
    answer_deadline = fields.Date(
        compute="_compute_answer_deadline", store=True, copy=False
    )
    answered_on = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    reserve_reason = fields.Text(readonly=True, copy=False, tracking=True)
    project_id = fields.Many2one(
        "project.project", readonly=True, copy=False, index=True
    )
    decision_minutes = fields.Text(
        readonly=True,
        copy=False,
        help="Recorded when the proposal is decided: every step, who decided, "
        "when, with which comment, and how a collective body voted.",
    )

    @api.constrains("contract_amount", "investment_amount")
    def _check_amounts_positive(self):
        for rec in self:
            if rec.contract_amount < 0 or rec.investment_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The contract and investment amounts of “%(name)s” cannot "
                        "be negative.",
                        name=rec.name,
                    )
                )

    @api.depends(*[f for f, _label in INVESTMENT_DOCUMENTS])
    def _compute_missing_document_count(self):
        for rec in self:
            rec.missing_document_count = len(rec._missing_documents())

    def _missing_documents(self):
        self.ensure_one()
        labels = {
            "doc_plan": self.env._("Preliminary Plan"),
            "doc_market": self.env._("Market Research Report"),
            "doc_positioning": self.env._("Product Positioning Analysis"),
            "doc_business_plan": self.env._("Business Plan"),
            "doc_budget": self.env._("Investment Budget"),
        }
        return [labels[f] for f, _label in INVESTMENT_DOCUMENTS if not self[f]]

    @api.depends(
        "kind",
        "investment_amount",
        "company_id.ops_invest_gm_limit",
        "company_id.ops_invest_office_limit",
    )
    def _compute_final_authority(self):
        for rec in self:
            if rec.kind != "investment":
                rec.final_authority = False
            elif rec.investment_amount <= rec.company_id.ops_invest_gm_limit:
                rec.final_authority = "gm"
            elif rec.investment_amount <= rec.company_id.ops_invest_office_limit:
                rec.final_authority = "gm_office"
            else:
                rec.final_authority = "board"

    @api.depends("submitted_on", "company_id.ops_proposal_answer_days")
    def _compute_answer_deadline(self):
        for rec in self:
            rec.answer_deadline = rec.submitted_on and (
                rec.submitted_on
                + timedelta(days=rec.company_id.ops_proposal_answer_days)
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for rec in self:
            rec.is_overdue = bool(
                rec.state == "under_review"
                and rec.answer_deadline
                and rec.answer_deadline < today
            )

    @api.onchange("solution_id")
    def _onchange_solution_id(self):
        if self.solution_id:
            self.kind = "standard"
            if not self.background:
                self.background = self.solution_id.description

    # Approval flow ------------------------------------------------------

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "submitted_on",
            "answered_on",
            "reserve_reason",
            "decision_minutes",
        ]

    def _ops_requesters(self):
        # Whoever typed the proposal asked for it too, even when they named
        # someone else as the applicant: they cannot approve it either.
        return super()._ops_requesters() | self.sudo().create_uid

    def _ops_is_operations_manager(self):
        return self.env.su or self.env.user.has_group("ops_base.group_ops_manager")

    def _ops_check_can_request(self):
        """The applicant (or whoever wrote the proposal) submits it; an
        operations manager may submit on their behalf."""
        super()._ops_check_can_request()
        if self._ops_is_operations_manager():
            return True
        user = self.env.user
        for rec in self:
            if user not in (rec.user_id | rec.create_uid):
                raise AccessError(
                    self.env._(
                        "Only the applicant of “%(name)s” or an operations "
                        "manager can submit it.",
                        name=rec.name,
                    )
                )
        return True

    def _check_submittable(self):
        for rec in self:
            if rec.kind == "standard" and rec.solution_id:
                rec.solution_id._ops_check_standard()
            if rec.kind == "standard" and not rec.department_id:
                raise UserError(
                    self.env._(
                        "Choose the department of “%(name)s” before submitting: "
                        "its manager approves a standard proposal.",
                        name=rec.name,
                    )
                )
            if rec.kind == "investment":
                rec._check_investment_submittable()
            if rec.kind == "non_standard":
                rec._check_committee_submittable()

    def _check_investment_submittable(self):
        self.ensure_one()
        self._check_investment_control()
        self._check_investment_risks()
        missing = self._missing_documents()
        if missing:
            raise UserError(
                self.env._(
                    "The investment proposal “%(name)s” cannot be submitted "
                    "before its five documents are attached. Missing: "
                    "%(missing)s.",
                    name=self.name,
                    missing=", ".join(missing),
                )
            )
        self._check_large_investment_documents()
        if not self.leader_in_charge_id:
            raise UserError(
                self.env._("Choose the leader in charge before submitting.")
            )
        self._check_active_members(self.leader_in_charge_id)
        if self.final_authority == "gm":
            if not self.committee_gm_id:
                raise UserError(
                    self.env._(
                        "Set the general manager in the Operations settings "
                        "before submitting."
                    )
                )
            self._check_active_members(self.committee_gm_id)
        elif self.final_authority in ("gm_office", "board"):
            fname = (
                "ops_gm_office_member_ids"
                if self.final_authority == "gm_office"
                else "ops_board_member_ids"
            )
            company = self.company_id.sudo().with_context(active_test=False)
            members = company[fname]
            self._check_active_members(members)
            if not members:
                raise UserError(
                    self.env._(
                        "Set the members of the %(body)s in the Operations "
                        "settings before submitting.",
                        body=self._ops_authority_label(),
                    )
                )

    def _check_investment_control(self):
        self.ensure_one()
        if not self.investment_control:
            raise UserError(
                self.env._(
                    "Say whether the company controls the investment “%(name)s” "
                    "before submitting it.",
                    name=self.name,
                )
            )
        if self.investment_control == "no":
            raise UserError(
                self.env._(
                    "“%(name)s” cannot be submitted: an investment the company "
                    "has no control over is not considered.",
                    name=self.name,
                )
            )
        return True

    def _check_investment_risks(self):
        self.ensure_one()
        required = (
            self.env["ops.project.risk.category"]
            .sudo()
            .search([("investment", "=", True)])
        )
        missing = required - self.investment_risk_ids.category_id
        if missing:
            raise UserError(
                self.env._(
                    "Assess every investment risk of “%(name)s” before "
                    "submitting it. Missing: %(missing)s.",
                    name=self.name,
                    missing=", ".join(missing.mapped("name")),
                )
            )
        return True

    def _check_large_investment_documents(self):
        self.ensure_one()
        if self.investment_amount <= self.company_id.ops_invest_docs_limit:
            return True
        labels = {
            "doc_proposal": self.env._("Project Proposal"),
            "doc_feasibility": self.env._("Feasibility Report"),
            "doc_implementation": self.env._("Implementation Plan"),
        }
        missing = [labels[f] for f in LARGE_INVESTMENT_DOCUMENTS if not self[f]]
        if missing:
            raise UserError(
                self.env._(
                    "“%(name)s” is above %(limit)s: attach %(missing)s before "
                    "submitting it.",
                    name=self.name,
                    limit=self.company_id.currency_id.format(
                        self.company_id.ops_invest_docs_limit
                    ),
                    missing=", ".join(missing),
                )
            )
        return True

    def _ops_authority_label(self):
        selection = self._fields["final_authority"]._description_selection(self.env)
        return dict(selection).get(self.final_authority, "")

    def _check_committee_submittable(self):
        self.ensure_one()
        members = self.committee_gm_id, self.committee_sales_id
        members += (self.committee_product_id,)
        if not all(members):
            raise UserError(
                self.env._(
                    "The initiation committee is incomplete: set the general "
                    "manager, the sales manager and the product manager in the "
                    "Operations settings."
                )
            )
        # The settings refuse duplicates, but a company saved before that
        # rule existed may still have one person in two slots.
        self.company_id.sudo()._check_ops_committee_distinct()
        self._check_active_members(members[0] | members[1] | members[2])

    def _check_active_members(self, users):
        """An archived reviewer can never decide: the proposal would wait
        forever, so refuse it at submission, naming them."""
        archived = users.sudo().filtered(lambda u: not u.active)
        if archived:
            raise UserError(
                self.env._(
                    "%(names)s cannot review “%(name)s”: archived user(s). Update "
                    "the Operations settings (or the proposal) before submitting.",
                    names=", ".join(archived.mapped("name")),
                    name=self.name,
                )
            )

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal (JSON-RPC sends its repr).
    @api.returns("tier.review")
    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._ops_check_can_request()
        to_submit._check_submittable()
        reviews = super().request_validation()
        today = fields.Date.context_today(self)
        for rec in to_submit.filtered("review_ids"):
            rec._ops_set_state("under_review", {"submitted_on": today})
        return reviews

    def restart_validation(self):
        """Withdrawing a submission (or a manager's reset) puts the proposal
        back to draft, where it can be corrected and submitted again."""
        res = super().restart_validation()
        self.filtered(
            lambda r: r.state == "under_review" and not r.review_ids
        ).sudo()._ops_set_state("draft", {"submitted_on": False})
        return res

    def _ops_decidable_reviews(self, tiers):
        # One click decides one step: a person named in two committee slots
        # (or as leader in charge and final authority) must act twice.
        reviews = super()._ops_decidable_reviews(tiers)
        return reviews.sorted("sequence")[:1]

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_conclude()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_conclude()
        return res

    def _ops_conclude(self):
        """Unanimity initiates; the first rejection terminates.

        Two committee members may decide at the same moment: the engine has
        locked the proposal's row, and the state is read again after the lock
        so that only one of them concludes (the other finds it concluded).
        """
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        self.review_ids.invalidate_recordset(["status"])
        today = fields.Date.context_today(self)
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                state = "approved"
            elif rec.validation_status == "rejected":
                state = "rejected"
                as_server(rec.review_ids).filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).write({"status": "cancel"})
            else:
                continue
            rec.sudo()._ops_set_state(
                state,
                {"answered_on": today, "decision_minutes": rec._ops_minutes()},
            )
        return True

    def _ops_minutes(self):
        """The decision as it will be read later: each step, who, when, what
        they said, and the votes of a collective body."""
        self.ensure_one()
        status = dict(
            self.env["tier.review"]._fields["status"]._description_selection(self.env)
        )
        lines = []
        for review in self.sudo().review_ids.sorted("sequence"):
            line = f"{review.name or ''}: {status.get(review.status, '')}"
            if review.done_by:
                line += f" — {review.done_by.name}"
            if review.reviewed_date:
                line += f" ({fields.Datetime.to_string(review.reviewed_date)})"
            if review.comment:
                line += f" — {review.comment}"
            lines.append(line)
            if review.ops_minutes:
                lines.extend("    " + x for x in review.ops_minutes.splitlines())
        return "\n".join(lines)

    def action_reserve(self):
        self.ensure_one()
        self._ops_check_can_review()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Set Aside as Reserve"),
            "res_model": "ops.project.proposal.reserve",
            "view_mode": "form",
            "target": "new",
            "context": {"default_proposal_id": self.id},
        }

    def _ops_set_reserve(self, reason):
        """A reviewer's answer “not now”: files the proposal as a reserve."""
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_review()
        as_server(self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending")
        ).write({"status": "cancel"})
        self.sudo()._ops_set_state(
            "reserve",
            {
                "reserve_reason": reason,
                "answered_on": fields.Date.context_today(self),
                "decision_minutes": self.env._(
                    "%(user)s set the proposal aside as a reserve project: "
                    "%(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
            },
        )
        self.sudo().message_post(
            body=Markup("<p>%s</p><p><i>%s</i></p>")
            % (
                self.env._(
                    "%(user)s set the proposal aside as a reserve project.",
                    user=self.env.user.name,
                ),
                reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _ops_check_applicant_or_manager(self):
        """The applicant, the proposed project lead or an operations manager
        (who can read the proposal) acts on an answered proposal."""
        self.check_access("read")
        if self._ops_is_operations_manager():
            return True
        user = self.env.user
        for rec in self:
            if user not in (rec.user_id | rec.create_uid | rec.project_lead_id):
                raise AccessError(
                    self.env._(
                        "Only the applicant or the project lead of “%(name)s”, or "
                        "an operations manager, can do this.",
                        name=rec.name,
                    )
                )
        return True

    def action_draft(self):
        for rec in self:
            if rec.state not in ("rejected", "reserve"):
                raise UserError(
                    self.env._("Only a terminated or reserve proposal can be reopened.")
                )
        self._ops_check_applicant_or_manager()
        as_server(self.review_ids).unlink()
        self.sudo()._ops_set_state(
            "draft",
            {"submitted_on": False, "answered_on": False},
        )
        return True

    # Escalation ---------------------------------------------------------

    def _ops_lock_reviews_to_escalate(self, reviews, today):
        """Lock the reviews this run escalates; a concurrent run skips them.

        Two runs of the cron at once (two workers, or a manual run) would
        otherwise both see the reviews as not escalated today and escalate
        them twice. The date is checked again in the same statement.
        """
        if not reviews:
            return reviews
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM tier_review WHERE id IN %s "
                "AND (ops_escalated_on IS NULL OR ops_escalated_on < %s) "
                "FOR UPDATE SKIP LOCKED",
                tuple(reviews.ids),
                today,
            )
        )
        locked = {row[0] for row in self.env.cr.fetchall()}
        return reviews.filtered(lambda r: r.id in locked)

    @api.model
    def _cron_escalate_overdue(self, today=None):
        """Escalate every overdue pending review, at most once a day."""
        today = today or fields.Date.context_today(self)
        proposals = self.sudo().search(
            [("state", "=", "under_review"), ("answer_deadline", "<", today)]
        )
        reviews = proposals.review_ids.filtered(
            lambda r: r.status == "pending"
            and (not r.ops_escalated_on or r.ops_escalated_on < today)
        )
        reviews = self._ops_lock_reviews_to_escalate(reviews, today)
        # Mark first: whatever happens next, this run owns these reviews.
        as_server(reviews).write({"ops_escalated_on": today})
        by_id = {p.id: p for p in proposals}
        todo = self.env.ref("mail.mail_activity_data_todo")
        # Managers of every reviewer at once (employee_ids is prefetched for
        # the whole run, employee_id would search per user).
        reviews.reviewer_ids.employee_ids.parent_id.mapped("user_id")
        activities, notes = [], {}
        for review in reviews:
            proposal = by_id[review.res_id]
            users = review.reviewer_ids
            managers = users.employee_ids.parent_id.user_id - users
            summary = self.env._(
                "Overdue proposal: answer “%(name)s” (due %(date)s)",
                name=proposal.name,
                date=proposal.answer_deadline,
            )
            activities += [
                {
                    "res_model": self._name,
                    "res_id": proposal.id,
                    "activity_type_id": todo.id,
                    "summary": summary,
                    "user_id": user.id,
                    "date_deadline": today,
                }
                for user in users | managers
            ]
            text = self.env._(
                "The review “%(review)s” is overdue since %(date)s; escalated "
                "to %(users)s.",
                review=review.name or "",
                date=proposal.answer_deadline,
                users=", ".join((users | managers).mapped("name")),
            )
            notes[proposal.id] = (
                f"{notes[proposal.id]} {text}" if proposal.id in notes else text
            )
        self.env["mail.activity"]._ops_schedule_batch(
            activities, self.env._("Overdue proposals escalated to you")
        )
        self.env["mail.message"]._ops_log_notes(self._name, notes)
        return reviews

    # Project -------------------------------------------------------------

    def action_create_project(self):
        """Build the project of an approved proposal, exactly once.

        Only the applicant, the project lead or an operations manager may, and
        only once approved: the row is locked and the state read again, so two
        clicks (or two users) at once create one project.
        """
        self.ensure_one()
        self._ops_check_applicant_or_manager()
        self._ops_lock()
        self.invalidate_recordset(["state", "project_id"])
        if self.state != "approved" or self.project_id:
            raise UserError(
                self.env._("Only an approved proposal can become a project.")
            )
        project = self.env["project.project"]._ops_create_from_proposal(self)
        self.sudo()._ops_set_state("project", {"project_id": project.id})
        self.sudo().message_post(
            body=Markup("<p>%s</p>")
            % self.env._("Project created: %(name)s", name=project.name),
            subtype_xmlid="mail.mt_note",
        )
        return self.action_open_project()

    def action_open_project(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "view_mode": "form",
        }

    # Operations plans (运营方案) -------------------------------------------
    plan_ids = fields.One2many(
        "ops.project.plan", "proposal_id", string="Operations Plans"
    )
    plan_count = fields.Integer(
        string="Operations Plan Count", compute="_compute_plan_count"
    )

    def _compute_plan_count(self):
        groups = self.env["ops.project.plan"]._read_group(
            [("proposal_id", "in", self.ids)], ["proposal_id"], ["__count"]
        )
        counts = {proposal.id: count for proposal, count in groups}
        for rec in self:
            rec.plan_count = counts.get(rec.id, 0)

    def action_open_plans(self):
        self.ensure_one()
        return self.env["ops.project.plan"]._ops_action_for(
            [("proposal_id", "=", self.id)],
            {"default_proposal_id": self.id, "default_name": self.name},
        )
