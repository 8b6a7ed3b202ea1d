# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrExpense(models.Model):
    _inherit = "hr.expense"

    ops_is_travel = fields.Boolean(
        string="Travel Expense", compute="_compute_ops_is_travel"
    )
    ops_travel_id = fields.Many2one(
        "ops.admin.travel",
        string="Travel Request",
        index="btree_not_null",
        copy=False,
        domain="[('state', '=', 'approved'), ('user_id', '=', ops_employee_user_id)]",
        help="The approved travel request that covers this expense.",
    )
    ops_employee_user_id = fields.Many2one(related="employee_id.user_id")
    ops_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        related="employee_id.department_id",
        store=True,
        index="btree_not_null",
    )

    @api.depends("product_id.categ_id")
    def _compute_ops_is_travel(self):
        for expense in self:
            category = expense.product_id.categ_id
            expense.ops_is_travel = bool(category) and category._ops_is_travel()

    def _ops_fill_travel(self):
        """Link each travel expense without a request to the traveller's one
        approved request covering its date, when there is exactly one."""
        Travel = self.env["ops.admin.travel"]
        for expense in self.filtered(lambda e: e.ops_is_travel and not e.ops_travel_id):
            travel = Travel._ops_covering(expense.employee_id.sudo(), expense.date)
            if len(travel) == 1:
                expense.ops_travel_id = travel
        return True

    def _ops_check_travel(self):
        """A travel expense is reimbursed only against an approved travel
        request of the claimant that covers its date."""
        for expense in self.filtered("ops_is_travel"):
            travel = expense.sudo().ops_travel_id
            employee_user = expense.sudo().employee_id.user_id
            if (
                not travel
                or travel.state != "approved"
                or travel.user_id != employee_user
                or not (travel.date_start <= expense.date <= travel.date_end)
            ):
                raise ValidationError(
                    self.env._(
                        "The travel expense “%(expense)s” of %(employee)s "
                        "(%(date)s) needs an approved travel request of theirs "
                        "covering that date.",
                        expense=expense.name,
                        employee=expense.sudo().employee_id.name,
                        date=expense.date,
                    )
                )
        return True

    @api.constrains("ops_travel_id", "date", "product_id", "employee_id", "sheet_id")
    def _check_ops_travel(self):
        self.filtered(
            lambda e: e.sheet_id.approval_state in ("submit", "approve")
        )._ops_check_travel()
