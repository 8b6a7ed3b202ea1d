# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_store_central_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Central Warehouse",
        help="The merchandising department's warehouse: stores are replenished "
        "from it.",
    )
    ops_store_management_department_id = fields.Many2one(
        "hr.department",
        string="Store Management Department",
        help="The operations center's management department: stores outside "
        "any region report to it.",
    )
    ops_store_director_id = fields.Many2one(
        "res.users",
        string="Management Department Director",
        help="Receives the escalations of stores outside any region and of the "
        "missing monthly analysis.",
    )
    ops_store_supervisor_id = fields.Many2one(
        "res.users", string="Supervision Specialist"
    )
    ops_store_merch_manager_id = fields.Many2one(
        "res.users",
        string="Merchandising Manager",
        help="Writes the monthly analysis and summary, due by the 5th.",
    )
