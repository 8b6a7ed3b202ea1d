# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ops_base.models.ops_guard import is_server


class OpsStore(models.Model):
    """A directly-run store (直营门店): one warehouse, one department."""

    _name = "ops.store"
    _description = "Store"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "code, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(help="Short code of the store, e.g. its warehouse code.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    area = fields.Char(required=True, tracking=True, help="City or district.")
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        tracking=True,
        help="The store's own warehouse: its stock, sales and replenishment.",
    )
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        tracking=True,
        help="The store's department: its employees fill the store's posts.",
    )
    region_id = fields.Many2one(
        "ops.store.region",
        check_company=True,
        tracking=True,
        index=True,
        help="Empty: the store reports to the management department directly.",
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Store Manager",
        tracking=True,
        help="店长: submits the store's replenishment requests.",
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "ops_store_member_rel",
        "store_id",
        "user_id",
        string="Store Staff Users",
        help="Users who see this store's records.",
    )
    regional_manager_id = fields.Many2one(
        related="region_id.manager_id", string="Regional Manager"
    )
    reports_to_id = fields.Many2one(
        "res.users",
        compute="_compute_reports_to_id",
        help="Regional manager, or the management department director for a "
        "store outside any region.",
    )
    staffing_ids = fields.One2many("ops.store.staffing", "store_id", readonly=True)
    vacant_post_count = fields.Integer(compute="_compute_vacant_post_count")

    _sql_constraints = [
        (
            "warehouse_uniq",
            "unique(warehouse_id)",
            "A warehouse belongs to one store only.",
        )
    ]

    @api.depends("region_id.manager_id", "company_id.ops_store_director_id")
    def _compute_reports_to_id(self):
        for store in self:
            store.reports_to_id = (
                store.region_id.manager_id or store.company_id.ops_store_director_id
            )

    @api.depends("staffing_ids.employee_count")
    def _compute_vacant_post_count(self):
        for store in self:
            store.vacant_post_count = len(
                store.staffing_ids.filtered(lambda s: not s.employee_count)
            )

    @api.constrains("warehouse_id", "company_id")
    def _check_not_central(self):
        for store in self:
            if store.warehouse_id == store.company_id.ops_store_central_warehouse_id:
                raise ValidationError(
                    self.env._("The central warehouse cannot be a store's warehouse.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        stores = super().create(vals_list)
        if not is_server(self, "ops_region_write", allow_su=False):
            stores.region_id._ops_check_rules()
        stores._ops_setup_resupply()
        return stores

    def write(self, vals):
        regions = self.region_id
        res = super().write(vals)
        if {"region_id", "area", "active", "company_id"} & set(vals):
            if is_server(self, "ops_region_write", allow_su=False):
                # the region being written checks itself once all its stores
                # are linked (its constraint); the others are checked now
                skip = self.region_id.ids + (
                    self.env.context.get("ops_region_ids") or []
                )
                regions = regions.filtered(lambda r: r.id not in skip)
            else:
                regions |= self.region_id
            regions._ops_check_rules()
        if "warehouse_id" in vals:
            self._ops_setup_resupply()
        return res

    def unlink(self):
        regions = self.region_id
        res = super().unlink()
        regions._ops_check_rules()
        return res

    def _ops_setup_resupply(self):
        """Let the store's warehouse be resupplied from the central one: the
        approved replenishment requests follow that route."""
        for store in self.sudo():
            central = store.company_id.ops_store_central_warehouse_id
            if central and central not in store.warehouse_id.resupply_wh_ids:
                store.warehouse_id.resupply_wh_ids = [fields.Command.link(central.id)]
        return True

    def _ops_resupply_route(self):
        """The route that brings the central warehouse's goods to the store."""
        self.ensure_one()
        central = self.company_id.ops_store_central_warehouse_id
        return (
            self.sudo()
            .env["stock.route"]
            .search(
                [
                    ("supplied_wh_id", "=", self.warehouse_id.id),
                    ("supplier_wh_id", "=", central.id),
                ],
                limit=1,
            )
        )

    # Who may act on a store ------------------------------------------------

    def _ops_is_merchandiser(self):
        user = self.env.user
        return self.env.su or user.has_group("ops_store.group_ops_store_merchandiser")

    def _ops_check_merchandiser(self):
        if not self._ops_is_merchandiser():
            raise AccessError(
                self.env._(
                    "Only the merchandising department reviews, corrects or "
                    "refuses replenishment requests and decides transfers."
                )
            )
        return True

    def _ops_check_member(self):
        """Store staff act for their own store only."""
        if self._ops_is_merchandiser():
            return True
        user = self.env.user
        for store in self.sudo():
            if user != store.manager_user_id and user not in store.member_user_ids:
                raise AccessError(
                    self.env._(
                        "You are not a member of the store “%(store)s”.",
                        store=store.name,
                    )
                )
        return True
