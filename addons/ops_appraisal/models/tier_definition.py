# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _ops_appraisal_mark_managed(self):
        """The tiers this addon ships follow the suite's decision rules
        (``ops_managed``, ops_base's engine); called by the data file at
        every install or update, so the flag also lands once the engine
        provides it."""
        if "ops_managed" not in self._fields:
            return True
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "ops_appraisal"), ("model", "=", self._name)])
        )
        self.sudo().browse(data.mapped("res_id")).exists().write({"ops_managed": True})
        return True
