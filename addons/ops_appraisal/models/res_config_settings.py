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

    ops_appraisal_points_rule = fields.Selection(
        related="company_id.ops_appraisal_points_rule", readonly=False
    )
    ops_appraisal_points_factor = fields.Float(
        related="company_id.ops_appraisal_points_factor", readonly=False
    )
    ops_appraisal_points_max_bonus = fields.Float(
        related="company_id.ops_appraisal_points_max_bonus", readonly=False
    )
    ops_appraisal_points_max_malus = fields.Float(
        related="company_id.ops_appraisal_points_max_malus", readonly=False
    )
    ops_appraisal_points_dimension = fields.Selection(
        related="company_id.ops_appraisal_points_dimension", readonly=False
    )
    ops_nda_required = fields.Boolean(
        related="company_id.ops_nda_required", readonly=False
    )
    ops_nda_job_ids = fields.Many2many(
        related="company_id.ops_nda_job_ids", readonly=False
    )
