# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsStoreTrainingPlan(models.Model):
    """Graded training of store staff per post (分级培训)."""

    _name = "ops.store.training.plan"
    _description = "Store Training Plan"
    _inherit = ["mail.thread"]
    _order = "job_id, grade, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    job_id = fields.Many2one("hr.job", string="Post", required=True, tracking=True)
    grade = fields.Selection(
        [("1", "Junior"), ("2", "Intermediate"), ("3", "Senior")],
        required=True,
        default="1",
        tracking=True,
    )
    hours = fields.Float(string="Training Hours")
    content = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "job_grade_uniq",
            "unique(job_id, grade, company_id, name)",
            "This training already exists for the post and grade.",
        )
    ]
