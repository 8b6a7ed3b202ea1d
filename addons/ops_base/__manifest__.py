# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Operations Management",
    "summary": "Operations center base: the Operations app, its roles, "
    "settings and the suite's approval engine (tier validation)",
    "version": "18.0.1.0.0",
    "category": "Operations",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "mail",
        "base_setup",
        "hr",
        "base_tier_validation",
        "base_tier_validation_forward",
        "queue_job",
    ],
    "data": [
        "security/ops_base_security.xml",
        "security/ir.model.access.csv",
        "security/ops_approval_security.xml",
        "data/tier_definition_data.xml",
        "data/queue_job_data.xml",
        "data/ops_approval_data.xml",
        "data/ops_approval_tier_data.xml",
        "data/ops_home_tile_data.xml",
        "views/ops_menus.xml",
        "views/ops_regulation_views.xml",
        "views/ops_accountability_views.xml",
        "views/tier_definition_views.xml",
        "views/res_config_settings_views.xml",
        "views/ops_approval_templates.xml",
        "views/ops_approval_views.xml",
        "views/ops_home_views.xml",
    ],
    "demo": ["demo/ops_base_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_base/static/tests/tours/*.js"],
    },
}
