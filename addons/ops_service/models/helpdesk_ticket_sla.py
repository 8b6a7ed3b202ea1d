# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.ops_base.models.ops_guard import as_server


class HelpdeskTicketSla(models.Model):
    """A ticket's SLA clock (helpdesk_mgmt_sla).

    Agents may write these lines by OCA's access rights: moving a deadline or
    marking an expired line accomplished would hide a breach. The lines are
    created by the ticket's SLA matching and moved by its stage changes, both
    server code.
    """

    _name = "helpdesk.ticket.sla"
    _inherit = ["helpdesk.ticket.sla", "ops.guarded.mixin"]

    _ops_server_fields = (
        "ticket_id",
        "sla_id",
        "deadline",
        "hours",
        "expected_stage_id",
        "consumed_time",
        "last_state_date",
        "state",
    )

    def _stage_recompute(self):
        # Run on every stage change, as the user who moves the ticket.
        return super(HelpdeskTicketSla, as_server(self))._stage_recompute()
