# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_regulation_review_months = fields.Integer(
        related="company_id.ops_regulation_review_months", readonly=False
    )

    ops_approval_urge_interval_hours = fields.Integer(
        related="company_id.ops_approval_urge_interval_hours", readonly=False
    )
    ops_approval_response_days = fields.Integer(
        related="company_id.ops_approval_response_days", readonly=False
    )
