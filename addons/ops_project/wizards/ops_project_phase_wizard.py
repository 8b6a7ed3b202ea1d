# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OpsProjectPhaseWizard(models.TransientModel):
    """An operations manager skips a phase or moves a project back, with the
    reason that goes into the project's chatter."""

    _name = "ops.project.phase.wizard"
    _description = "Change the Phase of an Operations Project"

    project_id = fields.Many2one("project.project", required=True)
    stage_id = fields.Many2one(
        "project.project.stage",
        string="New Phase",
        required=True,
        domain="[('id', 'in', phase_ids)]",
    )
    phase_ids = fields.Many2many("project.project.stage", compute="_compute_phase_ids")
    reason = fields.Text(required=True)

    @api.depends("project_id")
    def _compute_phase_ids(self):
        phases = self.env["project.project"]._ops_phase_stages()
        for wizard in self:
            wizard.phase_ids = phases

    def action_confirm(self):
        self.ensure_one()
        self.project_id._ops_move_phase(self.stage_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
