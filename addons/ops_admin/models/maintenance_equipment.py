# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import ValidationError

HOLDING_STATES = ("under_review", "approved")


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    ops_lab_head_id = fields.Many2one(
        related="category_id.ops_lab_head_id", string="Lab Head"
    )
    ops_booking_ids = fields.One2many(
        "ops.admin.equipment.booking", "equipment_id", string="Bookings"
    )
    ops_loan_ids = fields.One2many(
        "ops.admin.equipment.loan", "equipment_id", string="Loans"
    )

    def _ops_check_free(self, start, end, exclude=None):
        """Refuse if a booking or a loan holds this equipment between
        ``start`` and ``end`` (datetimes)."""
        self.ensure_one()
        Booking = self.env["ops.admin.equipment.booking"].sudo()
        domain = [
            ("equipment_id", "=", self.id),
            ("state", "in", HOLDING_STATES),
            ("date_start", "<", end),
            ("date_end", ">", start),
        ]
        if exclude and exclude._name == Booking._name:
            domain.append(("id", "!=", exclude.id))
        clash = Booking.search(domain, limit=1)
        if not clash:
            clash = self.env["ops.admin.equipment.loan"]._ops_overlapping(
                self, start, end, exclude=exclude
            )
        if clash:
            raise ValidationError(
                self.env._(
                    "%(equipment)s is already held by %(other)s (%(start)s to "
                    "%(end)s): choose other dates.",
                    equipment=self.sudo().display_name,
                    other=clash.name,
                    start=clash.date_start,
                    end=clash[clash._ops_end_field],
                )
            )
        return True
