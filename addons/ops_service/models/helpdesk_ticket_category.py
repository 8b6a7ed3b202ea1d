# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SERVICE_KINDS = [
    ("consultation", "Consultation"),
    ("complaint", "Complaint"),
    ("feedback", "Feedback & Suggestion"),
    ("fault", "Fault"),
]


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    service_kind = fields.Selection(
        selection=SERVICE_KINDS,
        help="How tickets of this category are handled: complaints need a "
        "root cause and solution to close, feedback and faults can be sent "
        "to the product team as tasks.",
    )
