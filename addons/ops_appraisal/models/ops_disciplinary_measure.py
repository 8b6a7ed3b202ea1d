# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

SEVERITY_MEASURE = {
    "minor": "verbal_warning",
    "moderate": "written_notice",
    "serious": "demotion",
    "critical": "dismissal",
}


class OpsDisciplinaryMeasure(models.Model):
    """A disciplinary measure (违规处理), approved according to its weight:
    warnings by the employee's manager, demotion and dismissal by HR then
    the general manager. Visible to HR and the employee's managers only."""

    _name = "ops.disciplinary.measure"
    _description = "Disciplinary Measure"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"
    _state_from = ["draft"]
    _state_to = ["in_force"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Subject", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Employee Department",
        related="employee_id.department_id",
        store=True,
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Employee's Manager",
        related="employee_id.parent_id.user_id",
        store=True,
    )
    date = fields.Date(
        string="Incident Date", required=True, default=fields.Date.context_today
    )
    incident = fields.Text(required=True)
    severity = fields.Selection(
        selection=[
            ("minor", "Minor"),
            ("moderate", "Moderate"),
            ("serious", "Serious"),
            ("critical", "Critical"),
        ],
        required=True,
        default="minor",
        tracking=True,
    )
    measure = fields.Selection(
        selection=[
            ("verbal_warning", "Verbal Warning"),
            ("written_notice", "Written Notice"),
            ("demotion", "Demotion"),
            ("dismissal", "Dismissal"),
        ],
        required=True,
        compute="_compute_measure",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    effective_date = fields.Date(tracking=True)
    end_date = fields.Date(
        string="In Force Until", help="Empty: in force with no end date."
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("in_force", "In Force"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    recipient_partner_ids = fields.Many2many(
        "res.partner",
        string="Circulate To",
        help="People who receive the written notice.",
    )
    circulated_date = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("severity")
    def _compute_measure(self):
        for rec in self:
            rec.measure = SEVERITY_MEASURE.get(rec.severity, "verbal_warning")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records:
            if rec.employee_id.user_id == self.env.user and not self.env.su:
                raise UserError(
                    self.env._("You cannot record a disciplinary measure on yourself.")
                )
        return records

    def action_put_in_force(self):
        for rec in self:
            vals = {"state": "in_force"}
            if not rec.effective_date:
                vals["effective_date"] = fields.Date.context_today(self)
            rec.write(vals)
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True

    def action_circulate(self):
        for rec in self:
            if rec.measure != "written_notice" or rec.state != "in_force":
                raise UserError(
                    self.env._("Only a written notice in force can be circulated.")
                )
            if not rec.recipient_partner_ids:
                raise UserError(self.env._("Choose the recipients of the notice."))
            body = Markup("<p><b>%s</b></p><p>%s</p>") % (
                self.env._(
                    "Written notice: %(employee)s", employee=rec.employee_id.name
                ),
                rec.incident,
            )
            rec.message_post(
                body=body,
                partner_ids=rec.recipient_partner_ids.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            rec.circulated_date = fields.Date.context_today(self)
        return True
