# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    ops_hire_date = fields.Date(
        string="Hire Date",
        groups="hr.group_hr_user",
        help="Used by appraisal cycles: an employee hired after the middle of "
        "a period is not appraised for it; one hired earlier is appraised "
        "and the bonus is prorated to the days employed.",
    )
    ops_honour_ids = fields.One2many(
        "ops.honour",
        "employee_id",
        string="Honours",
        domain=[("state", "=", "approved")],
        groups="hr.group_hr_user",
    )
    ops_honour_count = fields.Integer(
        compute="_compute_ops_honour_count",
        groups="hr.group_hr_user",
    )

    @api.depends("ops_honour_ids")
    def _compute_ops_honour_count(self):
        for employee in self:
            employee.ops_honour_count = len(employee.ops_honour_ids)
