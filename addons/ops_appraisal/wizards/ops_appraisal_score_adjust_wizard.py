# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server

from ..models.ops_appraisal_line import ADJUST_KEY


class OpsAppraisalScoreAdjustWizard(models.TransientModel):
    """After approval a score or the base bonus changes only by HR, with a
    reason that is written in the appraisal's history (old → new)."""

    _name = "ops.appraisal.score.adjust.wizard"
    _description = "Adjust an Approved Appraisal Score"
    _inherit = ["ops.appraisal.finite.mixin"]

    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    adjust = fields.Selection(
        selection=[("score", "An indicator score"), ("base_bonus", "The base bonus")],
        required=True,
        default="score",
    )
    line_id = fields.Many2one(
        "ops.appraisal.line",
        string="Indicator",
        domain="[('appraisal_id', '=', appraisal_id)]",
    )
    current_score = fields.Float(
        related="line_id.manager_score", string="Current Score"
    )
    new_score = fields.Float()
    currency_id = fields.Many2one(related="appraisal_id.ops_currency_id")
    current_base_bonus = fields.Monetary(
        related="appraisal_id.ops_base_bonus", string="Current Base Bonus"
    )
    new_base_bonus = fields.Monetary()
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        appraisal = self.appraisal_id
        appraisal._ops_check_hr(self.env._("Only HR may adjust an approved appraisal."))
        appraisal._ops_check_state(["published", "acknowledged"])
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the adjustment."))
        before = self._ops_snapshot()
        if self.adjust == "base_bonus":
            change = self._ops_adjust_base_bonus()
        else:
            change = self._ops_adjust_score()
        after = self._ops_snapshot()
        body = Markup("<p>%s</p><p>%s</p><p><i>%s</i></p>") % (
            change,
            self.env._(
                "Total %(old_total)s → %(new_total)s, grade %(old_grade)s → "
                "%(new_grade)s, bonus %(old_bonus)s → %(new_bonus)s.",
                old_total=before["total"],
                new_total=after["total"],
                old_grade=before["grade"],
                new_grade=after["grade"],
                old_bonus=before["bonus"],
                new_bonus=after["bonus"],
            ),
            self.reason,
        )
        appraisal.message_post(body=body, subtype_xmlid="mail.mt_note")
        # A result now failing gets its improvement plan, as at publication.
        appraisal.filtered(
            lambda a: a.ops_grade_id.is_failing
        ).sudo()._ops_open_improvement_plans()
        return {"type": "ir.actions.act_window_close"}

    def _ops_snapshot(self):
        appraisal = self.appraisal_id
        return {
            "total": round(appraisal.ops_total_score, 2),
            "grade": appraisal.ops_grade_id.code or "-",
            "bonus": round(appraisal.ops_bonus_amount, 2),
        }

    def _ops_adjust_score(self):
        line = self.line_id
        if not line or line.appraisal_id != self.appraisal_id:
            raise UserError(
                self.env._("Choose an indicator of this appraisal to adjust.")
            )
        if not (math.isfinite(self.new_score) and 0 < self.new_score <= 100):
            raise UserError(self.env._("A score lies between 1 and 100."))
        old_score = line.manager_score
        as_server(line, ADJUST_KEY).write({"manager_score": self.new_score})
        return self.env._(
            "Score of “%(indicator)s” adjusted by %(user)s: %(old)s → %(new)s.",
            indicator=line.name,
            user=self.env.user.name,
            old=old_score,
            new=self.new_score,
        )

    def _ops_adjust_base_bonus(self):
        appraisal = self.appraisal_id
        new = self.new_base_bonus
        if not (math.isfinite(new) and new >= 0):
            raise UserError(self.env._("The base bonus cannot be negative."))
        old = appraisal.ops_base_bonus
        # The base bonus is a server field of the engine: only this
        # wizard's server-side write changes it after publication.
        appraisal._ops_flow().write({"ops_base_bonus": new})
        return self.env._(
            "Base bonus adjusted by %(user)s: %(old)s → %(new)s.",
            user=self.env.user.name,
            old=old,
            new=new,
        )
