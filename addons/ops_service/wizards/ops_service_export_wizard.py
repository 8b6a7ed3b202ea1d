# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import fields, models
from odoo.exceptions import UserError


class OpsServiceExportWizard(models.TransientModel):
    _name = "ops.service.export.wizard"
    _description = "Export Tickets of a Period"

    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    def action_export(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The start date must precede the end date."))
        tickets = self.env["helpdesk.ticket"].search(
            [
                ("create_date", ">=", datetime.combine(self.date_from, time.min)),
                ("create_date", "<=", datetime.combine(self.date_to, time.max)),
            ]
        )
        if not tickets:
            raise UserError(self.env._("No ticket was created in this period."))
        return self.env.ref("ops_service.action_report_ticket_xlsx").report_action(
            tickets
        )
