# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Contract review (合同评审): who reviews, and which quotations need it.
    # Off until a company turns it on: installing the addon blocks nobody's
    # quotations before the reviewers are set.
    ops_contract_review_enabled = fields.Boolean(
        string="Contract Review",
        help="Quotations above the threshold or with non-standard terms are "
        "reviewed by the business, technical and finance departments, then "
        "signed off by the general manager, before they can be confirmed.",
    )
    ops_contract_review_amount = fields.Monetary(
        string="Contract Review Threshold",
        currency_field="currency_id",
        default=100000.0,
        help="Quotations whose total (in the company currency) exceeds this "
        "amount are reviewed before they can be confirmed.",
    )
    ops_standard_payment_term_ids = fields.Many2many(
        "account.payment.term",
        "ops_company_standard_payment_term_rel",
        "company_id",
        "term_id",
        string="Standard Payment Terms",
        help="A quotation with another payment term has non-standard terms "
        "and is reviewed whatever its amount.",
    )
    ops_contract_business_user_ids = fields.Many2many(
        "res.users",
        "ops_company_contract_business_rel",
        "company_id",
        "user_id",
        string="Business Department Reviewers",
    )
    ops_contract_technical_user_ids = fields.Many2many(
        "res.users",
        "ops_company_contract_technical_rel",
        "company_id",
        "user_id",
        string="Technical Department Reviewers",
    )
    ops_contract_finance_user_ids = fields.Many2many(
        "res.users",
        "ops_company_contract_finance_rel",
        "company_id",
        "user_id",
        string="Finance Department Reviewers",
    )
    ops_contract_gm_user_ids = fields.Many2many(
        "res.users",
        "ops_company_contract_gm_rel",
        "company_id",
        "user_id",
        string="General Manager (Sign-off)",
    )
    # Supplier admission (供应商评审).
    ops_supplier_qualification_required = fields.Boolean(
        string="Only Qualified Suppliers",
        help="Purchase orders to a supplier without a valid qualification are "
        "refused.",
    )
    ops_supplier_qualification_months = fields.Integer(
        string="Qualification Validity (months)", default=12
    )
    ops_supplier_reevaluation_days = fields.Integer(
        string="Re-evaluation Notice (days)",
        default=30,
        help="The re-evaluation of a qualified supplier is opened this many "
        "days before its qualification expires.",
    )
