# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A host app's approval model (like a quotation under OCA's tier
validation) that takes only the decision half of the engine."""

from odoo import fields, models


class OpsHostTester(models.Model):
    _name = "ops.host.tester"
    _description = "Host approval tester"
    _inherit = ["mail.thread", "ops.tier.decision"]

    _state_from = ["draft"]
    _state_to = ["confirmed"]
    _tier_validation_manual_config = False

    name = fields.Char(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
    )
    amount = fields.Float()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def action_confirm(self):
        return self.write({"state": "confirmed"})
