# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsAdminLoanReturn(models.TransientModel):
    """The inspection on return (仪器验收单), filled by the lab head."""

    _name = "ops.admin.loan.return"
    _description = "Equipment Return Inspection"

    loan_id = fields.Many2one("ops.admin.equipment.loan", required=True)
    return_condition = fields.Selection(
        selection=lambda self: self.env["ops.admin.equipment.loan"]
        ._fields["return_condition"]
        ._description_selection(self.env),
        string="Condition",
        required=True,
        default="good",
    )
    inspection_note = fields.Text(string="Inspection Notes")

    def action_confirm(self):
        self.ensure_one()
        self.loan_id._ops_register_return(self.return_condition, self.inspection_note)
        return {"type": "ir.actions.act_window_close"}
