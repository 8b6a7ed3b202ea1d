# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Operations plan (运营方案): the eleven sections of the regulations'
template, a budget by promotion / people / technical support, approved by
the operations manager then the general manager, and kept in versions."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, is_html_empty

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

from .ops_project_plan_budget_line import BUDGET_CATEGORIES
from .ops_project_plan_sections import PLAN_SECTIONS

# Without these a plan says nothing the reviewers can approve.
REQUIRED_SECTIONS = ("section_goals", "section_strategy", "section_kpis")


class OpsProjectPlan(models.Model):
    _name = "ops.project.plan"
    _description = "Operations Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.project.plan.sections",
        "ops.tier.validation",
    ]
    _order = "id desc"

    _state_from = ["draft", "under_review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    # An approved plan is only replaced by its next approved version; a
    # rejected one is corrected in draft and submitted again.
    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("under_review", "cancel"),
        "under_review": ("approved", "rejected", "draft"),
        "rejected": ("draft",),
        "approved": ("superseded",),
    }
    # What the reviewers read: frozen from submission on (every state but
    # draft). A change is a new version, approved again.
    _ops_frozen_fields = PLAN_SECTIONS + (
        "name",
        "proposal_id",
        "project_id",
        "template_id",
        "user_id",
        "date_start",
        "date_end",
        "budget_line_ids",
    )
    # Set by the flow: the versioning, the dates of the decisions, and where
    # the plan belongs (derived from its project or proposal).
    _ops_server_fields = (
        "version",
        "root_id",
        "previous_id",
        "is_current",
        "submitted_on",
        "approved_on",
        "company_id",
        "department_id",
        # Whoever creates the plan owns it: nobody takes over a colleague's.
        "user_id",
    )
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"

    name = fields.Char(string="Plan", required=True, tracking=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("under_review", "Under Review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("superseded", "Superseded"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        # A duplicate belongs to whoever makes it; a new version keeps its
        # owner (action_new_version passes it).
        copy=False,
    )
    proposal_id = fields.Many2one(
        "ops.project.proposal",
        string="Initiation Proposal",
        index=True,
        tracking=True,
        check_company=True,
    )
    project_id = fields.Many2one(
        "project.project",
        compute="_compute_project_id",
        store=True,
        readonly=False,
        precompute=True,
        copy=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("ops_is_operations", "=", True)],
        help="Filled from the proposal once its project is created.",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        copy=False,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        precompute=True,
        copy=False,
        index=True,
        help="The project's (or the proposal's) department: its manager "
        "approves the plan.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    template_id = fields.Many2one(
        "ops.project.plan.template",
        help="The sections are filled from this template when the plan is created.",
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    # Versions: the first version is the root of its family; exactly one
    # version of a family is current (the last approved one).
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    root_id = fields.Many2one(
        "ops.project.plan",
        string="First Version",
        readonly=True,
        copy=False,
        index=True,
    )
    previous_id = fields.Many2one(
        "ops.project.plan", string="Previous Version", readonly=True, copy=False
    )
    is_current = fields.Boolean(
        string="Current Version", readonly=True, copy=False, index=True
    )
    version_count = fields.Integer(compute="_compute_version_count")
    submitted_on = fields.Date(readonly=True, copy=False)
    approved_on = fields.Date(readonly=True, copy=False)
    general_manager_id = fields.Many2one(
        related="company_id.ops_general_manager_id", string="General Manager"
    )
    # Budget: planned by category on the plan's lines, actual by category
    # from the categorised analytic lines of the project's analytic account.
    budget_line_ids = fields.One2many(
        "ops.project.plan.budget.line", "plan_id", string="Budget", copy=True
    )
    account_id = fields.Many2one(
        related="project_id.account_id", string="Analytic Account", store=True
    )
    budget_promotion = fields.Monetary(
        string="Promotion Budget", compute="_compute_budget", store=True
    )
    budget_people = fields.Monetary(
        string="People Budget", compute="_compute_budget", store=True
    )
    budget_tech_support = fields.Monetary(
        string="Technical Support Budget", compute="_compute_budget", store=True
    )
    budget_total = fields.Monetary(
        string="Total Budget", compute="_compute_budget", store=True
    )
    actual_promotion = fields.Monetary(
        string="Promotion Actual", compute="_compute_actual"
    )
    actual_people = fields.Monetary(string="People Actual", compute="_compute_actual")
    actual_tech_support = fields.Monetary(
        string="Technical Support Actual", compute="_compute_actual"
    )
    actual_total = fields.Monetary(string="Total Actual", compute="_compute_actual")

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "The plan cannot end before it starts.",
        ),
        (
            "version_uniq",
            "unique(root_id, version)",
            "Two versions of a plan cannot have the same number.",
        ),
    ]

    def init(self):
        # One current version per plan, even with two approvals at once.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS ops_project_plan_one_current "
                "ON ops_project_plan (root_id) WHERE is_current"
            )
        )

    # Computes ---------------------------------------------------------------

    @api.depends("proposal_id.project_id")
    def _compute_project_id(self):
        for rec in self:
            project = rec.proposal_id.sudo().project_id
            if project and not rec.project_id:
                rec.project_id = project

    @api.depends("project_id", "proposal_id")
    def _compute_company_id(self):
        for rec in self:
            rec.company_id = (
                rec.project_id.sudo().company_id
                or rec.proposal_id.sudo().company_id
                or rec.company_id
                or self.env.company
            )

    @api.depends("project_id", "proposal_id")
    def _compute_department_id(self):
        for rec in self:
            rec.department_id = (
                rec.project_id.sudo().ops_department_id
                or rec.proposal_id.sudo().department_id
            )

    @api.depends("version", "name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "%(name)s (v%(version)s)", name=rec.name or "", version=rec.version
            )

    def _compute_version_count(self):
        groups = self._read_group(
            [("root_id", "in", self.root_id.ids)], ["root_id"], ["__count"]
        )
        counts = {root.id: count for root, count in groups}
        for rec in self:
            rec.version_count = counts.get(rec.root_id.id, 0)

    @api.depends("budget_line_ids.amount", "budget_line_ids.category")
    def _compute_budget(self):
        for rec in self:
            amounts = dict.fromkeys((c for c, _label in BUDGET_CATEGORIES), 0.0)
            for line in rec.budget_line_ids:
                amounts[line.category] += line.amount
            rec.budget_promotion = amounts["promotion"]
            rec.budget_people = amounts["people"]
            rec.budget_tech_support = amounts["tech_support"]
            rec.budget_total = sum(amounts.values())

    def _compute_actual(self):
        totals = self._ops_actuals()
        for rec in self:
            key = rec.account_id.id
            rec.actual_promotion = totals.get((key, "promotion"), 0.0)
            rec.actual_people = totals.get((key, "people"), 0.0)
            rec.actual_tech_support = totals.get((key, "tech_support"), 0.0)
            rec.actual_total = (
                rec.actual_promotion + rec.actual_people + rec.actual_tech_support
            )

    def _ops_actuals(self):
        """Costs by analytic account and budget category, for every plan of
        ``self`` in one query. sudo: whoever may read the plan reads how its
        budget is spent, not the analytic lines themselves."""
        accounts = self.account_id
        if not accounts:
            return {}
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", accounts.ids),
                    ("ops_plan_category", "!=", False),
                    ("amount", "<", 0),
                ],
                ["account_id", "ops_plan_category"],
                ["amount:sum"],
            )
        )
        return {(account.id, category): -amount for account, category, amount in groups}

    @api.constrains("project_id", "proposal_id")
    def _check_links(self):
        for rec in self:
            if not rec.project_id and not rec.proposal_id:
                raise ValidationError(
                    self.env._(
                        "The operations plan “%(name)s” belongs to a project or "
                        "to an initiation proposal: choose one.",
                        name=rec.name,
                    )
                )
            own = rec.project_id.sudo().ops_proposal_id
            if rec.proposal_id and own and own != rec.proposal_id:
                raise ValidationError(
                    self.env._(
                        "The project “%(project)s” was not created from the "
                        "proposal “%(proposal)s”.",
                        project=rec.project_id.display_name,
                        proposal=rec.proposal_id.display_name,
                    )
                )

    # CRUD -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        server = is_server(self)
        if not server:
            self._ops_drop_own_owner(vals_list)
            for vals in vals_list:
                self._ops_check_link_access(vals)
        Template = self.env["ops.project.plan.template"]
        default = self.env.context.get("default_template_id")
        for vals in vals_list:
            template = Template.browse(vals.get("template_id") or default)
            for fname, value in (
                template and template._ops_section_values() or {}
            ).items():
                vals.setdefault(fname, value)
        plans = super().create(vals_list)
        if not server:
            plans._ops_check_plan_department()
        for plan in plans.filtered(lambda p: not p.root_id):
            as_server(plan).write({"root_id": plan.id})
        return plans

    def write(self, vals):
        if is_server(self):
            return super().write(vals)
        # The record rules let the department and the project lead read
        # (and comment on) the plan; only its owner or their manager edits it.
        self._ops_check_owner_or_manager()
        self._ops_check_link_access(vals)
        before = {rec.id: rec.department_id for rec in self}
        res = super().write(vals)
        self.filtered(
            lambda r: r.department_id and r.department_id != before[r.id]
        )._ops_check_plan_department()
        return res

    def unlink(self):
        # Managers may delete plans: only those of their own departments.
        if not is_server(self):
            self._ops_check_owner_or_manager()
        return super().unlink()

    def _ops_drop_own_owner(self, vals_list):
        """The form sends the default owner (the user): harmless, dropped so
        that the server-field guard only refuses somebody else as owner."""
        for vals in vals_list:
            if vals.get("user_id") == self.env.uid:
                del vals["user_id"]
        return True

    def _ops_check_link_access(self, vals):
        """A plan is attached only to a project or proposal its author may
        read: its department (who approves) comes from them."""
        for fname in ("project_id", "proposal_id"):
            if vals.get(fname):
                comodel = self.env[self._fields[fname].comodel_name]
                comodel.browse(vals[fname]).check_access("read")
        return True

    def _ops_check_plan_department(self):
        """The department derives from the project or proposal, so the
        engine's check of the author's department choice runs on the result:
        the author does not pick which manager approves."""
        for rec in self:
            if rec.department_id:
                self.browse()._ops_check_department_choice(
                    {"department_id": rec.department_id.id}
                )
        return True

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            for fname, value in self.template_id._ops_section_values().items():
                if is_html_empty(self[fname]):
                    self[fname] = value

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "submitted_on",
            "approved_on",
            "is_current",
        ]

    # Who acts ----------------------------------------------------------------

    def _ops_requesters(self):
        # Whoever wrote the plan asked for it too.
        return super()._ops_requesters() | self.sudo().create_uid

    def _ops_managed_departments(self):
        """The departments an operations manager answers for: their own and
        those they head, with everything below them."""
        user = self.env.user
        Department = self.env["hr.department"].sudo()
        roots = user.sudo().employee_ids.department_id | Department.search(
            [("manager_id.user_id", "=", user.id)]
        )
        if not roots:
            return Department
        return Department.search([("id", "child_of", roots.ids)])

    def _ops_check_owner_or_manager(self):
        """The plan's owner, its author, an operations manager of its
        department or an executive."""
        self.check_access("write")
        user = self.env.user
        if is_server(self) or user.has_group("ops_base.group_ops_executive"):
            return True
        departments = self.env["hr.department"]
        if user.has_group("ops_base.group_ops_manager"):
            departments = self._ops_managed_departments()
        for rec in self:
            if user in (rec.user_id | rec.create_uid):
                continue
            if rec.department_id and rec.department_id in departments:
                continue
            raise AccessError(
                self.env._(
                    "Only the owner of the operations plan “%(name)s” or an "
                    "operations manager of its department can do this.",
                    name=rec.display_name,
                )
            )
        return True

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        return self._ops_check_owner_or_manager()

    def _ops_check_submittable(self):
        labels = {
            f: self._fields[f]._description_string(self.env) for f in PLAN_SECTIONS
        }
        for rec in self:
            empty = [labels[f] for f in REQUIRED_SECTIONS if is_html_empty(rec[f])]
            if empty:
                raise UserError(
                    self.env._(
                        "Write the %(sections)s of the operations plan “%(name)s” "
                        "before submitting it.",
                        sections=", ".join(empty),
                        name=rec.display_name,
                    )
                )
            if not rec.budget_line_ids:
                raise UserError(
                    self.env._(
                        "The operations plan “%(name)s” needs its budget (promotion, "
                        "people, technical support) before it is submitted.",
                        name=rec.display_name,
                    )
                )
        return True

    # Approval ----------------------------------------------------------------

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal.
    @api.returns("tier.review")
    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._ops_check_can_request()
        to_submit._ops_check_submittable()
        reviews = super().request_validation()
        today = fields.Date.context_today(self)
        for rec in to_submit.filtered("review_ids"):
            rec._ops_set_state("under_review", {"submitted_on": today})
        return reviews

    def restart_validation(self):
        """A withdrawn submission (or a manager's reset) goes back to draft."""
        res = super().restart_validation()
        self.filtered(
            lambda r: r.state == "under_review" and not r.review_ids
        ).sudo()._ops_set_state("draft", {"submitted_on": False})
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
        """Approved by every step: the plan becomes its family's current
        version; rejected by one: it goes back to its owner."""
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        self.review_ids.invalidate_recordset(["status"])
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                rec._ops_make_current()
            elif rec.validation_status == "rejected":
                as_server(rec.review_ids).filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).write({"status": "cancel"})
                rec.sudo()._ops_set_state("rejected")
        return True

    def _ops_make_current(self):
        self.ensure_one()
        old = (
            self.sudo()
            .search(
                [
                    ("root_id", "=", self.root_id.id),
                    ("is_current", "=", True),
                    ("id", "!=", self.id),
                ]
            )
            .with_env(self.env)
        )
        if old:
            old.sudo()._ops_set_state("superseded", {"is_current": False})
            # The unique index allows one current version: clear the old one
            # in the database before the new one is set.
            old.flush_recordset(["is_current", "state"])
        self.sudo()._ops_set_state(
            "approved",
            {"is_current": True, "approved_on": fields.Date.context_today(self)},
        )
        body = self.env._(
            "Operations plan %(plan)s approved: it is the current version.",
            plan=self.display_name,
        )
        for target in (self, self.project_id, self.proposal_id):
            if not target:
                continue
            target.sudo().message_post(
                body=Markup("<p>%s</p>") % body, subtype_xmlid="mail.mt_note"
            )
        return True

    def _ops_report_sections(self):
        """(title, text, with the budget tables) of each section, in the
        template's order: the PDF's body."""
        self.ensure_one()
        return [
            (
                self._fields[f]._description_string(self.env),
                self[f],
                f == "section_budget",
            )
            for f in PLAN_SECTIONS
        ]

    # Actions -----------------------------------------------------------------

    def action_draft(self):
        """A rejected plan is corrected in draft and submitted again."""
        for rec in self:
            if rec.state != "rejected":
                raise UserError(
                    self.env._("Only a rejected operations plan can be reopened.")
                )
        self._ops_check_owner_or_manager()
        as_server(self.review_ids).unlink()
        self.sudo()._ops_set_state("draft", {"submitted_on": False})
        return True

    def action_cancel(self):
        """Withdraw a draft that will not be submitted."""
        todo = self.filtered(lambda r: r.state == "draft")
        todo._ops_check_owner_or_manager()
        todo._ops_set_state("cancel")
        return True

    def action_new_version(self):
        """Copy the current (approved) version into a new draft version; the
        approved one stays current until the new one is approved."""
        self.ensure_one()
        self._ops_check_owner_or_manager()
        self._ops_lock()
        self.invalidate_recordset(["is_current"])
        if not self.is_current:
            raise UserError(
                self.env._(
                    "A new version starts from the current (approved) version of "
                    "the plan, not from “%(name)s”.",
                    name=self.display_name,
                )
            )
        family = self.sudo().search([("root_id", "=", self.root_id.id)])
        pending = family.filtered(
            lambda p: p.state in ("draft", "under_review", "rejected")
        )
        if pending:
            raise UserError(
                self.env._(
                    "A new version of this plan is already being prepared: "
                    "%(version)s.",
                    version=pending[0].display_name,
                )
            )
        new = as_server(self).copy(
            {
                "version": max(family.mapped("version")) + 1,
                "root_id": self.root_id.id,
                "previous_id": self.id,
                "user_id": self.user_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    @api.model
    def _ops_action_for(self, domain, context):
        """The plans of a project or proposal; a new one starts from the
        company's default template."""
        template = self.env["ops.project.plan.template"]._ops_default()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Operations Plans"),
            "res_model": self._name,
            "view_mode": "list,kanban,form",
            "domain": domain,
            "context": dict(context, default_template_id=template.id),
        }

    def action_open_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Versions"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("root_id", "=", self.root_id.id)],
        }

    def action_open_project(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "view_mode": "form",
        }

    def action_open_proposal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.project.proposal",
            "res_id": self.proposal_id.id,
            "view_mode": "form",
        }
