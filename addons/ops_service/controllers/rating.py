# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The satisfaction survey links that helpdesk_mgmt_rating e-mails to customers.

Odoo's rating routes raise ValueError (HTTP 500) on a rate other than 1, 3 or
5, or on a non-numeric one: answer 400 instead.
"""

from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from odoo.addons.rating.controllers.main import Rating

RATES = (1, 3, 5)


class OpsServiceRating(Rating):
    @http.route()
    def action_open_rating(self, token, rate, **kwargs):
        if rate not in RATES:
            raise BadRequest(request.env._("Incorrect rating."))
        return super().action_open_rating(token, rate, **kwargs)

    @http.route()
    def action_submit_rating(self, token, rate=0, **kwargs):
        if request.httprequest.method == "POST":
            rate = str(rate).strip()
            if not rate.isdigit() or int(rate) not in RATES:
                raise BadRequest(request.env._("Incorrect rating."))
        return super().action_submit_rating(token, rate=rate, **kwargs)
