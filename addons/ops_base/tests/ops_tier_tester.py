# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A minimal approval model for the engine's own tests (loaded with
odoo_test_helper, as OCA tests its tier validation mixin)."""

from odoo import fields, models


class OpsTierTester(models.Model):
    _name = "ops.tier.tester"
    _description = "Operations approval tester"
    _inherit = ["mail.thread", "ops.tier.validation"]

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_transitions = {
        "draft": ("approved", "cancel"),
        "approved": ("done",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = ("amount",)
    _ops_server_fields = ("escalation",)

    name = fields.Char(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
    )
    amount = fields.Float()
    escalation = fields.Integer()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    department_id = fields.Many2one("hr.department")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def action_approve(self):
        self.check_access("write")
        return self._ops_set_state("approved")

    def action_done(self):
        self.check_access("write")
        return self._ops_set_state("done")
