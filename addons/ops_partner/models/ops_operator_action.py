# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsOperatorAction(models.Model):
    """An improvement proposal from an operator evaluation, with its owner."""

    _name = "ops.operator.action"
    _description = "Operator Improvement Action"
    _order = "deadline, id"

    evaluation_id = fields.Many2one(
        "ops.operator.evaluation", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="evaluation_id.partner_id", store=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    name = fields.Char(string="Action", required=True)
    owner_id = fields.Many2one("res.users", required=True)
    deadline = fields.Date(required=True)
    done = fields.Boolean()
