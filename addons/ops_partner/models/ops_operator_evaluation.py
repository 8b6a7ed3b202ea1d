# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsOperatorEvaluation(models.Model):
    """Periodic evaluation of a third-party operator (合规性、安全性、服务质量)
    with its improvement actions and their owners."""

    _name = "ops.operator.evaluation"
    _description = "Operator Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Operator",
        required=True,
        index=True,
        domain=[("ops_is_operator", "=", True)],
    )
    agreement_id = fields.Many2one("agreement", string="Contract")
    audit_id = fields.Many2one(
        "mgmtsystem.audit", help="The supervision audit, if any."
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users", string="Evaluator", default=lambda self: self.env.user
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    compliance_score = fields.Float(aggregator="avg")
    security_score = fields.Float(aggregator="avg")
    service_score = fields.Float(string="Service Quality Score", aggregator="avg")
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg")
    summary = fields.Text()
    action_ids = fields.One2many(
        "ops.operator.action", "evaluation_id", string="Improvement Actions"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "scores_range",
            "CHECK(compliance_score BETWEEN 0 AND 100 AND security_score BETWEEN 0 "
            "AND 100 AND service_score BETWEEN 0 AND 100)",
            "Scores are 0-100.",
        )
    ]

    @api.depends("compliance_score", "security_score", "service_score")
    def _compute_score(self):
        for rec in self:
            rec.score = round(
                (rec.compliance_score + rec.security_score + rec.service_score) / 3.0, 2
            )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.partner_id.display_name or ''} {rec.date or ''}"

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._("An evaluation is closed with its Done button only.")
            )
        if any(rec.state == "done" for rec in self) and not self.env.su:
            raise UserError(self.env._("A finished evaluation can no longer change."))
        return super().write(vals)

    def action_done(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("This evaluation is already done."))
            weak = min(rec.compliance_score, rec.security_score, rec.service_score)
            if weak < 60 and not rec.action_ids:
                raise UserError(
                    self.env._(
                        "A score below 60 needs at least one improvement action "
                        "with its owner."
                    )
                )
        self.sudo().write({"state": "done"})
        return True
