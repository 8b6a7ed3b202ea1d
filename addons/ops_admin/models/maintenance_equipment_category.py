# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceEquipmentCategory(models.Model):
    _inherit = "maintenance.equipment.category"

    ops_lab_head_id = fields.Many2one(
        "res.users",
        string="Lab Head",
        domain=[("share", "=", False)],
        tracking=True,
        help="Consents to every booking of this category's equipment and "
        "signs first when it is lent out of the lab.",
    )
