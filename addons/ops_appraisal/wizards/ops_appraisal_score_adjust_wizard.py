# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsAppraisalScoreAdjustWizard(models.TransientModel):
    """After approval a score changes only by HR, with a reason that is
    written in the appraisal's history."""

    _name = "ops.appraisal.score.adjust.wizard"
    _description = "Adjust an Approved Appraisal Score"

    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    line_id = fields.Many2one(
        "ops.appraisal.line",
        string="Indicator",
        required=True,
        domain="[('appraisal_id', '=', appraisal_id)]",
    )
    current_score = fields.Float(
        related="line_id.manager_score", string="Current Score"
    )
    new_score = fields.Float(required=True)
    reason = fields.Text(required=True)

    @api.model
    def _ops_check_hr(self):
        if not self.env["hr.appraisal"]._ops_user_is_hr():
            raise UserError(self.env._("Only HR may adjust an approved appraisal."))

    def action_confirm(self):
        self.ensure_one()
        self._ops_check_hr()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the adjustment."))
        if not 0 < self.new_score <= 100:
            raise UserError(self.env._("A score lies between 1 and 100."))
        appraisal = self.appraisal_id
        old_score = self.line_id.manager_score
        old_total = appraisal.ops_total_score
        self.line_id.with_context(ops_score_adjust=True).write(
            {"manager_score": self.new_score}
        )
        body = Markup("<p>%s</p><p><i>%s</i></p>") % (
            self.env._(
                "Score of “%(indicator)s” adjusted by %(user)s: %(old)s → %(new)s "
                "(total %(old_total)s → %(new_total)s).",
                indicator=self.line_id.name,
                user=self.env.user.name,
                old=old_score,
                new=self.new_score,
                old_total=round(old_total, 2),
                new_total=round(appraisal.ops_total_score, 2),
            ),
            self.reason,
        )
        appraisal.message_post(body=body, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close"}
