# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.depends("number", "name")
    def _compute_display_name(self):
        # helpdesk_mgmt shows "<number> - <title>": a ticket being created has
        # neither ("/ - False" in the breadcrumb); show what exists.
        new_label = self.env._("New Ticket")
        for ticket in self:
            number = ticket.number if ticket.number not in (False, "/") else ""
            parts = [part for part in (number, ticket.name) if part]
            ticket.display_name = " - ".join(parts) or new_label

    def _ops_done_stage(self):
        """The first closing stage open to the ticket (its company, its team
        or every team)."""
        self.ensure_one()
        return self.env["helpdesk.ticket.stage"].search(
            [
                ("closed", "=", True),
                ("company_id", "in", [False, self.company_id.id]),
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", self.team_id.ids),
            ],
            order="sequence, id",
            limit=1,
        )

    def action_ops_done(self):
        """One click to close: the stage write keeps every rule of the
        closing (complaint cause and root cause required, accountability,
        revisits) since it goes through ``write`` as the user."""
        for ticket in self:
            stage = ticket._ops_done_stage()
            if not stage:
                raise UserError(
                    self.env._(
                        "No closing stage is available for ticket %(ticket)s: "
                        "ask the helpdesk manager to mark a stage as closed.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.stage_id != stage:
                ticket.write({"stage_id": stage.id})
        return True

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
