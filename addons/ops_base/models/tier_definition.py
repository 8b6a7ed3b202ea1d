# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .ops_guard import ops_model_names


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    ops_cc_user_ids = fields.Many2many(
        "res.users",
        "ops_tier_definition_cc_user_rel",
        "definition_id",
        "user_id",
        string="CC Users",
        domain=[("share", "=", False)],
        help="Informed of the decision of records going through this step; "
        "they can read those records.",
    )
    ops_cc_group_ids = fields.Many2many(
        "res.groups",
        "ops_tier_definition_cc_group_rel",
        "definition_id",
        "group_id",
        string="CC Groups",
        help="Every member is informed of the decision and can read the record.",
    )
    ops_managed = fields.Boolean(
        string="Operations Rules",
        help="Reviews of this step follow the operations regulations: only the "
        "pending reviewer decides, one step at a time, never on their own "
        "request. Always on for operations records; on other apps' records "
        "(quotations, expense sheets...) only for the steps that have it.",
    )
    ops_department_scope = fields.Boolean(
        string="Department Managers Only",
        help="Of the reviewers, only those who manage the record's department "
        "(or a department above it) are asked. A record without department "
        "is asked of every reviewer.",
    )
    ops_decision_rule = fields.Selection(
        selection=[
            ("any", "Any one member"),
            ("majority", "Majority of members"),
            ("all", "All members"),
        ],
        string="Decision Rule",
        default="any",
        required=True,
        help="For a step with several reviewers deciding as a body (board, GM "
        "office): each member votes and the step is approved when the rule is "
        "met, rejected when it can no longer be met.",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        # Every concrete model built on the suite's approval mixin can get
        # tiers, so no ops addon has to register itself here by hand.
        res = super()._get_tier_validation_model_names()
        names = ops_model_names(self.env)
        return res + [name for name in names if name not in res]
