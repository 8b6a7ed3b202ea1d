# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsHonour(models.Model):
    """An honour (荣誉表彰): outstanding employee or innovation award of a
    period, nominated by a manager and approved by senior management."""

    _name = "ops.honour"
    _description = "Honour"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Title", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Honoured Department",
        related="employee_id.department_id",
        store=True,
    )
    award_type = fields.Selection(
        selection=[
            ("outstanding", "Outstanding Employee Award"),
            ("innovation", "Innovation Award"),
        ],
        required=True,
        default="outstanding",
        tracking=True,
    )
    cycle_id = fields.Many2one("ops.appraisal.cycle", string="Period")
    date = fields.Date(default=fields.Date.context_today, required=True)
    reason = fields.Text(string="Nomination Reason", required=True)
    nominated_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Nominated"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def action_approve(self):
        self.write({"state": "approved"})
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True
