# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsProjectProposalReserve(models.TransientModel):
    _name = "ops.project.proposal.reserve"
    _description = "Set a Proposal Aside as Reserve"

    proposal_id = fields.Many2one("ops.project.proposal", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.proposal_id._ops_set_reserve(self.reason)
        return {"type": "ir.actions.act_window_close"}
