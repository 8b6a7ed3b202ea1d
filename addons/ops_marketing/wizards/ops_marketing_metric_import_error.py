# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsMarketingMetricImportError(models.TransientModel):
    _name = "ops.marketing.metric.import.error"
    _description = "Rejected Metric Row"
    _order = "row"

    wizard_id = fields.Many2one(
        "ops.marketing.metric.import", required=True, ondelete="cascade"
    )
    row = fields.Integer()
    reason = fields.Char()
