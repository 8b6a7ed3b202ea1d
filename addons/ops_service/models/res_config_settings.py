# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_service_manager_id = fields.Many2one(
        related="company_id.ops_service_manager_id", readonly=False
    )
    ops_service_escalation_hours = fields.Integer(
        related="company_id.ops_service_escalation_hours", readonly=False
    )
    ops_service_revisit_days = fields.Integer(
        related="company_id.ops_service_revisit_days", readonly=False
    )
