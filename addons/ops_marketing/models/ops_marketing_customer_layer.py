# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.ops_base.models.ops_guard import as_server

LAYERS = [
    ("ordinary", "Ordinary"),
    ("potential", "Potential"),
    ("important", "Important"),
]
# Written by the classification only, compared before writing.
COMPUTED_FIELDS = (
    "layer_auto",
    "revenue_12m",
    "open_opportunity_count",
    "last_contact_date",
    "churn_risk",
)


class OpsMarketingCustomerLayer(models.Model):
    """Customer layer (客户分层) of a partner in one company.

    Partners are usually shared by every company, while each company has its
    own CRM, thresholds and relationship with the customer: the layer is kept
    per company, so one company's classification never overwrites another's.
    """

    _name = "ops.marketing.customer.layer"
    _description = "Customer Layer"
    _inherit = ["ops.guarded.mixin", "ops.background.mixin"]
    _order = "company_id, layer desc, revenue_12m desc, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    _ops_server_fields = COMPUTED_FIELDS

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")
    layer_auto = fields.Selection(LAYERS, string="Computed Layer", readonly=True)
    layer_manual = fields.Selection(
        LAYERS,
        string="Layer Override",
        help="Set to force the layer whatever the rules say.",
    )
    layer = fields.Selection(
        LAYERS, string="Customer Layer", compute="_compute_layer", store=True
    )
    revenue_12m = fields.Monetary(string="Won Revenue (12 months)", readonly=True)
    open_opportunity_count = fields.Integer(string="Open Opportunities", readonly=True)
    last_contact_date = fields.Date(string="Last Deal or Contact", readonly=True)
    churn_risk = fields.Boolean(readonly=True)

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A customer has one layer per company.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "company_id" in vals:
            # The company rule filters reads, not the new company written.
            self.check_access("write")
        return res

    @api.depends("layer_auto", "layer_manual")
    def _compute_layer(self):
        for record in self:
            record.layer = record.layer_manual or record.layer_auto

    # ------------------------------------------------------------------
    # Classification
    # ------------------------------------------------------------------
    @api.model
    def _ops_crm_figures(self, company):
        """{partner id: (revenue, open count, last contact)} from the CRM of
        ``company`` (and leads without company), in four grouped queries."""
        today = fields.Date.context_today(self)
        since = today - timedelta(days=365)
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        base = [("partner_id", "!=", False), ("company_id", "in", [False, company.id])]
        revenue, open_count, last_contact = {}, {}, {}
        for partner, amount in Lead._read_group(
            base
            + [
                ("active", "=", True),
                ("stage_id.is_won", "=", True),
                ("date_closed", ">=", fields.Datetime.to_datetime(since)),
            ],
            ["partner_id"],
            ["expected_revenue:sum"],
        ):
            key = partner.commercial_partner_id.id
            revenue[key] = revenue.get(key, 0.0) + amount
        for partner, count in Lead._read_group(
            base
            + [
                ("active", "=", True),
                ("type", "=", "opportunity"),
                ("stage_id.is_won", "=", False),
            ],
            ["partner_id"],
            ["__count"],
        ):
            key = partner.commercial_partner_id.id
            open_count[key] = open_count.get(key, 0) + count
        for partner, last in Lead._read_group(
            base, ["partner_id"], ["date_last_stage_update:max"]
        ):
            key = partner.commercial_partner_id.id
            if last and (key not in last_contact or last.date() > last_contact[key]):
                last_contact[key] = last.date()
        return revenue, open_count, last_contact

    @api.model
    def _ops_add_messages(self, last_contact, partner_ids):
        """Messages on the partner count as contact (shared by companies)."""
        for res_id, last in (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "in", list(partner_ids)),
                    ("message_type", "in", ("comment", "email")),
                ],
                ["res_id"],
                ["date:max"],
            )
        ):
            if last and (
                res_id not in last_contact or last.date() > last_contact[res_id]
            ):
                last_contact[res_id] = last.date()

    @api.model
    def _ops_classify(self, company, revenue, opened):
        if revenue and revenue >= company.ops_layer_important_revenue:
            return "important"
        if opened >= max(company.ops_layer_potential_opportunities, 1):
            return "potential"
        return "ordinary"

    @api.model
    def _ops_update_company(self, company):
        """Classify the customers of ``company`` and plan revisits.

        Idempotent: values are compared with those stored and only changed
        rows are written, in one write per distinct set of values, so a second
        run with nothing new writes nothing. Returns the layers written.
        """
        Layer = self.sudo().with_company(company)
        revenue, open_count, last_contact = self._ops_crm_figures(company)
        existing = {
            layer.partner_id.id: layer
            for layer in Layer.search([("company_id", "=", company.id)])
        }
        partner_ids = set(revenue) | set(open_count) | set(last_contact)
        partner_ids |= set(existing)
        self._ops_add_messages(last_contact, partner_ids)
        churn_limit = fields.Date.context_today(self) - timedelta(
            days=company.ops_churn_days
        )
        to_create, to_write = [], {}
        for partner_id in partner_ids:
            rev = revenue.get(partner_id, 0.0)
            opened = open_count.get(partner_id, 0)
            last = last_contact.get(partner_id) or False
            values = {
                "layer_auto": self._ops_classify(company, rev, opened),
                "revenue_12m": rev,
                "open_opportunity_count": opened,
                "last_contact_date": last,
                "churn_risk": bool(last and last < churn_limit),
            }
            layer = existing.get(partner_id)
            if not layer:
                to_create.append(
                    dict(values, partner_id=partner_id, company_id=company.id)
                )
            elif layer._ops_differs(values):
                key = tuple(values[name] for name in COMPUTED_FIELDS)
                to_write.setdefault(key, Layer.browse())
                to_write[key] |= layer
        written = as_server(Layer).create(to_create)
        for key, layers in to_write.items():
            as_server(layers).write(dict(zip(COMPUTED_FIELDS, key, strict=True)))
            written |= layers
        at_risk = Layer.search(
            [("company_id", "=", company.id), ("churn_risk", "=", True)]
        )
        self.env["res.partner"]._ops_plan_revisits(at_risk.partner_id)
        return written

    def _ops_differs(self, values):
        self.ensure_one()
        for name, value in values.items():
            current = self[name]
            if self._fields[name].type == "monetary":
                if self.currency_id.compare_amounts(current, value):
                    return True
            elif current != value:
                return True
        return False

    @api.model
    def _ops_update_layers(self, companies=None):
        written = self.browse()
        for company in companies or self.env.company:
            written |= self._ops_update_company(company)
        return written

    @api.model
    def action_ops_update_layers(self):
        """Classify the customers of the current company now (managers)."""
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_manager")):
            raise AccessError(
                self.env._("Only operations managers update the customer layers.")
            )
        # Every customer of the company: in the background (queue job).
        return self.browse()._ops_enqueue(
            "_ops_update_layers",
            self.env._("Customer layers of %(company)s", company=self.env.company.name),
            self.env.company,
        )
