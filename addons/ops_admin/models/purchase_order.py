# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def button_confirm(self):
        # Checked before the order is confirmed, whoever confirms it and
        # whatever approval the company's purchase flow adds afterwards.
        self.order_line._ops_check_rd_channel()
        return super().button_confirm()
