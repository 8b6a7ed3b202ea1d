# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_expense_approval = fields.Boolean(
        string="Expense Claims: Department Head then Finance",
        help="Expense reports of this company are approved by the claimant's "
        "department head, then finance, under the operations rules. Off: "
        "the Expenses app's own approval.",
    )
