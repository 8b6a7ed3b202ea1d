# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import AccessError


class TierReview(models.Model):
    _inherit = "tier.review"

    def _ops_reviews(self):
        mixin = self.env.registry["ops.tier.validation"]
        return self.filtered(lambda r: isinstance(self.env[r.model], mixin))

    def write(self, vals):
        decided = vals.get("status") in ("approved", "rejected")
        ops_reviews = self._ops_reviews() if decided else self.browse()
        # Every internal user may write tier.review (OCA's access rules), so
        # without this an RPC call could approve a review on someone's behalf.
        if ops_reviews and not self.env.su:
            for review in ops_reviews:
                if self.env.user not in review.reviewer_ids:
                    raise AccessError(
                        self.env._(
                            "Only the reviewers of “%(review)s” may approve or "
                            "reject it.",
                            review=review.name or review.definition_id.name,
                        )
                    )
        res = super().write(vals)
        # OCA only notifies the next reviewers; the regulations want every
        # decision on the record's history.
        for review in ops_reviews:
            review._ops_post_decision()
        return res

    def _ops_post_decision(self):
        self.ensure_one()
        record = self.env[self.model].browse(self.res_id)
        if not hasattr(record, "message_post"):
            return
        values = {"user": self.env.user.name, "review": self.name or ""}
        if self.status == "approved":
            text = self.env._("%(user)s approved: %(review)s", **values)
        else:
            text = self.env._("%(user)s rejected: %(review)s", **values)
        body = Markup("<p>%s</p>") % text
        if self.comment:
            body += Markup("<p><i>%s</i></p>") % self.comment
        record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
