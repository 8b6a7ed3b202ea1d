# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_appraisal_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Appraisal Currency"
    )
    ops_appraisal_base_bonus = fields.Monetary(
        related="company_id.ops_appraisal_base_bonus",
        currency_field="ops_appraisal_currency_id",
        readonly=False,
    )
    ops_appraisal_auto_cycle = fields.Boolean(
        related="company_id.ops_appraisal_auto_cycle", readonly=False
    )
