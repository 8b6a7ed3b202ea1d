# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

HOLDING_STATES = ("under_review", "approved")


class OpsAdminEquipmentBooking(models.Model):
    """Use of a lab instrument: the lab head consents; two bookings (or a
    booking and a loan) of one instrument never overlap."""

    _name = "ops.admin.equipment.booking"
    _description = "Equipment Booking"
    _inherit = ["ops.admin.request"]
    _ops_sequence_code = "ops.admin.equipment.booking"
    # the field that ends the period this record holds the equipment
    _ops_end_field = "date_end"

    _ops_frozen_fields = (
        "user_id",
        "department_id",
        "company_id",
        "equipment_id",
        "date_start",
        "date_end",
    )

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    lab_head_id = fields.Many2one(
        "res.users",
        string="Lab Head",
        related="equipment_id.category_id.ops_lab_head_id",
        store=True,
        index=True,
    )
    date_start = fields.Datetime(string="From", required=True, tracking=True)
    date_end = fields.Datetime(string="To", required=True, tracking=True)
    purpose = fields.Text()
    duration_hours = fields.Float(
        string="Hours", compute="_compute_duration_hours", store=True
    )

    _sql_constraints = [
        (
            "ops_booking_dates",
            "CHECK(date_end > date_start)",
            "A booking must end after it starts.",
        ),
    ]

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        for rec in self:
            if rec.date_start and rec.date_end:
                delta = rec.date_end - rec.date_start
                rec.duration_hours = delta.total_seconds() / 3600
            else:
                rec.duration_hours = 0

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} {rec.sudo().equipment_id.name or ''}"

    def _ops_check_submittable(self):
        for rec in self:
            if not rec.lab_head_id:
                raise UserError(
                    self.env._(
                        "“%(equipment)s” has no lab head: set one on its "
                        "equipment category before booking it.",
                        equipment=rec.sudo().equipment_id.display_name,
                    )
                )
        return super()._ops_check_submittable()

    @api.constrains("equipment_id", "date_start", "date_end", "state")
    def _check_equipment_overlap(self):
        holding = self.filtered(lambda r: r.state in HOLDING_STATES)
        if not holding:
            return
        self._ops_lock_rows(holding.equipment_id)
        for rec in holding:
            rec.sudo().equipment_id._ops_check_free(
                rec.date_start, rec.date_end, exclude=rec
            )
