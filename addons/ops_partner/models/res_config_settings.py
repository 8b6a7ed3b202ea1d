# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_contract_review_enabled = fields.Boolean(
        related="company_id.ops_contract_review_enabled", readonly=False
    )
    ops_contract_review_amount = fields.Monetary(
        related="company_id.ops_contract_review_amount", readonly=False
    )
    ops_standard_payment_term_ids = fields.Many2many(
        related="company_id.ops_standard_payment_term_ids", readonly=False
    )
    ops_contract_business_user_ids = fields.Many2many(
        related="company_id.ops_contract_business_user_ids", readonly=False
    )
    ops_contract_technical_user_ids = fields.Many2many(
        related="company_id.ops_contract_technical_user_ids", readonly=False
    )
    ops_contract_finance_user_ids = fields.Many2many(
        related="company_id.ops_contract_finance_user_ids", readonly=False
    )
    ops_contract_gm_user_ids = fields.Many2many(
        related="company_id.ops_contract_gm_user_ids", readonly=False
    )
    ops_supplier_qualification_required = fields.Boolean(
        related="company_id.ops_supplier_qualification_required", readonly=False
    )
    ops_supplier_qualification_months = fields.Integer(
        related="company_id.ops_supplier_qualification_months", readonly=False
    )
    ops_supplier_reevaluation_days = fields.Integer(
        related="company_id.ops_supplier_reevaluation_days", readonly=False
    )
