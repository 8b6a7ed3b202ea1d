# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class OpsTierVote(models.Model):
    """One member's vote on an approval step decided by a body (board, GM
    office): the step concludes when its decision rule is met."""

    _name = "ops.tier.vote"
    _description = "Approval Vote"
    _order = "date, id"

    review_id = fields.Many2one(
        "tier.review", required=True, ondelete="cascade", index=True, readonly=True
    )
    user_id = fields.Many2one("res.users", required=True, readonly=True)
    decision = fields.Selection(
        selection=[("approve", "For"), ("reject", "Against")],
        required=True,
        readonly=True,
    )
    comment = fields.Char(readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)

    _sql_constraints = [
        (
            "one_vote_per_member",
            "unique(review_id, user_id)",
            "Each member votes once on an approval step.",
        ),
    ]

    # A vote is part of the review: visible only with the reviewed record.
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND(
                [domain, [("review_id", "in", self.env["tier.review"]._search([]))]]
            )
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        res = super()._check_access(operation)
        if res or self.env.su or operation != "read":
            return res
        reviews = self.env["tier.review"].browse(self.sudo().review_id.ids)
        readable = reviews._filtered_access("read")
        forbidden = self.filtered(lambda v: v.sudo().review_id not in readable)
        if not forbidden:
            return None
        return forbidden, lambda: AccessError(
            self.env._("You cannot see the votes on a record you cannot read.")
        )
