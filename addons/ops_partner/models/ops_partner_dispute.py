# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

STAGES = ["negotiation", "mediation", "arbitration", "litigation"]


class OpsPartnerDispute(models.Model):
    """A dispute with a supplier or operator, resolved by negotiation first
    (争议先协商): it escalates one step at a time, each with its record."""

    _name = "ops.partner.dispute"
    _description = "Partner Dispute"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True)
    agreement_id = fields.Many2one("agreement", string="Contract")
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    description = fields.Text()
    negotiation_note = fields.Text(string="Negotiation Record")
    escalation_note = fields.Text(string="Escalation Record")
    resolution = fields.Text()
    path = fields.Selection(
        [
            ("negotiation", "Negotiation"),
            ("mediation", "Mediation"),
            ("arbitration", "Arbitration"),
            ("litigation", "Litigation"),
        ],
        string="Resolution Path",
        default="negotiation",
        required=True,
        readonly=True,
        tracking=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )

    def write(self, vals):
        if ({"path", "state"} & set(vals)) and not self.env.su:
            raise UserError(
                self.env._(
                    "A dispute moves along its resolution path with its "
                    "Escalate and Resolve buttons only."
                )
            )
        return super().write(vals)

    def action_escalate(self):
        self.check_access("write")
        self.env["ops.partner.dispute"].check_access("write")
        for rec in self:
            if rec.state != "open" or rec.path == STAGES[-1]:
                raise UserError(self.env._("This dispute cannot escalate further."))
            if rec.path == "negotiation" and not rec.negotiation_note:
                raise UserError(
                    self.env._(
                        "Disputes are settled by negotiation first: record the "
                        "negotiation before escalating."
                    )
                )
            if rec.path != "negotiation" and not rec.escalation_note:
                raise UserError(
                    self.env._("Record the outcome of the current step first.")
                )
            rec.sudo().write({"path": STAGES[STAGES.index(rec.path) + 1]})
        return True

    def action_resolve(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "open":
                raise UserError(self.env._("This dispute is already resolved."))
            if not rec.resolution:
                raise UserError(self.env._("Describe the resolution first."))
            if rec.path == "negotiation" and not rec.negotiation_note:
                raise UserError(self.env._("Record the negotiation first."))
        self.sudo().write({"state": "resolved"})
        return True
