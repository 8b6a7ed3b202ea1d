# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class OpsTierVote(models.Model):
    _inherit = "ops.tier.vote"

    @api.model_create_multi
    def create(self, vals_list):
        votes = super().create(vals_list)
        for vote in votes:
            review = vote.review_id
            self.env["ops.approval.event"]._ops_log(
                self.env[review.model].browse(review.res_id),
                "vote",
                user=vote.user_id,
                step=review.name,
                comment=(
                    self.env._("for")
                    if vote.decision == "approve"
                    else self.env._("against")
                )
                + (f" — {vote.comment}" if vote.comment else ""),
            )
        return votes
