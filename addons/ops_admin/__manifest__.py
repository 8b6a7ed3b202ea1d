# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Department Administration",
    "summary": "Expense claims filed by the department assistant, travel and "
    "car requests, R&D material purchase requests, lab equipment bookings and "
    "loans with four signatures, under the suite's approval rules",
    "version": "18.0.1.0.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "depends": [
        "ops_base",
        "hr_expense",
        "hr_expense_tier_validation",
        "fleet",
        "maintenance",
        "purchase_request",
        "purchase_request_tier_validation",
        "report_xlsx",
    ],
    "data": [
        "security/ops_admin_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ops_admin_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/admin_xlsx_reports.xml",
        "views/ops_admin_travel_views.xml",
        "views/ops_admin_car_request_views.xml",
        "views/ops_admin_equipment_booking_views.xml",
        "views/ops_admin_equipment_loan_views.xml",
        "views/host_views.xml",
        "views/ops_admin_menus.xml",
    ],
    "demo": ["demo/ops_admin_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_admin/static/tests/tours/*.js"],
    },
}
