# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsOperatorReport(models.Model):
    """What a third-party operator reports to the company: status reports
    (data security, service quality) and regular self-assessments."""

    _name = "ops.operator.report"
    _description = "Operator Status Report"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Operator",
        required=True,
        index=True,
        domain=[("ops_is_operator", "=", True)],
    )
    kind = fields.Selection(
        [("status", "Status Report"), ("self_assessment", "Self-assessment")],
        required=True,
        default="status",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    period = fields.Char(help="e.g. 2026-Q3")
    data_security = fields.Text()
    service_quality = fields.Text()
    self_score = fields.Float(string="Self-assessed Score", aggregator="avg")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "ops_operator_report_attachment_rel",
        "report_id",
        "attachment_id",
        string="Documents",
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
