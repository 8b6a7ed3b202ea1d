# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Every existing company gets its grade bands and KPI templates (the
    data files seed the main company's; companies created later get theirs
    from res.company.create)."""
    env["res.company"].with_context(active_test=False).search(
        []
    )._ops_appraisal_ensure_defaults()
