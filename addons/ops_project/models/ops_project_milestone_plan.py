# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Milestone plan (里程碑计划): the project manager plans the milestones and
their deadlines; sales and purchasing confirm the plan (two tiers of the
engine) before it becomes the project's baseline. A re-plan is a new
version; the versions before it are kept."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

from .ops_project_scope import ops_check_project_kept, ops_manages_project

OPEN_STATES = ("draft", "under_review")


class OpsProjectMilestonePlan(models.Model):
    _name = "ops.project.milestone.plan"
    _description = "Milestone Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "project_id, version desc"

    _state_from = ["draft", "under_review"]
    _state_to = ["baseline"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("under_review", "cancel"),
        "under_review": ("baseline", "rejected", "draft"),
        "baseline": ("superseded",),
    }
    # What sales and purchasing confirmed (the lines are guarded below).
    _ops_frozen_fields = ("project_id", "note")
    _ops_server_fields = ("version", "user_id", "baseline_on")
    # The project manager makes the plan: the create_uid and the project's
    # lead are added to the requesters in ``_ops_requesters``.
    _ops_requester_field = "user_id"
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
    version = fields.Integer(default=1, readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Project Manager",
        readonly=True,
        copy=False,
        help="Who made the plan: they cannot confirm it.",
    )
    note = fields.Text(string="Notes")
    line_ids = fields.One2many(
        "ops.project.milestone.plan.line", "plan_id", string="Milestones", copy=True
    )
    sales_confirmer_id = fields.Many2one(
        related="company_id.ops_sales_manager_id", string="Sales Confirmation"
    )
    purchase_confirmer_id = fields.Many2one(
        related="company_id.ops_purchase_manager_id", string="Purchasing Confirmation"
    )
    baseline_on = fields.Date(string="Baseline Since", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("under_review", "Under Confirmation"),
            ("baseline", "Baseline"),
            ("rejected", "Rejected"),
            ("superseded", "Superseded"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.depends("project_id.name", "version")
    @api.depends_context("lang")
    def _compute_name(self):
        for rec in self:
            rec.name = self.env._(
                "%(project)s, plan v%(version)s",
                project=rec.project_id.name or "",
                version=rec.version,
            )

    @api.depends_context("lang")
    def _compute_display_name(self):
        return super()._compute_display_name()

    def _search_name(self, operator, value):
        return [("project_id.name", operator, value)]

    @api.model
    def _get_under_validation_exceptions(self):
        # The engine moves the state; the rest stays frozen under review.
        return super()._get_under_validation_exceptions() + ["state", "baseline_on"]

    # Who -----------------------------------------------------------------

    def _ops_check_planner(self):
        """The project manager (the project's lead) or an operations manager
        makes and submits the plan."""
        if is_server(self):
            return True
        for rec in self:
            project = rec.project_id.sudo()
            if project.user_id != self.env.user and not ops_manages_project(
                self.env, project
            ):
                raise AccessError(
                    self.env._(
                        "Only the project manager of “%(project)s” or an "
                        "operations manager of its department makes its "
                        "milestone plan.",
                        project=rec.project_id.display_name,
                    )
                )
        return True

    def _ops_requesters(self):
        users = super()._ops_requesters()
        rec = self.sudo()
        return users | rec.create_uid | rec.project_id.user_id

    # CRUD ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        Project = self.env["project.project"]
        if not is_server(self):
            for vals in vals_list:
                project = Project.browse(vals.get("project_id")).sudo()
                self.browse()._ops_check_open_versions(project)
        records = super().create(vals_list)
        records._ops_check_planner()
        for rec in records:
            previous = self.sudo().search(
                [("project_id", "=", rec.project_id.id), ("id", "!=", rec.id)],
                order="version desc",
                limit=1,
            )
            as_server(rec).write(
                {"version": previous.version + 1, "user_id": self.env.user.id}
            )
        return records

    def _ops_check_open_versions(self, project):
        """One version in the making at a time: two drafts would both claim
        to be the next baseline."""
        if self.sudo().search_count(
            [("project_id", "=", project.id), ("state", "in", OPEN_STATES)]
        ):
            raise UserError(
                self.env._(
                    "“%(project)s” already has a milestone plan in draft or under "
                    "confirmation: finish or cancel it first.",
                    project=project.display_name,
                )
            )
        return True

    def write(self, vals):
        if not is_server(self):
            ops_check_project_kept(self, vals)
            self._ops_check_planner()
        return super().write(vals)

    # Actions ---------------------------------------------------------------

    @api.model
    def _ops_suggested_lines(self, project):
        """Line commands for a first plan: the project's milestones if it has
        some (kept as the same milestones), else the usual ones (equipment on
        site, installation, development, third-party work, acceptance,
        training) at fixed offsets from the start, for the project manager
        to edit."""
        project = project.sudo()
        milestones = project.milestone_ids.filtered("deadline").sorted("deadline")
        if milestones:
            return [
                fields.Command.create(
                    {"name": m.name, "deadline": m.deadline, "milestone_id": m.id}
                )
                for m in milestones
            ]
        start = project.date_start or fields.Date.context_today(self)
        return [
            fields.Command.create(
                {"name": name, "deadline": fields.Date.add(start, days=days)}
            )
            for name, days in self.env["project.project"]._ops_milestone_template()
        ]

    @api.model
    def _ops_draft_from_milestones(self, project):
        """The first version of a new project's plan, a draft: no baseline
        until sales and purchasing confirm it."""
        plan = as_server(self.sudo()).create(
            {
                "project_id": project.id,
                "line_ids": self._ops_suggested_lines(project),
            }
        )
        as_server(plan).write({"user_id": project.sudo().user_id.id})
        return plan

    def action_suggest_milestones(self):
        """Fill an empty draft with suggested milestones."""
        self._ops_check_planner()
        for rec in self.filtered(lambda r: r.state == "draft" and not r.line_ids):
            rec.line_ids = self._ops_suggested_lines(rec.project_id)
        return True

    def _ops_check_submittable(self):
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._(
                        "Plan the milestones of “%(name)s” before submitting it.",
                        name=rec.name,
                    )
                )
            if not (rec.sales_confirmer_id and rec.purchase_confirmer_id):
                raise UserError(
                    self.env._(
                        "Set the sales manager and the purchasing manager in the "
                        "Operations settings: they confirm milestone plans."
                    )
                )
        return True

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        return self._ops_check_planner()

    @api.returns("tier.review")
    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._ops_check_planner()
        to_submit._ops_check_submittable()
        reviews = super().request_validation()
        for rec in to_submit.filtered("review_ids"):
            rec._ops_set_state("under_review")
        return reviews

    def restart_validation(self):
        """Withdrawing the submission puts the plan back to draft."""
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
        """Both confirmations make the baseline; one refusal rejects the plan
        (the project manager makes a new version)."""
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                rec.sudo()._ops_make_baseline()
            elif rec.validation_status == "rejected":
                as_server(rec.review_ids).filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).write({"status": "cancel"})
                rec.sudo()._ops_set_state("rejected")
        return True

    def _ops_make_baseline(self):
        """Write the confirmed deadlines on the project's milestones (their
        baseline, a server field) and supersede the previous baseline."""
        self.ensure_one()
        previous = self.search(
            [
                ("project_id", "=", self.project_id.id),
                ("state", "=", "baseline"),
                ("id", "!=", self.id),
            ]
        )
        previous._ops_set_state("superseded")
        Milestone = as_server(self.env["project.milestone"].sudo())
        kept = Milestone
        for line in self.line_ids:
            vals = {
                "name": line.name,
                "deadline": line.deadline,
                "ops_baseline_deadline": line.deadline,
                "ops_plan_id": self.id,
            }
            if line.milestone_id:
                if line.milestone_id.project_id != self.project_id:
                    raise UserError(
                        self.env._(
                            "“%(milestone)s” is not a milestone of “%(project)s”: "
                            "it cannot enter its baseline.",
                            milestone=line.milestone_id.name,
                            project=self.project_id.display_name,
                        )
                    )
                milestone = as_server(line.milestone_id)
                milestone.write(vals)
            else:
                vals["project_id"] = self.project_id.id
                milestone = Milestone.create(vals)
                as_server(line).milestone_id = milestone
            kept |= milestone
        # Milestones dropped by the new version leave the baseline, and no
        # longer name a plan that does not plan them.
        dropped = Milestone.search(
            [
                ("project_id", "=", self.project_id.id),
                "|",
                ("ops_baseline_deadline", "!=", False),
                ("ops_plan_id", "!=", False),
                ("id", "not in", kept.ids),
            ]
        )
        dropped.write({"ops_baseline_deadline": False, "ops_plan_id": False})
        self._ops_set_state(
            "baseline", {"baseline_on": fields.Date.context_today(self)}
        )
        return True

    def action_new_version(self):
        """Re-plan: a new draft version with this plan's milestones; this one
        stays as it is until the new version becomes the baseline."""
        self.ensure_one()
        self._ops_check_planner()
        if self.state not in ("baseline", "rejected", "superseded"):
            raise UserError(
                self.env._("Only a confirmed or rejected plan is re-planned.")
            )
        self._ops_check_open_versions(self.project_id)
        new = self.create(
            {
                "project_id": self.project_id.id,
                "note": self.note,
                "line_ids": [
                    fields.Command.create(
                        {
                            "name": line.name,
                            "deadline": line.deadline,
                            "sequence": line.sequence,
                            "milestone_id": line.milestone_id.id,
                        }
                    )
                    for line in self.line_ids
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_open_milestones(self):
        """The project's milestones, where each one's result is checked."""
        self.ensure_one()
        return self.project_id.sudo().with_env(self.env).action_get_list_view()

    def action_cancel(self):
        """Drop a draft version."""
        todo = self.filtered(lambda r: r.state == "draft")
        todo._ops_check_planner()
        todo._ops_set_state("cancel")
        return True


class OpsProjectMilestonePlanLine(models.Model):
    _name = "ops.project.milestone.plan.line"
    _description = "Planned Milestone"
    _order = "plan_id, sequence, deadline, id"

    plan_id = fields.Many2one(
        "ops.project.milestone.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Milestone", required=True)
    deadline = fields.Date(required=True)
    # The project milestone this line plans (set when the plan becomes the
    # baseline; a new version keeps it so the same milestone is re-planned).
    milestone_id = fields.Many2one(
        "project.milestone", string="Project Milestone", readonly=True, copy=False
    )

    # Two lines planning the same milestone would both write it at baseline
    # (the last one winning unseen).
    _sql_constraints = [
        (
            "plan_milestone_uniq",
            "unique(plan_id, milestone_id)",
            "A milestone is planned once in a plan.",
        ),
    ]

    def _ops_check_draft(self, plans):
        """A plan's milestones change only while it is a draft: what sales and
        purchasing confirmed stays as they confirmed it."""
        if is_server(self):
            return True
        plans._ops_check_planner()
        for plan in plans:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(name)s” is no longer a draft: its milestones cannot "
                        "change. Make a new version of the plan instead.",
                        name=plan.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["ops.project.milestone.plan"].browse(
            [v["plan_id"] for v in vals_list if v.get("plan_id")]
        )
        self._ops_check_draft(plans)
        if not is_server(self):
            for vals in vals_list:
                self._ops_check_milestone(vals, plans)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_draft(self.plan_id)
        if not is_server(self) and "milestone_id" in vals:
            raise AccessError(
                self.env._("The milestone of a planned line is set by the server.")
            )
        if (
            not is_server(self)
            and "plan_id" in vals
            and any(line.plan_id.id != vals["plan_id"] for line in self)
        ):
            # Moved to another plan, the line would take its milestone (of
            # this plan's project) into another project's baseline.
            raise AccessError(
                self.env._("A planned milestone cannot move to another plan.")
            )
        return super().write(vals)

    def unlink(self):
        self._ops_check_draft(self.plan_id)
        return super().unlink()

    def _ops_check_milestone(self, vals, plans):
        """A new line may only point at a milestone of its plan's project."""
        if not vals.get("milestone_id"):
            return True
        milestone = self.env["project.milestone"].sudo().browse(vals["milestone_id"])
        plan = plans.filtered(lambda p: p.id == vals.get("plan_id"))
        if milestone.project_id != plan.project_id:
            raise AccessError(
                self.env._("A planned milestone belongs to the plan's project.")
            )
        return True
