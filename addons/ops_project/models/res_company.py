# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_general_manager_id = fields.Many2one(
        "res.users",
        string="General Manager",
        help="Member of the initiation committee and final authority for "
        "investments up to the general manager's limit.",
    )
    ops_sales_manager_id = fields.Many2one(
        "res.users",
        string="Sales Manager (Committee)",
        help="Member of the initiation committee.",
    )
    ops_product_manager_id = fields.Many2one(
        "res.users",
        string="Product Manager (Committee)",
        help="Member of the initiation committee.",
    )
    ops_leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Default Leader in Charge",
        help="Reviews investment proposals after the investment department.",
    )
    ops_invest_gm_limit = fields.Monetary(
        string="General Manager Approval Limit",
        currency_field="currency_id",
        default=1000000.0,
        help="Investments up to this amount are decided by the general manager.",
    )
    ops_invest_office_limit = fields.Monetary(
        string="GM Office Approval Limit",
        currency_field="currency_id",
        default=5000000.0,
        help="Investments above the general manager's limit and up to this "
        "amount are decided by the GM office; above it, by the board.",
    )
    ops_proposal_answer_days = fields.Integer(
        string="Proposal Answer Deadline (days)",
        default=5,
        help="A submitted proposal must be answered within this many days.",
    )

    _sql_constraints = [
        (
            "ops_proposal_answer_days_positive",
            "CHECK(ops_proposal_answer_days > 0)",
            "The proposal answer deadline must be at least one day.",
        ),
        (
            "ops_invest_limits_ordered",
            "CHECK(ops_invest_office_limit >= ops_invest_gm_limit)",
            "The GM office limit cannot be below the general manager's limit.",
        ),
    ]
