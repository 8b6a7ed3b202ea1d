# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsAppraisalDisputeWizard(models.TransientModel):
    _name = "ops.appraisal.dispute.wizard"
    _description = "Dispute an Appraisal"

    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.appraisal_id._ops_dispute(self.reason)
        return {"type": "ir.actions.act_window_close"}
