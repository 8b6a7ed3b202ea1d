# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .ops_marketing_customer_layer import LAYERS

# Partner field -> field of the current company's ops.marketing.customer.layer
LAYER_FIELDS = {
    "ops_customer_layer": "layer",
    "ops_layer_auto": "layer_auto",
    "ops_layer_manual": "layer_manual",
    "ops_revenue_12m": "revenue_12m",
    "ops_open_opportunity_count": "open_opportunity_count",
    "ops_last_contact_date": "last_contact_date",
    "ops_churn_risk": "churn_risk",
}
# A partner without a layer record reads these values.
EMPTY = {"ops_revenue_12m": 0.0, "ops_open_opportunity_count": 0}


class ResPartner(models.Model):
    """Customer layers (客户分层), churn risk and revisits, per company.

    The values live on ``ops.marketing.customer.layer`` (one row per partner
    and company); the partner shows those of the current company.
    """

    _inherit = "res.partner"

    ops_layer_ids = fields.One2many(
        "ops.marketing.customer.layer",
        "partner_id",
        string="Customer Layers",
        groups="ops_base.group_ops_user",
    )
    ops_customer_layer = fields.Selection(
        LAYERS,
        string="Customer Layer",
        compute="_compute_ops_layer_values",
        search="_search_ops_customer_layer",
        groups="ops_base.group_ops_user",
    )
    ops_layer_auto = fields.Selection(
        LAYERS,
        string="Computed Customer Layer",
        compute="_compute_ops_layer_values",
        groups="ops_base.group_ops_user",
    )
    ops_layer_manual = fields.Selection(
        LAYERS,
        string="Customer Layer Override",
        compute="_compute_ops_layer_values",
        inverse="_inverse_ops_layer_manual",
        search="_search_ops_layer_manual",
        groups="ops_base.group_ops_user",
        help="Set to force the layer whatever the rules say (in the current "
        "company).",
    )
    ops_revenue_12m = fields.Monetary(
        string="Won Revenue (12 months)",
        currency_field="ops_company_currency_id",
        compute="_compute_ops_layer_values",
        groups="ops_base.group_ops_user",
    )
    ops_company_currency_id = fields.Many2one(
        "res.currency",
        string="Layer Currency",
        compute="_compute_ops_company_currency_id",
        groups="ops_base.group_ops_user",
    )
    ops_open_opportunity_count = fields.Integer(
        string="Open Opportunities (Layer)",
        compute="_compute_ops_layer_values",
        groups="ops_base.group_ops_user",
    )
    ops_last_contact_date = fields.Date(
        string="Last Deal or Contact",
        compute="_compute_ops_layer_values",
        groups="ops_base.group_ops_user",
    )
    ops_churn_risk = fields.Boolean(
        string="Churn Risk",
        compute="_compute_ops_layer_values",
        search="_search_ops_churn_risk",
        groups="ops_base.group_ops_user",
    )

    def _ops_company_layers(self):
        """{partner id: layer} of the current company, one query."""
        layers = self.env["ops.marketing.customer.layer"].search(
            [
                ("partner_id", "in", self.ids),
                ("company_id", "=", self.env.company.id),
            ]
        )
        return {layer.partner_id.id: layer for layer in layers}

    @api.depends_context("company")
    @api.depends(
        "ops_layer_ids.layer",
        "ops_layer_ids.layer_manual",
        "ops_layer_ids.revenue_12m",
        "ops_layer_ids.open_opportunity_count",
        "ops_layer_ids.last_contact_date",
        "ops_layer_ids.churn_risk",
    )
    def _compute_ops_layer_values(self):
        layers = self.filtered("id")._ops_company_layers()
        for partner in self:
            layer = layers.get(partner.id)
            for fname, source in LAYER_FIELDS.items():
                partner[fname] = layer[source] if layer else EMPTY.get(fname, False)

    def _inverse_ops_layer_manual(self):
        Layer = self.env["ops.marketing.customer.layer"]
        layers = self._ops_company_layers()
        for partner in self:
            layer = layers.get(partner.id)
            if layer:
                layer.layer_manual = partner.ops_layer_manual
            elif partner.ops_layer_manual:
                Layer.create(
                    {
                        "partner_id": partner.id,
                        "company_id": self.env.company.id,
                        "layer_manual": partner.ops_layer_manual,
                    }
                )
        # The fields computed with this one are protected during the inverse:
        # drop their values so that they are read again from the layer.
        self.invalidate_recordset(
            [name for name in LAYER_FIELDS if name != "ops_layer_manual"]
        )

    def _search_ops_customer_layer(self, operator, value):
        return self._ops_layer_domain("ops_customer_layer", operator, value)

    def _search_ops_layer_manual(self, operator, value):
        return self._ops_layer_domain("ops_layer_manual", operator, value)

    def _search_ops_churn_risk(self, operator, value):
        return self._ops_layer_domain("ops_churn_risk", operator, value)

    @api.model
    def _ops_layer_domain(self, fname, operator, value):
        """Partners whose layer in the current company matches; a partner
        without a layer there reads as empty.

        Searched as the user, never with sudo: filtering on a layer would
        otherwise list the customers whose layer the user may not read.
        """
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_user")):
            raise AccessError(
                self.env._("Only operations users may search customer layers.")
            )
        Layer = self.env["ops.marketing.customer.layer"]
        company = [("company_id", "=", self.env.company.id)]
        source = LAYER_FIELDS[fname]
        matching = Layer._search(company + [(source, operator, value)])
        domain = [("id", "in", matching.subselect("partner_id"))]
        # Does a partner without a layer (every value empty) match?
        empty = EMPTY.get(fname, False)
        if operator == "=":
            matches_empty = value == empty
        elif operator == "!=":
            matches_empty = value != empty
        elif operator == "in":
            matches_empty = empty in value
        elif operator == "not in":
            matches_empty = empty not in value
        else:
            matches_empty = False
        if matches_empty:
            with_layer = Layer._search(company)
            domain = [
                "|",
                *domain,
                ("id", "not in", with_layer.subselect("partner_id")),
            ]
        return domain

    def _compute_ops_company_currency_id(self):
        for partner in self:
            partner.ops_company_currency_id = self.env.company.currency_id

    @api.model
    def _ops_update_customer_layers(self, company=None):
        """Classify the customers of ``company`` (default: the current one)."""
        return self.env["ops.marketing.customer.layer"]._ops_update_layers(
            company or self.env.company
        )

    @api.model
    def _ops_plan_revisits(self, partners):
        """One open revisit activity per partner at risk: never a second one."""
        if not partners:
            return self.env["mail.activity"]
        activity_type = self.env.ref("ops_marketing.mail_activity_customer_revisit")
        existing = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", partners.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": partner.id,
                "activity_type_id": activity_type.id,
                "user_id": (partner.user_id or self.env.user).id,
                "summary": self.env._("Revisit: churn risk"),
                "date_deadline": fields.Date.context_today(self),
            }
            for partner in partners
            if partner.id not in existing
        ]
        return self.env["mail.activity"].sudo().create(vals_list)

    @api.model
    def _cron_ops_customer_layers(self):
        Layer = self.env["ops.marketing.customer.layer"]
        for company in self.env["res.company"].search([("id", "!=", 0)]):
            Layer.with_company(company)._ops_update_layers(company)

    def action_ops_update_layers(self):
        """Server action "Update Customer Layers": managers only."""
        return self.env["ops.marketing.customer.layer"].action_ops_update_layers()
