# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsOperatorDiligenceLine(models.Model):
    _name = "ops.operator.diligence.line"
    _description = "Operator Due Diligence Item"
    _order = "id"

    diligence_id = fields.Many2one(
        "ops.operator.diligence", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(
        selection=[
            ("background", "Background"),
            ("licence", "Licences"),
            ("performance", "Performance"),
            ("reputation", "Reputation"),
            ("compliance", "Compliance Record"),
            ("security", "Security and Compliance Attitude"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    name = fields.Char(string="Item", required=True)
    result = fields.Selection(
        selection=[
            ("pending", "To Check"),
            ("pass", "Satisfactory"),
            ("fail", "Concern"),
        ],
        required=True,
        default="pending",
    )
    finding = fields.Text()
    company_id = fields.Many2one(related="diligence_id.company_id", store=True)

    def _ops_check_open(self):
        for line in self:
            if line.diligence_id.state != "draft" or line.diligence_id.review_ids:
                raise UserError(
                    self.env._(
                        "The due diligence checklist is under review or decided: "
                        "it can no longer change."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._ops_check_open()
        return lines

    def write(self, vals):
        self._ops_check_open()
        res = super().write(vals)
        self._ops_check_open()
        return res

    def unlink(self):
        self._ops_check_open()
        return super().unlink()
