# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_appraisal_base_bonus = fields.Monetary(
        string="Quarterly Base Bonus",
        currency_field="currency_id",
        default=1000.0,
        help="Default base bonus of a new quarterly cycle; the bonus of an "
        "employee is the base bonus times the coefficient of the grade.",
    )
    ops_appraisal_auto_cycle = fields.Boolean(
        string="Create Cycles Automatically",
        default=True,
        help="At each quarter end (and at year end) the scheduled action "
        "creates the cycle of the period that just ended, if missing, and "
        "starts it.",
    )
