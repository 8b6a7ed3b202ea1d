# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.osv import expression


class HrEmployeeBase(models.AbstractModel):
    _inherit = "hr.employee.base"

    def _search_filter_for_expense(self, operator, value):
        # The department assistant files claims for the department's staff
        # (the regulations: staff hand their invoices to the assistant).
        domain = super()._search_filter_for_expense(operator, value)
        user = self.env.user
        if not user.has_group("ops_admin.group_ops_admin_assistant"):
            return domain
        return expression.OR(
            [
                domain,
                [
                    ("department_id.ops_assistant_ids", "in", user.ids),
                    ("company_id", "in", [False, *self.env.companies.ids]),
                ],
            ]
        )
