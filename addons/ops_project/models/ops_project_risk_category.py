# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsProjectRiskCategory(models.Model):
    _name = "ops.project.risk.category"
    _description = "Project Risk Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    investment = fields.Boolean(
        string="Investment Risk",
        help="Assessed on every investment proposal before it is submitted.",
    )
