# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sections of an operations plan (运营方案), shared by the plan and its
templates so that a template fills a plan section by section."""

from odoo import fields, models

# The template of the regulations (seed 000, 运营方案): background, goals,
# target users, strategy, channels, content, activities, budget, schedule,
# KPIs, risks. The budget's figures are the plan's budget lines; its section
# holds the explanation.
PLAN_SECTIONS = (
    "section_background",
    "section_goals",
    "section_target_users",
    "section_strategy",
    "section_channels",
    "section_content",
    "section_activities",
    "section_budget",
    "section_schedule",
    "section_kpis",
    "section_risks",
)


class OpsProjectPlanSections(models.AbstractModel):
    _name = "ops.project.plan.sections"
    _description = "Operations Plan Sections"

    section_background = fields.Html(string="Background")
    section_goals = fields.Html(string="Goals")
    section_target_users = fields.Html(string="Target Users")
    section_strategy = fields.Html(string="Operations Strategy")
    section_channels = fields.Html(string="Channels")
    section_content = fields.Html(string="Content")
    section_activities = fields.Html(string="Planned Activities")
    section_budget = fields.Html(
        string="Budget Notes",
        help="How the budget (promotion, people, technical support) is built "
        "and spent; the figures are the budget lines.",
    )
    section_schedule = fields.Html(string="Schedule")
    section_kpis = fields.Html(string="KPIs")
    section_risks = fields.Html(string="Risks")
