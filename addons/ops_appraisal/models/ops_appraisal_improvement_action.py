# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsAppraisalImprovementAction(models.Model):
    _name = "ops.appraisal.improvement.action"
    _description = "Improvement Plan Action"
    _order = "due_date, id"

    plan_id = fields.Many2one(
        "ops.appraisal.improvement.plan", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Action", required=True)
    action_type = fields.Selection(
        selection=[
            ("training", "Training"),
            ("coaching", "Coaching"),
            ("other", "Other"),
        ],
        required=True,
        default="training",
    )
    due_date = fields.Date(required=True)
    user_id = fields.Many2one("res.users", string="Responsible")
    done = fields.Boolean()
    note = fields.Text()
