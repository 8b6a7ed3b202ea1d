# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    ops_assistant_ids = fields.Many2many(
        "res.users",
        "ops_admin_department_assistant_rel",
        "department_id",
        "user_id",
        string="Department Assistants",
        domain=[("share", "=", False)],
        help="File and follow expense claims, travel requests and equipment "
        "loans for the department's staff. They also need the Department "
        "Assistant role.",
    )
