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

    name = fields.Char(required=True)
    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
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

    def request_validation(self):
        for rec in self:
            if rec.line_ids.filtered(lambda line: not line.done):
                raise UserError(
                    self.env._(
                        "Check every item of the launch checklist before asking for "
                        "acceptance."
                    )
                )
        return super().request_validation()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        for rec in self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "validated"
        ):
            rec.sudo().write(
                {"state": "accepted", "accepted_on": fields.Date.context_today(rec)}
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
