# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Marketing",
    "summary": "Brand positioning and plans, campaigns with approval, KPIs and "
    "ROI from CRM and analytic, publicity review, brand protection, "
    "customer layers",
    "version": "18.0.1.1.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "depends": ["ops_base", "brand", "utm", "crm", "analytic", "report_xlsx"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/ops_marketing_security.xml",
        "security/ir.model.access.csv",
        "data/ops_marketing_channel_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/ops_marketing_menus.xml",
        "views/res_brand_views.xml",
        "views/ops_brand_plan_views.xml",
        "views/ops_marketing_channel_views.xml",
        "views/ops_marketing_campaign_views.xml",
        "views/ops_marketing_metric_views.xml",
        "views/ops_marketing_content_views.xml",
        "views/ops_brand_incident_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "report/ops_marketing_campaign_report_views.xml",
        "report/ops_marketing_reports.xml",
        "wizards/ops_marketing_metric_import_views.xml",
        "wizards/ops_marketing_export_views.xml",
        "wizards/ops_marketing_campaign_change_views.xml",
        "data/ops_home_tile_data.xml",
    ],
    "demo": ["demo/ops_marketing_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_marketing/static/tests/tours/*.js"],
    },
}
