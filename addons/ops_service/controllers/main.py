# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class OpsServiceTicketController(HelpdeskTicketController):
    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        channel = request.env.ref(
            "ops_service.helpdesk_ticket_channel_portal", raise_if_not_found=False
        )
        if channel:
            vals["channel_id"] = channel.id
        return vals
