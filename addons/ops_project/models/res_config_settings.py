# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Operations Currency"
    )
    ops_general_manager_id = fields.Many2one(
        related="company_id.ops_general_manager_id", readonly=False
    )
    ops_sales_manager_id = fields.Many2one(
        related="company_id.ops_sales_manager_id", readonly=False
    )
    ops_product_manager_id = fields.Many2one(
        related="company_id.ops_product_manager_id", readonly=False
    )
    ops_leader_in_charge_id = fields.Many2one(
        related="company_id.ops_leader_in_charge_id", readonly=False
    )
    ops_invest_gm_limit = fields.Monetary(
        related="company_id.ops_invest_gm_limit",
        readonly=False,
        currency_field="ops_currency_id",
    )
    ops_invest_docs_limit = fields.Monetary(
        related="company_id.ops_invest_docs_limit",
        readonly=False,
        currency_field="ops_currency_id",
    )
    ops_invest_office_limit = fields.Monetary(
        related="company_id.ops_invest_office_limit",
        readonly=False,
        currency_field="ops_currency_id",
    )
    ops_proposal_answer_days = fields.Integer(
        related="company_id.ops_proposal_answer_days", readonly=False
    )
    ops_gm_office_member_ids = fields.Many2many(
        related="company_id.ops_gm_office_member_ids", readonly=False
    )
    ops_board_member_ids = fields.Many2many(
        related="company_id.ops_board_member_ids", readonly=False
    )
    ops_purchase_manager_id = fields.Many2one(
        related="company_id.ops_purchase_manager_id", readonly=False
    )
    ops_technical_department_id = fields.Many2one(
        related="company_id.ops_technical_department_id", readonly=False
    )
