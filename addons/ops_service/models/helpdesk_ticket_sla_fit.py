# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools.safe_eval import safe_eval


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _compute_sla_fits(self):
        # helpdesk_mgmt_sla searches the policies ticket by ticket (one query
        # or more per row once the field is shown on several tickets). Tickets
        # with the same team, tags, category, priority and company share one
        # search, and each policy's own domain is evaluated once on all.
        if len(self) < 2:
            return super()._compute_sla_fits()
        Sla = self.env["helpdesk.sla"]
        by_key, slas_of = {}, {}
        for ticket in self:
            key = (
                ticket.team_id.id,
                tuple(sorted(ticket.tag_ids.ids)),
                ticket.category_id.id,
                ticket.priority,
                ticket.company_id.id,
            )
            if key not in by_key:
                by_key[key] = Sla.search(ticket._get_sla_ticket_domain())
            slas_of[ticket.id] = by_key[key]
        candidates = Sla.union(*by_key.values()) if by_key else Sla
        fitting = {
            sla.id: set(self.filtered_domain(safe_eval(sla.domain)).ids)
            for sla in candidates
            if sla.domain
        }
        for ticket in self:
            slas = slas_of[ticket.id].filtered(
                lambda s, t=ticket: not s.domain or t.id in fitting[s.id]
            )
            ticket.sla_fits = ticket.sla_ids == slas
        return None
