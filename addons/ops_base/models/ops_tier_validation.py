# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class OpsTierValidation(models.AbstractModel):
    """The suite's approval engine: OCA tier validation, made strict.

    Out of the box, ``validate_tier``/``reject_tier`` silently do nothing for
    a user who is not a reviewer; managers must instead get a clear refusal,
    and the reviews themselves must not be approvable behind the form's back
    (see ``tier.review.write``).
    """

    _name = "ops.tier.validation"
    _inherit = ["tier.validation"]
    _description = "Operations approval (tier validation)"

    def _ops_check_can_review(self):
        for rec in self:
            if not rec.can_review:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of “%(record)s” at this step. "
                        "Pending review: %(next)s",
                        record=rec.display_name,
                        next=rec.next_review or self.env._("none"),
                    )
                )

    def validate_tier(self):
        self._ops_check_can_review()
        return super().validate_tier()

    def reject_tier(self):
        self._ops_check_can_review()
        return super().reject_tier()
