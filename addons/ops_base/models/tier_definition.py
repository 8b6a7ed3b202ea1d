# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        # Every concrete model built on the suite's approval mixin can get
        # tiers, so no ops addon has to register itself here by hand.
        res = super()._get_tier_validation_model_names()
        mixin = self.env.registry["ops.tier.validation"]
        res += sorted(
            name
            for name, model in self.env.registry.items()
            if not model._abstract and issubclass(model, mixin) and name not in res
        )
        return res
