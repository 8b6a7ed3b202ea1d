# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Stores",
    "summary": "Chain stores: regions and posts, store supervision, "
    "replenishment review, inter-store transfers, spot counts, merchandising "
    "cadence and the daily stock and sales summary",
    "version": "18.0.1.0.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "depends": [
        "ops_base",
        "hr",
        "stock",
        "stock_request",
        "stock_request_tier_validation",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ops_store_security.xml",
        "security/ir.model.access.csv",
        "security/ops_store_rules.xml",
        "data/hr_job_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "wizards/ops_store_replenishment_wizard_views.xml",
        "views/ops_store_views.xml",
        "views/ops_store_region_views.xml",
        "views/stock_request_order_views.xml",
        "views/ops_store_visit_views.xml",
        "views/ops_store_finding_views.xml",
        "views/ops_store_training_views.xml",
        "views/ops_store_transfer_views.xml",
        "views/ops_store_count_views.xml",
        "views/ops_store_duty_views.xml",
        "views/ops_store_summary_views.xml",
        "views/ops_store_report_views.xml",
        "views/res_company_views.xml",
        "views/ops_store_menus.xml",
    ],
    "demo": ["demo/ops_store_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_store/static/tests/tours/*.js"],
    },
}
