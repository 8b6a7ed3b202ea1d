# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OpsAdminTravel(models.Model):
    """Travel request (出差申请单): approved before the trip; travel expenses
    are reimbursed only against it."""

    _name = "ops.admin.travel"
    _description = "Travel Request"
    _inherit = ["ops.admin.request"]
    _ops_sequence_code = "ops.admin.travel"

    # What the department head approved: a change goes back to draft.
    _ops_frozen_fields = (
        "user_id",
        "department_id",
        "company_id",
        "destination",
        "date_start",
        "date_end",
        "purpose",
        "estimated_cost",
        "car_needed",
        "car_request_id",
    )

    destination = fields.Char(required=True, tracking=True)
    date_start = fields.Date(
        string="Departure",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    date_end = fields.Date(
        string="Return",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    purpose = fields.Text(required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_cost = fields.Monetary(currency_field="currency_id", tracking=True)
    car_needed = fields.Boolean(
        string="Company Car Needed",
        tracking=True,
        help="A company car needs its own car request, approved before this "
        "travel request is submitted.",
    )
    car_request_id = fields.Many2one(
        "ops.admin.car.request",
        tracking=True,
        domain="[('user_id', '=', user_id), ('state', '=', 'approved')]",
    )
    expense_ids = fields.One2many(
        "hr.expense", "ops_travel_id", string="Expenses", readonly=True
    )
    expense_total = fields.Monetary(
        compute="_compute_expense_total",
        currency_field="currency_id",
        string="Expensed",
    )
    duration_days = fields.Integer(
        string="Days", compute="_compute_duration_days", store=True
    )

    _sql_constraints = [
        (
            "ops_travel_dates",
            "CHECK(date_end >= date_start)",
            "A trip cannot end before it starts.",
        ),
        (
            "ops_travel_cost_positive",
            "CHECK(estimated_cost >= 0)",
            "The estimated cost of a trip cannot be negative.",
        ),
    ]

    @api.depends("date_start", "date_end")
    def _compute_duration_days(self):
        for rec in self:
            if rec.date_start and rec.date_end:
                rec.duration_days = (rec.date_end - rec.date_start).days + 1
            else:
                rec.duration_days = 0

    @api.depends("expense_ids.total_amount")
    def _compute_expense_total(self):
        for rec in self:
            rec.expense_total = sum(rec.sudo().expense_ids.mapped("total_amount"))

    def _compute_display_name(self):
        for rec in self:
            if rec.destination:
                rec.display_name = f"{rec.name} {rec.destination}"
            else:
                rec.display_name = rec.name

    @api.constrains("car_needed", "car_request_id", "user_id")
    def _check_car_request_owner(self):
        for rec in self.filtered("car_request_id"):
            if rec.sudo().car_request_id.user_id != rec.user_id:
                raise ValidationError(
                    self.env._(
                        "The car request of “%(name)s” must be the traveller's own.",
                        name=rec.display_name,
                    )
                )

    def _ops_check_submittable(self):
        for rec in self:
            if not rec.car_needed:
                continue
            car = rec.sudo().car_request_id
            if not car or car.state != "approved":
                raise UserError(
                    self.env._(
                        "“%(name)s” needs a company car: its car request must be "
                        "approved before the travel request is submitted.",
                        name=rec.display_name,
                    )
                )
            if (
                car.date_start.date() > rec.date_start
                or car.date_end.date() < rec.date_end
            ):
                raise UserError(
                    self.env._(
                        "The car request %(car)s does not cover the trip "
                        "“%(name)s” (%(start)s to %(end)s).",
                        car=car.name,
                        name=rec.display_name,
                        start=rec.date_start,
                        end=rec.date_end,
                    )
                )
        return super()._ops_check_submittable()

    @api.model
    def _ops_covering(self, employee, date):
        """Approved travel requests of ``employee`` that cover ``date``."""
        if not employee.user_id or not date:
            return self.browse()
        return self.sudo().search(
            [
                ("user_id", "=", employee.user_id.id),
                ("state", "=", "approved"),
                ("date_start", "<=", date),
                ("date_end", ">=", date),
            ]
        )

    def action_new_car_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.admin.car.request",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_user_id": self.user_id.id,
                "default_department_id": self.department_id.id,
                "default_destination": self.destination,
                "default_purpose": self.purpose,
            },
        }
