# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# States in which a request holds the vehicle (or the equipment).
HOLDING_STATES = ("under_review", "approved")


class OpsAdminCarRequest(models.Model):
    """Car request (出车申请单): a company car with its driver, approved
    before the trip; one vehicle is never booked twice at once."""

    _name = "ops.admin.car.request"
    _description = "Car Request"
    _inherit = ["ops.admin.request"]
    _ops_sequence_code = "ops.admin.car.request"

    _ops_frozen_fields = (
        "user_id",
        "department_id",
        "company_id",
        "vehicle_id",
        "driver_id",
        "date_start",
        "date_end",
        "destination",
    )

    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    driver_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="Who drives: by default the vehicle's driver.",
    )
    date_start = fields.Datetime(string="From", required=True, tracking=True)
    date_end = fields.Datetime(string="To", required=True, tracking=True)
    destination = fields.Char(required=True)
    purpose = fields.Text()
    passengers = fields.Integer(default=1)

    _sql_constraints = [
        (
            "ops_car_dates",
            "CHECK(date_end > date_start)",
            "A car request must end after it starts.",
        ),
    ]

    @api.onchange("vehicle_id")
    def _onchange_vehicle_id(self):
        if self.vehicle_id and not self.driver_id:
            self.driver_id = self.vehicle_id.driver_id

    def _compute_display_name(self):
        for rec in self:
            vehicle = rec.sudo().vehicle_id.license_plate or ""
            rec.display_name = f"{rec.name} {vehicle}".strip()

    @api.constrains("vehicle_id", "date_start", "date_end", "state")
    def _check_vehicle_overlap(self):
        holding = self.filtered(lambda r: r.state in HOLDING_STATES)
        if not holding:
            return
        self._ops_lock_rows(holding.vehicle_id)
        for rec in holding:
            other = self.sudo().search(
                [
                    ("id", "!=", rec.id),
                    ("vehicle_id", "=", rec.vehicle_id.id),
                    ("state", "in", HOLDING_STATES),
                    ("date_start", "<", rec.date_end),
                    ("date_end", ">", rec.date_start),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(vehicle)s is already requested from %(start)s to "
                        "%(end)s (%(other)s): choose another vehicle or other "
                        "dates.",
                        vehicle=rec.sudo().vehicle_id.display_name,
                        start=other.date_start,
                        end=other.date_end,
                        other=other.name,
                    )
                )
