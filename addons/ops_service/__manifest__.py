# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Customer Service",
    "summary": "Customer service on OCA helpdesk: kinds and channels, SLA "
    "escalation, complaints with root cause and accountability, feedback to "
    "the product team, satisfaction and revisits, analysis",
    "version": "18.0.1.1.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "depends": [
        "ops_base",
        "product",
        "helpdesk_mgmt",
        "helpdesk_mgmt_sla",
        "helpdesk_mgmt_project",
        "helpdesk_mgmt_rating",
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/ops_service_data.xml",
        "data/helpdesk_sla_data.xml",
        "data/ops_service_company_data.xml",
        "data/ir_cron_data.xml",
        "report/ticket_xlsx_report.xml",
        "wizards/ops_service_task_wizard_views.xml",
        "wizards/ops_service_export_wizard_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_ops_views.xml",
        "views/helpdesk_portal_templates.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_sla_views.xml",
        "views/project_task_views.xml",
        "views/ops_service_analysis_views.xml",
        "views/res_config_settings_views.xml",
        "views/ops_service_menus.xml",
        "data/ops_home_tile_data.xml",
    ],
    "demo": ["demo/ops_service_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_service/static/tests/tours/*.js"],
    },
}
