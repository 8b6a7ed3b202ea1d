# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


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
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)

    def _ops_check_not_own(self):
        # The employee followed does not tick their own actions as done.
        if not self.env.su and any(
            action.plan_id.employee_id.user_id == self.env.user for action in self
        ):
            raise AccessError(
                self.env._("Your improvement plan is followed by your coach and HR.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._ops_check_not_own()
        return actions

    def write(self, vals):
        self._ops_check_not_own()
        return super().write(vals)

    def unlink(self):
        self._ops_check_not_own()
        return super().unlink()
