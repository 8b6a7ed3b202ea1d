# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

# The operations center's organisation rules (运营管理部工作流程).
MIN_STORES = 4
MIN_STORES_ASSISTANT = 5


class OpsStoreRegion(models.Model):
    """A region (区域): 4 or more stores of one area under a regional manager."""

    _name = "ops.store.region"
    _description = "Store Region"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, tracking=True)
    area = fields.Char(
        required=True,
        tracking=True,
        help="The area (city, district) every store of the region belongs to.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Regional Manager",
        tracking=True,
        help="Leads the region's stores and receives their escalations.",
    )
    assistant_id = fields.Many2one(
        "res.users",
        string="Regional Manager Assistant",
        tracking=True,
        help="Allowed only for a region of 5 stores or more.",
    )
    store_ids = fields.One2many("ops.store", "region_id", string="Stores")
    store_count = fields.Integer(compute="_compute_store_count")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A region with this name already exists in this company.",
        )
    ]

    @api.depends("store_ids")
    def _compute_store_count(self):
        for region in self:
            region.store_count = len(region.store_ids)

    # Linking stores one by one from the region's form would check the rule
    # after the first store: the region checks itself once all are linked.
    @api.model_create_multi
    def create(self, vals_list):
        records = super(OpsStoreRegion, as_server(self, "ops_region_write")).create(
            vals_list
        )
        return records.with_env(self.env)

    def write(self, vals):
        region = as_server(self, "ops_region_write").with_context(
            ops_region_ids=self.ids
        )
        return super(OpsStoreRegion, region).write(vals)

    @api.constrains("store_ids", "area", "assistant_id", "active")
    def _check_region_rules(self):
        self._ops_check_rules()

    def _ops_check_rules(self):
        """The organisation rules, checked whenever a region or the stores
        in it change (a store leaving a region may break the rule too)."""
        for region in self.exists().filtered("active"):
            stores = region.with_context(active_test=True).store_ids
            if len(stores) < MIN_STORES:
                raise ValidationError(
                    self.env._(
                        "A region needs at least %(min)s stores of one area: "
                        "“%(region)s” would have %(count)s. Stores outside any "
                        "region report to the management department.",
                        min=MIN_STORES,
                        region=region.name,
                        count=len(stores),
                    )
                )
            others = stores.filtered(lambda s, r=region: s.area != r.area)
            if others:
                raise ValidationError(
                    self.env._(
                        "Every store of the region “%(region)s” must be in its "
                        "area “%(area)s”: %(stores)s is not.",
                        region=region.name,
                        area=region.area,
                        stores=", ".join(others.mapped("name")),
                    )
                )
            if region.assistant_id and len(stores) < MIN_STORES_ASSISTANT:
                raise ValidationError(
                    self.env._(
                        "A regional manager assistant is allowed only for a "
                        "region of %(min)s stores or more: “%(region)s” has "
                        "%(count)s.",
                        min=MIN_STORES_ASSISTANT,
                        region=region.name,
                        count=len(stores),
                    )
                )
            if stores.company_id - region.company_id:
                raise ValidationError(
                    self.env._(
                        "The stores of the region “%(region)s” must belong to "
                        "its company.",
                        region=region.name,
                    )
                )
