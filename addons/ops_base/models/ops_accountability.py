# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OpsAccountability(models.Model):
    """A reward or penalty decided for a member of staff (奖惩).

    Shared by the suite: customer service writes it when a complaint closes
    with staff at fault, the appraisal reads it, HR owns it. Living here
    keeps ops_service and ops_appraisal independent of each other.
    """

    _name = "ops.accountability"
    _description = "Accountability Decision"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    decision = fields.Selection(
        selection=[("none", "None"), ("reward", "Reward"), ("penalty", "Penalty")],
        required=True,
        default="none",
        tracking=True,
    )
    amount = fields.Monetary(tracking=True, help="Bonus or fine, if any.")
    points = fields.Float(
        tracking=True,
        help="Appraisal points: positive for a reward, negative for a penalty.",
    )
    reason = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )
    source_name = fields.Char(compute="_compute_source_name")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "The amount cannot be negative."),
    ]

    @api.depends("res_model", "res_id")
    def _compute_source_name(self):
        for rec in self:
            source = rec.res_model and rec.env[rec.res_model].browse(rec.res_id)
            rec.source_name = source.sudo().display_name if source else False

    def action_open_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
