# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user


def make_ops_users(env):
    """Non-admin users for each operations role."""
    ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}
    return {
        "user": new_test_user(
            env, login="t_ops_user", groups="ops_base.group_ops_user", context=ctx
        ),
        "manager": new_test_user(
            env, login="t_ops_manager", groups="ops_base.group_ops_manager", context=ctx
        ),
        "executive": new_test_user(
            env,
            login="t_ops_executive",
            groups="ops_base.group_ops_executive",
            context=ctx,
        ),
        "internal": new_test_user(
            env, login="t_internal", groups="base.group_user", context=ctx
        ),
    }
