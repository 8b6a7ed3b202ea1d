# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMMITTEE_FIELDS = (
    "ops_general_manager_id",
    "ops_sales_manager_id",
    "ops_product_manager_id",
)
AMOUNT_FIELDS = ("ops_invest_gm_limit", "ops_invest_office_limit")


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
    ops_invest_docs_limit = fields.Monetary(
        string="Full Documentation Above",
        currency_field="currency_id",
        default=1000000.0,
        help="Investments above this amount need the project proposal, the "
        "feasibility report and the implementation plan to be submitted.",
    )
    ops_invest_office_limit = fields.Monetary(
        string="GM Office Approval Limit",
        currency_field="currency_id",
        default=5000000.0,
        help="Investments above the general manager's limit and up to this "
        "amount are decided by the GM office; above it, by the board.",
    )
    ops_gm_office_member_ids = fields.Many2many(
        "res.users",
        "res_company_ops_gm_office_rel",
        "company_id",
        "user_id",
        string="GM Office Members",
        help="Decide investments between the general manager's and the GM "
        "office's limits, as a body (by the rule of their approval tier).",
    )
    ops_board_member_ids = fields.Many2many(
        "res.users",
        "res_company_ops_board_rel",
        "company_id",
        "user_id",
        string="Board Members",
        help="Decide investments above the GM office's limit, as a body (by "
        "the rule of their approval tier).",
    )
    ops_technical_department_id = fields.Many2one(
        "hr.department",
        string="Technical Department",
        help="Its manager accepts every launch first; its members and "
        "managers check the technical items of launch checklists (tests, "
        "security, deployment, data migration).",
    )
    ops_proposal_answer_days = fields.Integer(
        string="Proposal Answer Deadline (days)",
        default=5,
        help="A submitted proposal must be answered within this many days.",
    )
    # Milestone plans: sales (the sales manager above) and purchasing confirm
    # the project manager's plan before it becomes the baseline.
    ops_purchase_manager_id = fields.Many2one(
        "res.users",
        string="Purchasing Manager",
        help="Confirms the milestone plans of operations projects, after or "
        "with the sales manager.",
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

    @api.constrains(*COMMITTEE_FIELDS)
    def _check_ops_committee_distinct(self):
        """Three slots, three people: one person in two slots would approve a
        non-standard proposal twice and the unanimity would be a fiction."""
        for company in self:
            seen = {}
            for fname in COMMITTEE_FIELDS:
                user = company[fname]
                if not user:
                    continue
                label = company._fields[fname]._description_string(self.env)
                if user in seen:
                    raise ValidationError(
                        self.env._(
                            "%(user)s cannot sit twice in the initiation "
                            "committee (%(first)s and %(second)s): choose three "
                            "different people.",
                            user=user.name,
                            first=seen[user],
                            second=label,
                        )
                    )
                seen[user] = label

    @api.constrains(*AMOUNT_FIELDS)
    def _check_ops_limits_positive(self):
        for company in self:
            if any(company[fname] < 0 for fname in AMOUNT_FIELDS):
                raise ValidationError(
                    self.env._("The investment approval limits cannot be negative.")
                )
