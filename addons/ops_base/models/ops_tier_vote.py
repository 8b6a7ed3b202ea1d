# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
