# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Projects",
    "summary": "Product operations lifecycle: initiation approvals, launch gate, "
    "risks, change requests, solution library and the monthly report",
    "version": "18.0.1.0.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "depends": ["ops_base", "project", "analytic", "report_xlsx"],
    "data": [
        "security/ops_project_security.xml",
        "security/ir.model.access.csv",
        "data/project_stage_data.xml",
        "data/risk_category_data.xml",
        "data/tier_definition_data.xml",
        "data/tier_definition_upgrade.xml",
        "data/ir_cron_data.xml",
        "report/monthly_report_reports.xml",
        "views/ops_project_proposal_views.xml",
        "views/project_project_views.xml",
        "views/ops_project_launch_views.xml",
        "views/ops_project_risk_views.xml",
        "views/ops_project_change_views.xml",
        "views/ops_project_solution_views.xml",
        "views/ops_project_monthly_report_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/ops_project_proposal_reserve_views.xml",
        "wizards/ops_project_monthly_report_wizard_views.xml",
        "wizards/ops_project_phase_wizard_views.xml",
        "views/ops_project_menus.xml",
    ],
    "demo": ["demo/ops_project_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_project/static/tests/tours/*.js"],
    },
}
