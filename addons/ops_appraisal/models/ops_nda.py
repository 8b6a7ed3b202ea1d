# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsNda(models.Model):
    """A confidentiality agreement (保密协议) signed by an employee: the
    operations roles need a valid one to open operations records, when the
    company requires it (严格控制数据访问权限)."""

    _name = "ops.nda"
    _description = "Confidentiality Agreement"
    _inherit = ["mail.thread"]
    _order = "signed_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    signed_date = fields.Date(required=True, tracking=True)
    expiry_date = fields.Date(tracking=True, help="Empty: valid with no end date.")
    document = fields.Binary(string="Signed Document", attachment=True, required=True)
    document_name = fields.Char()
    is_valid = fields.Boolean(compute="_compute_is_valid", string="Valid Today")

    @api.depends("employee_id")
    def _compute_name(self):
        for nda in self:
            nda.name = self.env._(
                "NDA of %(employee)s", employee=nda.employee_id.name or ""
            )

    @api.depends("signed_date", "expiry_date")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for nda in self:
            nda.is_valid = (
                nda.signed_date
                and nda.signed_date <= today
                and (not nda.expiry_date or nda.expiry_date >= today)
            )

    @api.constrains("signed_date", "expiry_date")
    def _check_dates(self):
        for nda in self:
            if nda.expiry_date and nda.expiry_date < nda.signed_date:
                raise ValidationError(
                    self.env._("An agreement cannot expire before it is signed.")
                )

    @api.model
    def _ops_user_needs_nda(self, user):
        """Whether ``user`` holds a position of their company that needs a
        valid NDA, and has none."""
        user = user.sudo()
        company = user.company_id
        if not company.ops_nda_required:
            return False
        employees = user.employee_ids.filtered(
            lambda e: e.job_id in company.ops_nda_job_ids
        )
        if not employees:
            return False
        today = fields.Date.context_today(self)
        return not self.sudo().search_count(
            [
                ("employee_id", "in", employees.ids),
                ("signed_date", "<=", today),
                "|",
                ("expiry_date", "=", False),
                ("expiry_date", ">=", today),
            ],
            limit=1,
        )
