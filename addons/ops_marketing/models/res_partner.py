# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

LAYERS = [
    ("ordinary", "Ordinary"),
    ("potential", "Potential"),
    ("important", "Important"),
]


class ResPartner(models.Model):
    """Customer layers (客户分层), churn risk and revisits."""

    _inherit = "res.partner"

    ops_layer_auto = fields.Selection(
        LAYERS, string="Computed Customer Layer", readonly=True, copy=False
    )
    ops_layer_manual = fields.Selection(
        LAYERS,
        string="Customer Layer Override",
        copy=False,
        help="Set to force the layer whatever the rules say.",
    )
    ops_customer_layer = fields.Selection(
        LAYERS,
        string="Customer Layer",
        compute="_compute_ops_customer_layer",
        store=True,
    )
    ops_revenue_12m = fields.Monetary(
        string="Won Revenue (12 months)",
        currency_field="ops_company_currency_id",
        readonly=True,
        copy=False,
    )
    ops_company_currency_id = fields.Many2one(
        "res.currency",
        string="Layer Currency",
        compute="_compute_ops_company_currency_id",
    )
    ops_open_opportunity_count = fields.Integer(
        string="Open Opportunities (Layer)", readonly=True, copy=False
    )
    ops_last_contact_date = fields.Date(
        string="Last Deal or Contact", readonly=True, copy=False
    )
    ops_churn_risk = fields.Boolean(string="Churn Risk", readonly=True, copy=False)

    @api.depends("ops_layer_auto", "ops_layer_manual")
    def _compute_ops_customer_layer(self):
        for partner in self:
            partner.ops_customer_layer = (
                partner.ops_layer_manual or partner.ops_layer_auto
            )

    def _compute_ops_company_currency_id(self):
        for partner in self:
            partner.ops_company_currency_id = (
                partner.company_id.currency_id or self.env.company.currency_id
            )

    @api.model
    def _ops_update_customer_layers(self, company=None):
        """Classify every customer of the company's CRM in a few batched queries.

        Important: won revenue over the last 12 months ≥ threshold; potential:
        open opportunities ≥ threshold; otherwise ordinary. A customer whose
        last won deal, stage move or message is older than the churn delay is
        at risk and gets one open revisit activity.
        """
        company = company or self.env.company
        today = fields.Date.context_today(self)
        since = today - timedelta(days=365)
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        base = [
            ("partner_id", "!=", False),
            ("company_id", "in", [False, company.id]),
        ]
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
        customers = self.browse(
            set(revenue) | set(open_count) | set(last_contact)
        ) | self.search([("ops_layer_auto", "!=", False)])
        for res_id, last in (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "in", customers.ids),
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
        churn_limit = today - timedelta(days=company.ops_churn_days)
        by_values = {}
        for partner in customers:
            rev = revenue.get(partner.id, 0.0)
            opened = open_count.get(partner.id, 0)
            if rev and rev >= company.ops_layer_important_revenue:
                layer = "important"
            elif opened >= max(company.ops_layer_potential_opportunities, 1):
                layer = "potential"
            else:
                layer = "ordinary"
            last = last_contact.get(partner.id)
            values = (layer, rev, opened, last, bool(last and last < churn_limit))
            by_values.setdefault(values, []).append(partner.id)
        for (layer, rev, opened, last, risk), ids in by_values.items():
            self.browse(ids).write(
                {
                    "ops_layer_auto": layer,
                    "ops_revenue_12m": rev,
                    "ops_open_opportunity_count": opened,
                    "ops_last_contact_date": last,
                    "ops_churn_risk": risk,
                }
            )
        at_risk = customers.filtered("ops_churn_risk")
        self._ops_plan_revisits(at_risk)
        return customers

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
        for company in self.env["res.company"].search([("id", "!=", 0)]):
            self.with_company(company)._ops_update_customer_layers(company)

    def action_ops_update_layers(self):
        self._ops_update_customer_layers()
        return True
