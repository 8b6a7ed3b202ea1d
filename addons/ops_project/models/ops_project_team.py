# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Project team (项目团队): the general manager appoints the project lead
(项目负责人) and approves the team; both take effect on the project only
once approved."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

from .ops_project_scope import ops_check_project_kept, ops_manages_project

TEAM_ROLES = [
    ("product_manager", "Product Manager"),
    ("operations_specialist", "Operations Specialist"),
    ("data_analyst", "Data Analyst"),
    ("marketing_promoter", "Marketing Promoter"),
    ("customer_operations", "Customer Operations"),
    ("product_operations", "Product Operations"),
    ("technical", "Technical Staff"),
    ("other", "Other"),
]


class OpsProjectTeam(models.Model):
    _name = "ops.project.team"
    _description = "Project Team"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "project_id, id desc"

    _state_from = ["draft", "under_review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("under_review", "cancel"),
        "under_review": ("approved", "rejected", "draft"),
        "approved": ("superseded",),
    }
    _ops_frozen_fields = ("project_id", "lead_id")
    _ops_server_fields = ("approved_on",)
    _ops_requester_field = "create_uid"
    _ops_department_field = "department_id"

    # Not stored: the label is in the reader's language, not its creator's.
    name = fields.Char(compute="_compute_name", search="_search_name")
    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("ops_is_operations", "=", True)],
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    lead_id = fields.Many2one(
        "res.users",
        string="Project Lead",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    member_ids = fields.One2many(
        "ops.project.team.member", "team_id", string="Members", copy=True
    )
    gm_id = fields.Many2one(
        related="company_id.ops_general_manager_id", string="General Manager"
    )
    approved_on = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [
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

    @api.depends("project_id.name", "lead_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for rec in self:
            rec.name = self.env._(
                "Team of %(project)s (%(lead)s)",
                project=rec.project_id.name or "",
                lead=rec.lead_id.name or "",
            )

    @api.depends_context("lang")
    def _compute_display_name(self):
        return super()._compute_display_name()

    def _search_name(self, operator, value):
        if operator in expression.NEGATIVE_TERM_OPERATORS:
            return [
                ("project_id.name", operator, value),
                ("lead_id.name", operator, value),
            ]
        return [
            "|",
            ("project_id.name", operator, value),
            ("lead_id.name", operator, value),
        ]

    @api.constrains("lead_id", "project_id")
    def _check_lead_company(self):
        """The lead becomes the project's lead: a user of another company
        could not even open the project."""
        for rec in self.sudo():
            company = rec.project_id.company_id
            if company and rec.lead_id and company not in rec.lead_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s does not work for %(company)s: they cannot "
                        "lead “%(project)s”.",
                        user=rec.lead_id.name,
                        company=company.name,
                        project=rec.project_id.display_name,
                    )
                )

    @api.model
    def _get_under_validation_exceptions(self):
        # The engine moves the state; the rest stays frozen under review.
        return super()._get_under_validation_exceptions() + ["state", "approved_on"]

    def _ops_check_proposer(self):
        """The current project lead or an operations manager proposes a
        team."""
        if is_server(self):
            return True
        for rec in self:
            project = rec.project_id.sudo()
            if project.user_id != self.env.user and not ops_manages_project(
                self.env, project
            ):
                raise AccessError(
                    self.env._(
                        "Only the project lead of “%(project)s” or an operations "
                        "manager of its department proposes its team.",
                        project=rec.project_id.display_name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ops_check_proposer()
        return records

    def write(self, vals):
        if not is_server(self):
            ops_check_project_kept(self, vals)
            self._ops_check_proposer()
        return super().write(vals)

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        return self._ops_check_proposer()

    @api.returns("tier.review")
    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._ops_check_proposer()
        for rec in to_submit:
            if not rec.gm_id:
                raise UserError(
                    self.env._(
                        "Set the general manager in the Operations settings: "
                        "they approve project teams."
                    )
                )
        reviews = super().request_validation()
        for rec in to_submit.filtered("review_ids"):
            rec._ops_set_state("under_review")
        return reviews

    def restart_validation(self):
        res = super().restart_validation()
        self.filtered(
            lambda r: r.state == "under_review" and not r.review_ids
        ).sudo()._ops_set_state("draft")
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
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                rec.sudo()._ops_apply()
            elif rec.validation_status == "rejected":
                rec.sudo()._ops_set_state("rejected")
        return True

    def _ops_apply(self):
        """The approved team takes effect: its lead becomes the project's
        lead, its members follow the project, the previous team steps down."""
        self.ensure_one()
        # Companies may have changed since the proposal.
        self._check_lead_company()
        self.member_ids._check_user_company()
        previous = self.search(
            [
                ("project_id", "=", self.project_id.id),
                ("state", "=", "approved"),
                ("id", "!=", self.id),
            ]
        )
        previous._ops_set_state("superseded")
        project = as_server(self.project_id.sudo())
        project.write({"user_id": self.lead_id.id})
        project.message_subscribe(
            partner_ids=(self.lead_id | self.member_ids.user_id).partner_id.ids
        )
        project.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Project team approved by the general manager; project lead: "
                "%(lead)s.",
                lead=self.lead_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._ops_set_state(
            "approved", {"approved_on": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        todo = self.filtered(lambda r: r.state == "draft")
        todo._ops_check_proposer()
        todo._ops_set_state("cancel")
        return True


class OpsProjectTeamMember(models.Model):
    _name = "ops.project.team.member"
    _description = "Project Team Member"
    _order = "team_id, id"

    team_id = fields.Many2one(
        "ops.project.team", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Member", required=True, domain=[("share", "=", False)]
    )
    role = fields.Selection(TEAM_ROLES, required=True, default="other")
    note = fields.Char(string="Responsibility")

    _sql_constraints = [
        (
            "team_user_uniq",
            "unique(team_id, user_id)",
            "A person appears once in a team.",
        ),
    ]

    @api.constrains("user_id", "team_id")
    def _check_user_company(self):
        """Members follow the project: each works for the project's
        company."""
        for rec in self.sudo():
            company = rec.team_id.project_id.company_id
            if company and company not in rec.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s does not work for %(company)s: they cannot "
                        "join the team of “%(project)s”.",
                        user=rec.user_id.name,
                        company=company.name,
                        project=rec.team_id.project_id.display_name,
                    )
                )

    def _ops_check_draft(self, teams):
        """What the general manager approved stays as approved."""
        if is_server(self):
            return True
        teams._ops_check_proposer()
        for team in teams:
            if team.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(name)s” is no longer a draft: its members cannot "
                        "change. Propose a new team instead.",
                        name=team.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        teams = self.env["ops.project.team"].browse(
            [v["team_id"] for v in vals_list if v.get("team_id")]
        )
        self._ops_check_draft(teams)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_draft(self.team_id)
        if "team_id" in vals and not is_server(self):
            self._ops_check_draft(self.env["ops.project.team"].browse(vals["team_id"]))
        return super().write(vals)

    def unlink(self):
        self._ops_check_draft(self.team_id)
        return super().unlink()
