# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal routes of OCA helpdesk_mgmt, made safe for customers.

OCA's routes trust their parameters: ``/ticket/close`` closes any ticket
whose id it is given (it works in sudo), and non-numeric ids or missing form
fields end in HTTP 500. Here every id is parsed and checked against what the
current user may act on: someone else's or an unknown ticket is a 404, a bad
parameter a 400, and nothing is written.
"""

from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

# PostgreSQL ``integer``: larger ids cannot exist and must not reach SQL.
MAX_ID = 2**31 - 1


def parse_id(value):
    """A record id from a form or query value, or None if it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 < number <= MAX_ID else None


def portal_ticket(ticket_id):
    """The ticket the current user may act on as its customer, in sudo.

    The user must be able to read it (record rules, as in the portal list)
    and it must be theirs: their own or their company's (same commercial
    entity), or one they may edit as service staff. Being a follower is not
    enough. Anything else is a 404, which does not tell whether the ticket
    exists.
    """
    ticket = request.env["helpdesk.ticket"].browse(ticket_id)
    try:
        ticket.check_access("read")
    except (AccessError, MissingError) as err:
        raise NotFound() from err
    ticket_sudo = ticket.sudo()
    customer = request.env.user.partner_id.commercial_partner_id
    if ticket_sudo.partner_id.commercial_partner_id != customer and not (
        ticket.has_access("write")
    ):
        raise NotFound()
    return ticket_sudo


class OpsServiceTicketController(HelpdeskTicketController):
    # The close buttons post a form with a CSRF token (see the portal
    # template): a GET that changes a ticket could be triggered from any page.
    @http.route(methods=["POST"])
    def support_ticket_close(self, **kw):
        ticket_id = parse_id(kw.get("ticket_id"))
        stage_id = parse_id(kw.get("stage_id"))
        if not ticket_id or not stage_id:
            raise BadRequest(request.env._("A ticket and a stage are required."))
        ticket = portal_ticket(ticket_id)
        stage = request.env["helpdesk.ticket.stage"].sudo().browse(stage_id).exists()
        if not stage:
            raise BadRequest(request.env._("Unknown stage."))
        # As OCA: a stage the portal may not close to changes nothing.
        closing_stages = (
            ticket.team_id.with_company(ticket.company_id)
            ._get_applicable_stages()
            .filtered(lambda s: s.close_from_portal and s.closed)
        )
        if stage in closing_stages and not ticket.closed:
            ticket._ops_check_portal_close()
            # Staff who may edit the ticket close it as themselves (their own
            # checks apply); only the customer, who has no write access,
            # closes it in sudo.
            as_user = ticket.sudo(False)
            writer = as_user if as_user.has_access("write") else ticket
            writer.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket.id}", code=302)

    # --- New ticket ----------------------------------------------------------
    def _get_teams(self):
        # Only the teams of the company the customer writes to.
        teams = super()._get_teams()
        company = request.env.company
        return teams.filtered(lambda t: not t.company_id or t.company_id == company)

    def _get_categories(self, **kw):
        categories = super()._get_categories(**kw)
        company = request.env.company
        return categories.filtered(
            lambda c: not c.company_id or c.company_id == company
        )

    def _ops_portal_categories(self):
        """Every category a customer may file a ticket under."""
        return (
            request.env["helpdesk.ticket.category"]
            .with_company(request.env.company)
            .search(
                [
                    ("show_in_portal", "=", True),
                    ("company_id", "in", [False, request.env.company.id]),
                ]
            )
        )

    def _ops_check_submitted_ticket(self, kw):
        """Refuse (400) a new ticket form with missing or unknown values."""
        env = request.env
        company = env.company
        if not str(kw.get("subject") or "").strip():
            raise BadRequest(env._("Please give your ticket a subject."))
        if not str(kw.get("description") or "").strip():
            raise BadRequest(env._("Please describe your request."))
        category = kw.get("category")
        if category:
            category_id = parse_id(category)
            if category_id not in self._ops_portal_categories().ids:
                raise BadRequest(env._("Unknown category."))
        elif (
            company.helpdesk_mgmt_portal_select_category
            and company.helpdesk_mgmt_portal_category_id_required
        ):
            raise BadRequest(env._("Please choose a category."))
        if company.helpdesk_mgmt_portal_select_team:
            team = kw.get("team")
            if team:
                if parse_id(team) not in self._get_teams().ids:
                    raise BadRequest(env._("Unknown team."))
            elif company.helpdesk_mgmt_portal_team_id_required:
                raise BadRequest(env._("Please choose a team."))

    @http.route()
    def submit_ticket(self, **kw):
        self._ops_check_submitted_ticket(kw)
        return super().submit_ticket(**kw)

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        channel = request.env.ref(
            "ops_service.helpdesk_ticket_channel_portal", raise_if_not_found=False
        )
        if channel:
            vals["channel_id"] = channel.id
        return vals
