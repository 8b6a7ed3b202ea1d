# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


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

    @api.depends("line_ids.done")
    def _compute_progress(self):
        for rec in self:
            total = len(rec.line_ids)
            rec.progress = total and 100.0 * len(rec.line_ids.filtered("done")) / total

    @api.model
    def _ops_checklist(self):
        return [
            ("functional", self.env._("Functional and performance tests")),
            ("security", self.env._("Security test")),
            ("compliance", self.env._("Compliance review")),
            ("environment", self.env._("Environment deployed")),
            ("data", self.env._("Data migrated")),
            ("training", self.env._("Users trained")),
        ]

    @api.model
    def _ops_vals_for(self, project):
        return {
            "name": self.env._("Launch acceptance: %(name)s", name=project.name),
            "project_id": project.id,
            "line_ids": [
                fields.Command.create({"kind": kind, "name": label})
                for kind, label in self._ops_checklist()
            ],
        }

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["line_ids"]

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal (JSON-RPC sends its repr).
    @api.returns("tier.review")
    def request_validation(self):
        required = dict(self._ops_checklist())
        for rec in self:
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
        return super().request_validation()

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
