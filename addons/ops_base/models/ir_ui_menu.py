# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    # Menus of the approval centre showing how many records are concerned.
    _ops_counted_menus = {
        "ops_base.menu_ops_approval_todo": "todo",
        "ops_base.menu_ops_approval_mine": "mine",
        "ops_base.menu_ops_approval_cc": "cc",
    }

    @api.model
    def _ops_approval_counts(self):
        Request = self.env["ops.approval.request"]
        if not Request.has_access("read"):
            return {}
        uid = self.env.uid
        domains = {
            "todo": [("todo_user_ids", "in", [uid])],
            "mine": [("requester_id", "=", uid), ("status", "=", "pending")],
            "cc": [("cc_user_ids", "in", [uid]), ("status", "=", "pending")],
        }
        return {key: Request.search_count(dom) for key, dom in domains.items()}

    @api.model
    def load_menus(self, debug):
        menus = super().load_menus(debug)
        counts = None
        for xmlid, key in self._ops_counted_menus.items():
            menu = self.env.ref(xmlid, raise_if_not_found=False)
            if not menu or menu.id not in menus:
                continue
            if counts is None:
                counts = self._ops_approval_counts()
            if counts.get(key):
                # A copy: the parent's result is cached for every request.
                entry = dict(menus[menu.id])
                entry["name"] = f"{entry['name']} ({counts[key]})"
                menus = dict(menus)
                menus[menu.id] = entry
        return menus
