# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api

# Tier definitions are noupdate data: bring their domains to the segregation
# of duties (nobody approves what they submitted) on existing databases.
DOMAINS = {
    "ops_appraisal.tier_definition_appraisal_department_head": (
        "[('ops_department_head_user_id', '!=', False), "
        "('ops_department_head_is_me', '=', False)]"
    ),
    "ops_appraisal.tier_definition_measure_manager": (
        "[('measure', 'in', ['verbal_warning', 'written_notice']), "
        "('manager_user_id', '!=', False), ('ops_manager_is_me', '=', False)]"
    ),
    "ops_appraisal.tier_definition_measure_hr_warning": (
        "[('measure', 'in', ['verbal_warning', 'written_notice']), '|', "
        "('manager_user_id', '=', False), ('ops_manager_is_me', '=', True)]"
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, domain in DOMAINS.items():
        definition = env.ref(xmlid, raise_if_not_found=False)
        if definition:
            definition.definition_domain = domain
    hr_warning = env.ref(
        "ops_appraisal.tier_definition_measure_hr_warning", raise_if_not_found=False
    )
    if hr_warning:
        hr_warning.name = (
            "HR approves the warning (no manager, or the manager submits it)"
        )
    # Databases installed before per-company defaults: give the companies
    # that have none their grade bands and KPI templates.
    env["res.company"].with_context(active_test=False).search(
        []
    )._ops_appraisal_ensure_defaults()
