# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.ops_guard import ops_model_names


class OpsApprovalResetWizard(models.TransientModel):
    """A manager restarts an approval after decisions, saying why."""

    _name = "ops.approval.reset.wizard"
    _description = "Reset Approval"

    reason = fields.Text(required=True)

    def action_reset(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for resetting the approval."))
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        names = ops_model_names(self.env)
        if model not in names:
            raise UserError(self.env._("Nothing to reset."))
        self.env[model].browse(ids)._ops_reset(self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
