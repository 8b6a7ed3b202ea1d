# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class TierReview(models.Model):
    _inherit = "tier.review"

    ops_escalated_on = fields.Date(
        string="Last Escalation",
        readonly=True,
        copy=False,
        help="Day an overdue review was last escalated (at most once a day).",
    )
