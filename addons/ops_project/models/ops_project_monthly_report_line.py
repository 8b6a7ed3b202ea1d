# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsProjectMonthlyReportLine(models.Model):
    _name = "ops.project.monthly.report.line"
    _description = "Monthly Operations Report Line"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "ops.project.monthly.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    project_id = fields.Many2one("project.project", required=True, ondelete="cascade")
    stage_id = fields.Many2one("project.project.stage", string="Phase")
    user_id = fields.Many2one("res.users", string="Project Lead")
    milestones_due = fields.Integer()
    milestones_done = fields.Integer(string="Milestones Reached")
    milestones_late = fields.Integer()
    budget = fields.Monetary(currency_field="currency_id")
    actual_month = fields.Monetary(
        string="Actual (Month)", currency_field="currency_id"
    )
    actual_to_date = fields.Monetary(
        string="Actual (To Date)", currency_field="currency_id"
    )
    risks_low = fields.Integer(string="Open Low Risks")
    risks_medium = fields.Integer(string="Open Medium Risks")
    risks_high = fields.Integer(string="Open High Risks")
    changes_count = fields.Integer(string="Change Requests")
    changes_approved = fields.Integer(string="Approved Changes")
