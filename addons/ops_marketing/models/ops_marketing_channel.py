# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsMarketingChannel(models.Model):
    """Communication channel (传播渠道): official site, social media, events..."""

    _name = "ops.marketing.channel"
    _description = "Marketing Channel"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Used by metric imports, e.g. WECHAT")
    channel_type = fields.Selection(
        [("online", "Online"), ("offline", "Offline")],
        default="online",
        required=True,
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    # Each company runs its own channels (accounts, stores, events differ);
    # every company gets the default ones (res.company).
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code, company_id)",
            "The channel code must be unique in the company.",
        ),
    ]
