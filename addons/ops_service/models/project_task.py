# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models


class ProjectTask(models.Model):
    _inherit = "project.task"

    def write(self, vals):
        newly_done = self.browse()
        if vals.get("state") == "1_done":
            newly_done = self.filtered(lambda t: t.state != "1_done")
        res = super().write(vals)
        if newly_done:
            newly_done._ops_notify_tickets()
        return res

    def _ops_notify_tickets(self):
        """Tell the customers of the linked tickets that their request shipped."""
        for task in self:
            for ticket in task.sudo().ticket_ids:
                if ticket.partner_id:
                    ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
                ticket.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Good news: the work on your request (%(task)s) is "
                        "done. Thank you for your feedback.",
                        task=task.name,
                    ),
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
