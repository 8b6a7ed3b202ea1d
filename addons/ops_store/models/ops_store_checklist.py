# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsStoreChecklist(models.Model):
    """A configurable supervision checklist (督导检查表)."""

    _name = "ops.store.checklist"
    _description = "Store Supervision Checklist"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    item_ids = fields.One2many("ops.store.checklist.item", "checklist_id", copy=True)
    max_score = fields.Float(compute="_compute_max_score")

    @api.depends("item_ids.max_score")
    def _compute_max_score(self):
        for checklist in self:
            checklist.max_score = sum(checklist.item_ids.mapped("max_score"))


class OpsStoreChecklistItem(models.Model):
    _name = "ops.store.checklist.item"
    _description = "Store Supervision Checklist Item"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "ops.store.checklist", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True, translate=True)
    max_score = fields.Float(default=10.0, required=True)

    @api.constrains("max_score")
    def _check_max_score(self):
        if any(item.max_score <= 0 for item in self):
            raise ValidationError(
                self.env._("The maximum score of a check must be positive.")
            )
