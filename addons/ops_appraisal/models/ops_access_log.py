# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OpsAccessLog(models.Model):
    """Who opened an operations record outside its department: read by the
    executives (audit of access to operations data). Written by the server
    only, once a day per user and record."""

    _name = "ops.access.log"
    _description = "Operations Data Access Log"
    _order = "date desc, id desc"
    _log_access = True

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    day = fields.Date(required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    user_department_id = fields.Many2one(
        "hr.department", string="User's Department", readonly=True
    )
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    model_name = fields.Char(string="Record Type", readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, readonly=True
    )
    record_name = fields.Char(string="Record", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Record's Department", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    _sql_constraints = [
        (
            "once_a_day",
            "UNIQUE(day, user_id, res_model, res_id)",
            "One entry per user, record and day.",
        ),
    ]

    @api.model
    def _ops_log(self, record, department):
        """Log ``record`` opened by the current user (idempotent per day)."""
        user = self.env.user
        today = fields.Date.context_today(self)
        Log = self.sudo()
        if Log.search_count(
            [
                ("day", "=", today),
                ("user_id", "=", user.id),
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
            ],
            limit=1,
        ):
            return Log
        company = (
            record.sudo().company_id
            if "company_id" in record._fields
            else self.env.company
        )
        return Log.create(
            {
                "day": today,
                "user_id": user.id,
                "user_department_id": user.employee_id.department_id.id,
                "res_model": record._name,
                "model_name": record._description,
                "res_id": record.id,
                "record_name": record.sudo().display_name,
                "department_id": department.id,
                "company_id": company.id,
            }
        )
