# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class OpsAppraisalImprovementPlan(models.Model):
    """Training and coaching for an employee who failed an appraisal
    (对考核不合格的员工进行培训和指导), tracked until closed."""

    _name = "ops.appraisal.improvement.plan"
    _description = "Performance Improvement Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state, follow_up_date, id desc"

    name = fields.Char(required=True, tracking=True)
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Failed Appraisal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Plan Department",
        related="appraisal_id.employee_id.department_id",
        store=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Coach",
        tracking=True,
        help="The manager who follows the plan.",
    )
    state = fields.Selection(
        selection=[
            ("open", "In Progress"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    action_ids = fields.One2many(
        "ops.appraisal.improvement.action", "plan_id", string="Actions"
    )
    action_done_ratio = fields.Float(
        string="Progress", compute="_compute_action_done_ratio"
    )
    follow_up_date = fields.Date(tracking=True)
    follow_up_appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Follow-up Appraisal",
        domain="[('employee_id', '=', employee_id), ('id', '!=', appraisal_id)]",
    )
    outcome = fields.Text()
    date_closed = fields.Date(readonly=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)

    _sql_constraints = [
        (
            "appraisal_unique",
            "UNIQUE(appraisal_id)",
            "An appraisal has only one improvement plan.",
        ),
    ]

    @api.depends("action_ids.done")
    def _compute_action_done_ratio(self):
        for plan in self:
            actions = plan.action_ids
            plan.action_done_ratio = (
                100.0 * len(actions.filtered("done")) / len(actions) if actions else 0.0
            )

    @api.model
    def _ops_default_vals(self, appraisal):
        today = fields.Date.context_today(self)
        coach = appraisal.employee_id.parent_id.user_id
        return {
            "name": self.env._(
                "Improvement plan of %(employee)s", employee=appraisal.employee_id.name
            ),
            "appraisal_id": appraisal.id,
            "user_id": coach.id,
            "follow_up_date": today + timedelta(days=90),
            "action_ids": [
                Command.create(
                    {
                        "name": self.env._("Training on the failed indicators"),
                        "action_type": "training",
                        "due_date": today + timedelta(days=30),
                        "user_id": coach.id,
                    }
                ),
                Command.create(
                    {
                        "name": self.env._("Coaching sessions with the manager"),
                        "action_type": "coaching",
                        "due_date": today + timedelta(days=60),
                        "user_id": coach.id,
                    }
                ),
            ],
        }

    def action_close(self):
        for plan in self:
            if plan.action_ids.filtered(lambda a: not a.done):
                raise UserError(
                    self.env._(
                        "Complete every action of “%(plan)s” before closing it.",
                        plan=plan.name,
                    )
                )
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        return True

    def action_reopen(self):
        self.write({"state": "open", "date_closed": False})
        return True
