# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's ticket list and page: bad parameters are a 400, not a 500."""

from werkzeug.exceptions import BadRequest, NotFound

from odoo import fields, http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from .main import MAX_ID, parse_id


class OpsServiceCustomerPortal(CustomerPortalHelpdesk):
    @http.route()
    def portal_my_tickets(
        self,
        page=1,
        date_begin=None,
        date_end=None,
        sortby=None,
        filterby=None,
        search=None,
        search_in=None,
        groupby=None,
        **kw,
    ):
        self._ops_check_ticket_list_params(
            sortby, filterby, groupby, search_in, date_begin, date_end
        )
        return super().portal_my_tickets(
            page=page,
            date_begin=date_begin,
            date_end=date_end,
            sortby=sortby,
            filterby=filterby,
            search=search,
            search_in=search_in,
            groupby=groupby,
            **kw,
        )

    def _ops_check_ticket_list_params(
        self, sortby, filterby, groupby, search_in, date_begin, date_end
    ):
        """Refuse (400) what OCA's list and template would index blindly.

        OCA looks ``sortby`` up in its sortings, the template looks the filter,
        grouping and search field up in theirs, and the dates are compared raw
        with create_date: an unknown key or a malformed date is a 500.
        """
        env = request.env
        known = (
            (sortby, self._ticket_get_searchbar_sortings()),
            (groupby, self._ticket_get_searchbar_groupby()),
            (search_in, self._ticket_get_searchbar_inputs()),
        )
        if any(value and value not in keys for value, keys in known):
            raise BadRequest(env._("Unknown sorting, grouping or search field."))
        if filterby and filterby != "all":
            stage_id = parse_id(filterby)
            if not stage_id or not env["helpdesk.ticket.stage"].search_count(
                [("id", "=", stage_id)], limit=1
            ):
                raise BadRequest(env._("Unknown stage."))
        for value in (date_begin, date_end):
            if value:
                try:
                    fields.Datetime.to_datetime(value)
                except ValueError as err:
                    raise BadRequest(env._("Invalid date.")) from err

    @http.route()
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        if ticket_id > MAX_ID:
            raise NotFound()
        return super().portal_my_ticket(ticket_id, access_token=access_token, **kw)
