# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


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
