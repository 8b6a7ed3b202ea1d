# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server


class OpsProjectLaunch(models.Model):
    """Launch acceptance (上线前验收): the gate before the launch phase."""

    _name = "ops.project.launch"
    _description = "Launch Acceptance"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["accepted"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    # Accepted only through its approval; the gate of the launch phase reads
    # this state, so it can never be written by hand.
    _ops_initial_state = "draft"
    _ops_transitions = {"draft": ("accepted",)}
    _ops_frozen_fields = ("project_id", "line_ids")
    _ops_server_fields = ("accepted_on",)
    # No applicant field: whoever asks for the acceptance cannot give it.
    _ops_requester_field = False
    _ops_department_field = "department_id"

    name = fields.Char(required=True)
    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    state = fields.Selection(
        selection=[
            ("draft", "In Preparation"),
            ("accepted", "Accepted"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "ops.project.launch.line", "launch_id", string="Checklist"
    )
    progress = fields.Float(compute="_compute_progress", string="Checked (%)")
    accepted_on = fields.Date(readonly=True, copy=False)
    # Value-added product track (增值产品) and the technical department's
    # default launch step.
    value_added = fields.Boolean(
        related="project_id.ops_value_added", string="Value-added Product"
    )
    technical_reviewer_id = fields.Many2one(
        "res.users",
        string="Technical Department Manager",
        compute="_compute_technical_reviewer_id",
        help="Manager of the company's technical department: accepts the "
        "launch first (Operations settings).",
    )

    @api.depends("line_ids.done")
    def _compute_progress(self):
        for rec in self:
            total = len(rec.line_ids)
            rec.progress = total and 100.0 * len(rec.line_ids.filtered("done")) / total

    @api.depends("company_id")
    def _compute_technical_reviewer_id(self):
        for rec in self:
            department = rec.sudo().company_id.ops_technical_department_id
            rec.technical_reviewer_id = department.manager_id.user_id

    @api.model
    def _ops_checklist(self, project=None):
        items = [
            ("functional", self.env._("Functional and performance tests")),
            ("security", self.env._("Security test")),
            ("compliance", self.env._("Compliance review")),
            ("environment", self.env._("Environment deployed")),
            ("data", self.env._("Data migrated")),
            ("training", self.env._("Users trained")),
        ]
        if project and project.sudo().ops_value_added:
            items += self._ops_value_added_checklist()
        return items

    @api.model
    def _ops_value_added_checklist(self):
        return [
            ("unit", self.env._("Unit test")),
            ("integration", self.env._("Integration test")),
            ("system", self.env._("System test")),
            ("compatibility", self.env._("Compatibility test")),
        ]

    @api.model
    def _ops_vals_for(self, project):
        return {
            "name": self.env._("Launch acceptance: %(name)s", name=project.name),
            "project_id": project.id,
            "line_ids": [
                fields.Command.create({"kind": kind, "name": label})
                for kind, label in self._ops_checklist(project)
            ],
        }

    def action_add_value_added_items(self):
        """The operations manager puts a project on the value-added product
        track after its acceptance was prepared (a project from a
        value-added proposal is on it from the start): the flag is set by the
        server only, and the track's test items join the checklist."""
        self._ops_check_groups("ops_base.group_ops_manager")
        self.check_access("write")
        for rec in self:
            if rec.state != "draft" or rec.review_ids:
                raise UserError(
                    self.env._(
                        "The launch acceptance “%(name)s” is under review or "
                        "closed: its checklist no longer changes.",
                        name=rec.name,
                    )
                )
            project = rec.project_id.sudo()
            if not project.ops_value_added:
                as_server(project).ops_value_added = True
                project.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "%(user)s put the project on the value-added product " "track.",
                        user=self.env.user.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            missing = [
                (kind, label)
                for kind, label in self._ops_value_added_checklist()
                if kind not in rec.line_ids.mapped("kind")
            ]
            self.env["ops.project.launch.line"].create(
                [
                    {"launch_id": rec.id, "kind": kind, "name": label}
                    for kind, label in missing
                ]
            )
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["line_ids"]

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal (JSON-RPC sends its repr).
    @api.returns("tier.review")
    def request_validation(self):
        for rec in self:
            required = dict(self._ops_checklist(rec.project_id))
            if rec.line_ids.filtered(lambda line: not line.done):
                raise UserError(
                    self.env._(
                        "Check every item of the launch checklist before asking for "
                        "acceptance."
                    )
                )
            # The regulations' items cannot be removed to pass the gate.
            missing = set(required) - set(rec.line_ids.mapped("kind"))
            if missing:
                raise UserError(
                    self.env._(
                        "The launch checklist of “%(name)s” lacks items the "
                        "regulations require: %(items)s.",
                        name=rec.name,
                        items=", ".join(required[k] for k in sorted(missing)),
                    )
                )
            rec._ops_check_technical_department()
            if rec.value_added:
                rec._ops_check_value_added()
        return super().request_validation()

    def _ops_check_technical_department(self):
        """The technical department accepts every launch: a department set
        without a manager would silently drop its step."""
        self.ensure_one()
        department = self.sudo().company_id.ops_technical_department_id
        if department and not self.technical_reviewer_id:
            raise UserError(
                self.env._(
                    "The technical department “%(department)s” has no manager to "
                    "accept the launch: complete it before asking for acceptance.",
                    department=department.display_name,
                )
            )
        if self.value_added and not department:
            raise UserError(
                self.env._(
                    "A value-added product is accepted by the technical "
                    "department: set the company's technical department in the "
                    "Operations settings."
                )
            )
        return True

    def _ops_check_value_added(self):
        """Launch of a value-added product (增值产品上线): the product committee
        and the design review approved it, and each quality target is met or
        waived by the operations manager."""
        self.ensure_one()
        project = self.project_id.sudo()
        reviews = (
            self.env["ops.project.product.review"]
            .sudo()
            .search([("project_id", "=", project.id), ("state", "=", "approved")])
        )
        Review = self.env["ops.project.product.review"]
        kinds = dict(Review._fields["kind"]._description_selection(self.env))
        missing = [kinds[k] for k in kinds if k not in reviews.mapped("kind")]
        if missing:
            raise UserError(
                self.env._(
                    "“%(name)s” is a value-added product: it launches after an "
                    "approved %(reviews)s.",
                    name=project.name,
                    reviews=", ".join(missing),
                )
            )
        targets = project.ops_quality_target_ids
        if not targets:
            raise UserError(
                self.env._(
                    "Set the quality targets of the value-added product “%(name)s” "
                    "(defect density, pass rate, response time...) before its "
                    "launch.",
                    name=project.name,
                )
            )
        missed = targets._ops_missed()
        if missed:
            raise UserError(
                self.env._(
                    "Quality targets of “%(name)s” are missed: %(targets)s. Meet "
                    "them, or have the operations manager waive them with a "
                    "reason.",
                    name=project.name,
                    targets=", ".join(missed.mapped("name")),
                )
            )
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        for rec in self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "validated"
        ):
            rec.sudo()._ops_set_state(
                "accepted", {"accepted_on": fields.Date.context_today(rec)}
            )
            rec.project_id.sudo().message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Launch acceptance approved: the project may launch."),
                subtype_xmlid="mail.mt_note",
            )
        return res

    def action_open_project(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "view_mode": "form",
        }
