# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

HOME_ACTION = "ops_base.ops_home_action"
OPS_GROUP = "ops_base.group_ops_user"


class ResUsers(models.Model):
    _inherit = "res.users"

    ops_approval_substitute_id = fields.Many2one(
        "res.users",
        string="Approval Substitute",
        domain=[("share", "=", False)],
        help="Decides your operations approvals while you are on approved "
        "leave (when Time Off is installed). Without one, your manager does.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["ops_approval_substitute_id"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["ops_approval_substitute_id"]

    def _ops_give_home(self, had_role=None):
        """Users who have just been given an operations role land on the
        Operations home after login.

        Good guest: only users gaining the role, and only when nobody chose a
        home action for them; others keep theirs (Discuss by default)."""
        action = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        group = self.env.ref(OPS_GROUP, raise_if_not_found=False)
        if not action or not group:
            return
        had_role = had_role or self.browse()
        users = self.sudo().filtered(
            lambda u: u not in had_role and not u.action_id and group in u.groups_id
        )
        if users:
            users.write({"action_id": action.id})

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._ops_give_home()
        return users

    def write(self, vals):
        group = self.env.ref(OPS_GROUP, raise_if_not_found=False)
        touches_groups = any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        )
        if not group or not touches_groups or "action_id" in vals:
            return super().write(vals)
        had_role = self.sudo().filtered(lambda u: group in u.groups_id)
        res = super().write(vals)
        self._ops_give_home(had_role)
        return res
