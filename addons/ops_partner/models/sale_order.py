# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models


class SaleOrder(models.Model):
    """Contract review (合同评审) of quotations.

    OCA sale_tier_validation already refuses to confirm a quotation whose
    tiers are not validated; the suite ships the tiers (business, technical
    and finance departments in parallel, then the general manager's sign-off,
    see data/tier_definition_data.xml) and its decision rules
    (``ops.tier.decision``): only the pending reviewer decides, never the
    salesperson on their own quotation.
    """

    _name = "sale.order"
    # ops.tier.decision first: it must precede tier.validation (already a
    # base of sale.order through sale_tier_validation) in the MRO.
    _inherit = ["ops.tier.decision", "sale.order"]

    _ops_requester_field = "user_id"
    _ops_department_field = False

    ops_special_terms = fields.Boolean(
        string="Non-standard Terms",
        copy=False,
        help="Tick when the quotation departs from the standard contract "
        "terms: it is then reviewed whatever its amount.",
    )
    ops_review_required = fields.Boolean(
        string="Contract Review Required",
        compute="_compute_ops_review_required",
        search="_search_ops_review_required",
    )
    ops_review_reason = fields.Char(
        string="Why Reviewed", compute="_compute_ops_review_required"
    )
    # Reviewers come from the settings of the quotation's company; the tier
    # definitions read them through these fields ("Field in related record").
    ops_business_reviewer_ids = fields.Many2many(
        "res.users", compute="_compute_ops_reviewers", string="Business Reviewers"
    )
    ops_technical_reviewer_ids = fields.Many2many(
        "res.users", compute="_compute_ops_reviewers", string="Technical Reviewers"
    )
    ops_finance_reviewer_ids = fields.Many2many(
        "res.users", compute="_compute_ops_reviewers", string="Finance Reviewers"
    )
    ops_gm_reviewer_ids = fields.Many2many(
        "res.users", compute="_compute_ops_reviewers", string="General Manager"
    )
    ops_review_log_ids = fields.One2many(
        "ops.contract.review.log", "order_id", string="Review History", readonly=True
    )

    def _ops_amount_company(self):
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_total,
            self.company_id.currency_id,
            self.company_id,
            self.date_order or fields.Date.context_today(self),
        )

    def _ops_nonstandard_terms(self):
        self.ensure_one()
        standard = self.company_id.sudo().ops_standard_payment_term_ids
        return self.ops_special_terms or bool(
            standard and self.payment_term_id and self.payment_term_id not in standard
        )

    @api.depends(
        "amount_total",
        "currency_id",
        "company_id",
        "ops_special_terms",
        "payment_term_id",
    )
    def _compute_ops_review_required(self):
        for order in self:
            company = order.company_id.sudo()
            reasons = []
            if not company.ops_contract_review_enabled:
                order.ops_review_required = False
                order.ops_review_reason = False
                continue
            if order._ops_amount_company() > company.ops_contract_review_amount:
                reasons.append(self.env._("amount above the review threshold"))
            if order._ops_nonstandard_terms():
                reasons.append(self.env._("non-standard terms"))
            order.ops_review_required = bool(reasons)
            order.ops_review_reason = ", ".join(reasons)

    def _search_ops_review_required(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return []
        orders = self.search([("state", "in", ("draft", "sent"))])
        ids = orders.filtered("ops_review_required").ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("company_id")
    def _compute_ops_reviewers(self):
        for order in self:
            company = order.company_id.sudo()
            order.ops_business_reviewer_ids = company.ops_contract_business_user_ids
            order.ops_technical_reviewer_ids = company.ops_contract_technical_user_ids
            order.ops_finance_reviewer_ids = company.ops_contract_finance_user_ids
            order.ops_gm_reviewer_ids = company.ops_contract_gm_user_ids

    # Decisions -------------------------------------------------------------

    def _ops_open_review_ids(self):
        return set(
            self.sudo()
            .review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
            .ids
        )

    def _validate_tier(self, tiers=False):
        before = self._ops_open_review_ids()
        res = super()._validate_tier(tiers)
        self._ops_log_decisions(before)
        return res

    def _rejected_tier(self, tiers=False):
        before = self._ops_open_review_ids()
        res = super()._rejected_tier(tiers)
        decided = self._ops_log_decisions(before)
        rejected = decided.filtered(lambda r: r.status == "rejected")
        if rejected:
            self._ops_send_back(rejected)
        return res

    def _ops_log_decisions(self, before):
        """Keep every decision (the reviews themselves are removed when the
        quotation is sent back), for the lead-time report."""
        Review = self.env["tier.review"].sudo()
        decided = (
            Review.browse(list(before))
            .exists()
            .filtered(
                lambda r: r.status in ("approved", "rejected")
                and r.definition_id.ops_managed
            )
        )
        if decided:
            self.env["ops.contract.review.log"].sudo().create(
                [
                    {
                        "order_id": review.res_id,
                        "definition_id": review.definition_id.id,
                        "name": review.name,
                        "user_id": review.done_by.id,
                        "requested_date": review.create_date,
                        "decided_date": review.reviewed_date or fields.Datetime.now(),
                        "status": review.status,
                        "comment": review.comment,
                    }
                    for review in decided
                ]
            )
        return decided

    def _ops_send_back(self, rejected):
        """A rejection sends the quotation back to the salesperson with the
        reasons: the review starts over once the quotation is revised."""
        for order in self.sudo():
            reasons = rejected.filtered(lambda r, o=order: r.res_id == o.id)
            lines = Markup("").join(
                Markup("<li>%s: %s</li>")
                % (r.name or "", r.comment or self.env._("no reason given"))
                for r in reasons
            )
            order.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "Contract review rejected: the quotation goes back to "
                        "%(user)s for revision.",
                        user=order.user_id.name or "",
                    ),
                    lines,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if order.user_id:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=order.user_id.id,
                    summary=self.env._("Revise the quotation after contract review"),
                    note=", ".join(reasons.mapped("comment") if reasons else []),
                )
        # The server restarts the review: the quotation is editable again and
        # the salesperson resubmits it (the decisions stay in the history).
        self.sudo().restart_validation()
        return True

    def action_ops_open_review_log(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_partner.action_ops_contract_review_log"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["views"] = [(False, "list")]
        return action

    def _ops_sync(self, status=None):
        # ops_base's tier.review.unlink refreshes the approval centre entry of
        # the reviewed record; the engine's host half has no such entry yet.
        parent = getattr(super(), "_ops_sync", None)
        return parent(status=status) if parent else True
