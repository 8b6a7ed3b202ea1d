# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.ops_guard import as_server, ops_model_names


class ValidationForwardWizard(models.TransientModel):
    """Forward (转交) of an operations review under the engine's rules: only
    the reviewer of the pending step, to a colleague able to read the record
    who is not its requester, with a comment."""

    _inherit = "tier.validation.forward.wizard"

    ops_comment = fields.Text(string="Comment")

    def add_forward(self):
        self.ensure_one()
        names = ops_model_names(self.env)
        if self.res_model not in names:
            return super().add_forward()
        rec = self.env[self.res_model].browse(self.res_id)
        rec._ops_check_can_forward()
        target = self.forward_reviewer_id
        self._ops_check_target(rec, target)
        prev = self.env["comment.wizard"].browse(self.env.context.get("comment_id"))
        if not prev.exists() or (prev.res_model, prev.res_id) != (rec._name, rec.id):
            raise UserError(self.env._("Open the forward dialog from the record."))
        step = ", ".join(n for n in prev.review_ids.mapped("name") if n)
        # OCA asks the new reviewer for a comment by default; the suite asks
        # what the forwarded step asked.
        self.has_comment = any(prev.review_ids.sudo().mapped("has_comment"))
        super(ValidationForwardWizard, as_server(self)).add_forward()
        comment = (self.ops_comment or "").strip()
        new = (
            rec.sudo()
            .review_ids.filtered(
                lambda r: not r.definition_id and r.reviewer_id == target
            )
            .sorted("id")[-1:]
        )
        if comment:
            as_server(new).write({"comment": comment})
            forwarded = rec.sudo().review_ids.filtered(
                lambda r: r.status == "forwarded" and r.done_by == self.env.user
            )
            as_server(forwarded).write(
                {"comment": f">> {target.display_name}: {comment}"}
            )
        text = self.env._(
            "%(user)s forwarded “%(step)s” to %(target)s.",
            user=self.env.user.name,
            step=step,
            target=target.name,
        )
        body = Markup("<p>%s</p>") % text
        if comment:
            body += Markup("<p><i>%s</i></p>") % comment
        rec.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        self.env["ops.approval.event"]._ops_log(
            rec, "forward", targets=target, step=step, comment=comment or False
        )
        rec._ops_inbox(target, text)
        rec._ops_sync()
        return True

    def _ops_check_target(self, rec, target):
        if (
            not target.active
            or target.share
            or target == self.env.user
            or target in rec._ops_requesters()
        ):
            raise UserError(
                self.env._(
                    "%(user)s cannot take over this approval: choose an active "
                    "colleague other than yourself and the requester.",
                    user=target.name,
                )
            )
        if rec._get_company() not in target.company_ids:
            raise UserError(
                self.env._(
                    "%(user)s does not work for %(company)s.",
                    user=target.name,
                    company=rec._get_company().name,
                )
            )
        if not rec.with_user(target).has_access("read"):
            raise UserError(
                self.env._(
                    "%(user)s cannot open “%(record)s”: forward it to someone "
                    "who can.",
                    user=target.name,
                    record=rec.display_name,
                )
            )
        return True
