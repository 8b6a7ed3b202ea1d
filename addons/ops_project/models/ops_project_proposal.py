# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

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
        ]

    def _check_submittable(self):
        for rec in self:
            if rec.kind == "investment":
                missing = rec._missing_documents()
                if missing:
                    raise UserError(
                        self.env._(
                            "The investment proposal “%(name)s” cannot be submitted "
                            "before its five documents are attached. Missing: "
                            "%(missing)s.",
                            name=rec.name,
                            missing=", ".join(missing),
                        )
                    )
                if not rec.leader_in_charge_id:
                    raise UserError(
                        self.env._("Choose the leader in charge before submitting.")
                    )
                if rec.final_authority == "gm" and not rec.committee_gm_id:
                    raise UserError(
                        self.env._(
                            "Set the general manager in the Operations settings "
                            "before submitting."
                        )
                    )
            if rec.kind == "non_standard" and not (
                rec.committee_gm_id
                and rec.committee_sales_id
                and rec.committee_product_id
            ):
                raise UserError(
                    self.env._(
                        "The initiation committee is incomplete: set the general "
                        "manager, the sales manager and the product manager in the "
                        "Operations settings."
                    )
                )

    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._check_submittable()
        res = super().request_validation()
        for rec in to_submit.filtered("review_ids"):
            rec.write(
                {
                    "state": "under_review",
                    "submitted_on": fields.Date.context_today(rec),
                }
            )
        return res

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_conclude()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_conclude()
        return res

    def _ops_conclude(self):
        """Unanimity initiates; the first rejection terminates."""
        today = fields.Date.context_today(self)
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                rec.sudo().write({"state": "approved", "answered_on": today})
            elif rec.validation_status == "rejected":
                rec.sudo().review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).write({"status": "cancel"})
                rec.sudo().write({"state": "rejected", "answered_on": today})

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
        self.ensure_one()
        self._ops_check_can_review()
        sudo = self.sudo()
        sudo.review_ids.filtered(lambda r: r.status in ("waiting", "pending")).write(
            {"status": "cancel"}
        )
        sudo.write(
            {
                "state": "reserve",
                "reserve_reason": reason,
                "answered_on": fields.Date.context_today(self),
            }
        )
        sudo.message_post(
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

    def action_draft(self):
        for rec in self:
            if rec.state not in ("rejected", "reserve"):
                raise UserError(
                    self.env._("Only a terminated or reserve proposal can be reopened.")
                )
        self.sudo().review_ids.unlink()
        self.write(
            {
                "state": "draft",
                "submitted_on": False,
                "answered_on": False,
            }
        )

    # Escalation ---------------------------------------------------------

    @api.model
    def _cron_escalate_overdue(self, today=None):
        """Escalate every overdue pending review, at most once a day."""
        today = today or fields.Date.context_today(self)
        proposals = self.search(
            [("state", "=", "under_review"), ("answer_deadline", "<", today)]
        )
        reviews = proposals.review_ids.filtered(
            lambda r: r.status == "pending"
            and (not r.ops_escalated_on or r.ops_escalated_on < today)
        )
        by_id = {p.id: p for p in proposals}
        todo = self.env.ref("mail.mail_activity_data_todo")
        for review in reviews:
            proposal = by_id[review.res_id]
            users = review.reviewer_ids
            managers = users.employee_id.parent_id.user_id - users
            summary = self.env._(
                "Overdue proposal: answer “%(name)s” (due %(date)s)",
                name=proposal.name,
                date=proposal.answer_deadline,
            )
            for user in users | managers:
                proposal.activity_schedule(
                    activity_type_id=todo.id,
                    summary=summary,
                    user_id=user.id,
                    date_deadline=today,
                )
            proposal.message_post(
                body=self.env._(
                    "The review “%(review)s” is overdue since %(date)s; escalated "
                    "to %(users)s.",
                    review=review.name or "",
                    date=proposal.answer_deadline,
                    users=", ".join((users | managers).mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        reviews.write({"ops_escalated_on": today})
        return reviews

    # Project -------------------------------------------------------------

    def action_create_project(self):
        self.ensure_one()
        if self.state != "approved":
            raise UserError(
                self.env._("Only an approved proposal can become a project.")
            )
        project = self.env["project.project"]._ops_create_from_proposal(self)
        self.sudo().write({"state": "project", "project_id": project.id})
        self.message_post(
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
