# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.ops_guard import ops_model_names


class CommentWizard(models.TransientModel):
    """OCA's comment dialog as the Approve/Reject dialog of the suite: the
    comment is optional on approval unless the step asks for one, always
    required on rejection."""

    _inherit = "comment.wizard"

    comment = fields.Char(required=False)
    ops_comment_required = fields.Boolean(compute="_compute_ops_comment_required")

    @api.depends("validate_reject", "review_ids", "res_model")
    def _compute_ops_comment_required(self):
        names = ops_model_names(self.env)
        for wizard in self:
            if wizard.res_model not in names:
                # Other apps keep OCA's behaviour: the dialog asks a comment.
                wizard.ops_comment_required = True
            elif wizard.validate_reject == "reject":
                wizard.ops_comment_required = True
            elif wizard.validate_reject == "validate":
                wizard.ops_comment_required = any(
                    wizard.review_ids.sudo().mapped("has_comment")
                )
            else:
                wizard.ops_comment_required = False

    def add_comment(self):
        self.ensure_one()
        if self.ops_comment_required and not (self.comment or "").strip():
            if self.validate_reject == "reject":
                raise UserError(self.env._("Give the reason for the rejection."))
            raise UserError(self.env._("This step asks for a comment."))
        record = self.env[self.res_model].browse(self.res_id)
        if (
            isinstance(record, self.env.registry["ops.tier.decision"])
            and record._ops_engine_records()
        ):
            # A dialog opened before another member decided: wait for that
            # decision, then refuse cleanly rather than write the comment on
            # a step that is no longer open.
            record._ops_lock()
            record._ops_check_can_review()
        super().add_comment()
        # OCA returns None: XML-RPC callers got a Fault after the decision.
        return True
