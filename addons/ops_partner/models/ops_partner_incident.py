# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class OpsPartnerIncident(models.Model):
    """A supplier or operator incident and its reward/penalty announcement
    (奖惩通报 / 裁决公告). The staff member answerable for it gets the
    decision in ``ops.accountability``, like a complaint (ops_service)."""

    _name = "ops.partner.incident"
    _description = "Partner Incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True)
    kind = fields.Selection(
        [("supplier", "Supplier"), ("operator", "Third-party Operator")],
        required=True,
        default="supplier",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text()
    employee_id = fields.Many2one(
        "hr.employee",
        string="Responsible Staff",
        help="The member of staff answerable for the partner's incident.",
    )
    decision = fields.Selection(
        [("reward", "Reward"), ("penalty", "Penalty")], tracking=True
    )
    amount = fields.Monetary()
    points = fields.Float()
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    accountability_id = fields.Many2one("ops.accountability", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("announced", "Announced")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    def write(self, vals):
        if ({"state", "accountability_id"} & set(vals)) and not self.env.su:
            raise UserError(self.env._("An incident is announced with its button."))
        if not self.env.su and any(r.state == "announced" for r in self):
            raise UserError(self.env._("An announced decision can no longer change."))
        return super().write(vals)

    def action_announce(self):
        """Announce the decision; staff decisions go to accountability."""
        self._ops_check_can_announce()
        Accountability = self.env["ops.accountability"].sudo()
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("This incident is already announced."))
            if not rec.decision:
                raise UserError(self.env._("Decide reward or penalty first."))
            vals = {"state": "announced"}
            if rec.employee_id:
                vals["accountability_id"] = Accountability.create(
                    {
                        "name": rec.name,
                        "employee_id": rec.employee_id.id,
                        "decision": rec.decision,
                        "amount": rec.amount,
                        "points": rec.points,
                        "reason": rec.description,
                        "company_id": rec.company_id.id,
                        "res_model": rec._name,
                        "res_id": rec.id,
                    }
                ).id
            rec.sudo().write(vals)
        return True

    def _ops_check_can_announce(self):
        self.check_access("write")
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("ops_partner.group_ops_partner_purchasing_manager")
            or user.has_group("ops_base.group_ops_executive")
        ):
            raise UserError(
                self.env._(
                    "Reward and penalty decisions are announced by the purchasing "
                    "manager or the executives."
                )
            )
        return True
