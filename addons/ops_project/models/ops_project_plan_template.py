# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .ops_project_plan_sections import PLAN_SECTIONS


class OpsProjectPlanTemplate(models.Model):
    """Default texts of the eleven sections: a new plan starts from one."""

    _name = "ops.project.plan.template"
    _description = "Operations Plan Template"
    _inherit = ["ops.project.plan.sections"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to offer the template to every company."
    )
    # The shipped template reads in the user's language.
    section_background = fields.Html(translate=True)
    section_goals = fields.Html(translate=True)
    section_target_users = fields.Html(translate=True)
    section_strategy = fields.Html(translate=True)
    section_channels = fields.Html(translate=True)
    section_content = fields.Html(translate=True)
    section_activities = fields.Html(translate=True)
    section_budget = fields.Html(translate=True)
    section_schedule = fields.Html(translate=True)
    section_kpis = fields.Html(translate=True)
    section_risks = fields.Html(translate=True)

    @api.model
    def _ops_default(self, company=None):
        company = company or self.env.company
        return self.search([("company_id", "in", [False, company.id])], limit=1)

    def _ops_section_values(self):
        """The section texts a plan copies (empty sections stay empty)."""
        self.ensure_one()
        return {f: self[f] for f in PLAN_SECTIONS if self[f]}

    def action_new_plan(self):
        """“New plan from template”: a plan form prefilled by this template."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Operations Plan"),
            "res_model": "ops.project.plan",
            "view_mode": "form",
            "context": {"default_template_id": self.id},
        }
