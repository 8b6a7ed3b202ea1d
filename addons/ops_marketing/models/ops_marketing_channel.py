# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server


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

    def _ops_is_used(self):
        """Whether campaigns, targets, metrics or content use the channels."""
        env = self.sudo().env
        return bool(
            env["ops.marketing.campaign"].search_count(
                [("channel_ids", "in", self.ids)], limit=1
            )
            or env["ops.marketing.campaign.channel"].search_count(
                [("channel_id", "in", self.ids)], limit=1
            )
            or env["ops.marketing.metric"].search_count(
                [("channel_id", "in", self.ids)], limit=1
            )
            or env["ops.marketing.content"].search_count(
                [("channel_id", "in", self.ids)], limit=1
            )
        )

    def write(self, vals):
        if (
            "company_id" in vals
            and not is_server(self)
            and any(c.company_id.id != vals["company_id"] for c in self)
            and self._ops_is_used()
        ):
            raise UserError(
                self.env._(
                    "This channel is used by campaigns, metrics or content of "
                    "its company and cannot move to another company. Create a "
                    "channel in the other company instead."
                )
            )
        res = super().write(vals)
        if "company_id" in vals:
            # The company rule filters reads, not the new company written.
            self.check_access("write")
        return res
