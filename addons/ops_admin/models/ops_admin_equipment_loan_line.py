# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server


class OpsAdminEquipmentLoanLine(models.Model):
    """A line of the material requisition (领料单) of a loan: accessories and
    consumables taken with the equipment. Signed with the loan: its lines
    change only while the loan is a draft."""

    _name = "ops.admin.equipment.loan.line"
    _description = "Equipment Loan: Material Requisition Line"
    _order = "loan_id, sequence, id"

    loan_id = fields.Many2one(
        "ops.admin.equipment.loan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="loan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product")
    name = fields.Char(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name

    def _ops_check_draft(self, loans):
        if is_server(self):
            return True
        loans.check_access("write")
        for loan in loans:
            if loan.state != "draft":
                raise UserError(
                    self.env._(
                        "The material requisition of “%(name)s” is signed: it "
                        "changes only on a draft loan.",
                        name=loan.display_name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        loan_ids = [v.get("loan_id") for v in vals_list if v.get("loan_id")]
        self._ops_check_draft(self.env["ops.admin.equipment.loan"].browse(loan_ids))
        return super().create(vals_list)

    def write(self, vals):
        loans = self.loan_id
        if vals.get("loan_id"):
            loans |= loans.browse(vals["loan_id"])
        self._ops_check_draft(loans)
        return super().write(vals)

    def unlink(self):
        self._ops_check_draft(self.loan_id)
        return super().unlink()
