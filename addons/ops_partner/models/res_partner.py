# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

PARTNER_GROUPS = (
    "ops_partner.group_ops_partner_purchasing,ops_partner.group_ops_partner_quality,"
    "ops_partner.group_ops_partner_technical,ops_partner.group_ops_partner_legal,"
    "ops_base.group_ops_finance,ops_base.group_ops_executive"
)
DILIGENCE_GROUPS = (
    "ops_partner.group_ops_partner_purchasing,ops_partner.group_ops_partner_legal,"
    "ops_base.group_ops_executive"
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    ops_is_operator = fields.Boolean(
        string="Third-party Operator",
        help="A third-party operator (第三方运营方): due diligence is required "
        "before it is approved and its contract activated.",
        # Good guest: people outside the partner roles never see these fields.
        groups=PARTNER_GROUPS,
    )
    ops_supplier_evaluation_ids = fields.One2many(
        "ops.supplier.evaluation",
        "partner_id",
        string="Supplier Evaluations",
        groups=PARTNER_GROUPS,
    )
    ops_supplier_status = fields.Selection(
        selection=[
            ("none", "Not Evaluated"),
            ("qualified", "Qualified"),
            ("expired", "Qualification Expired"),
            ("rejected", "Not Qualified"),
        ],
        string="Supplier Qualification",
        compute="_compute_ops_supplier_status",
        groups=PARTNER_GROUPS,
    )
    ops_qualified_until = fields.Date(
        string="Qualified Until",
        compute="_compute_ops_supplier_status",
        groups=PARTNER_GROUPS,
    )
    ops_supplier_score = fields.Float(
        string="Last Supplier Score",
        compute="_compute_ops_supplier_status",
        groups=PARTNER_GROUPS,
    )
    ops_operator_status = fields.Selection(
        selection=[
            ("none", "No Due Diligence"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        string="Operator Status",
        compute="_compute_ops_operator_status",
        groups=PARTNER_GROUPS,
    )

    def _ops_last_evaluation(self, company=None):
        """The latest decided supplier evaluation of the commercial partner."""
        self.ensure_one()
        company = company or self.env.company
        return (
            self.env["ops.supplier.evaluation"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.commercial_partner_id.id),
                    ("company_id", "=", company.id),
                    ("state", "in", ("approved", "rejected")),
                ],
                order="decision_date desc, id desc",
                limit=1,
            )
        )

    def _ops_qualification_status(self, company=None):
        """(status, evaluation) of the supplier in ``company`` today."""
        evaluation = self._ops_last_evaluation(company)
        if not evaluation:
            return "none", evaluation
        if evaluation.state == "rejected" or evaluation.decision == "rejected":
            return "rejected", evaluation
        today = fields.Date.context_today(self)
        if evaluation.valid_until and evaluation.valid_until < today:
            return "expired", evaluation
        return "qualified", evaluation

    @api.depends_context("company")
    def _compute_ops_supplier_status(self):
        for partner in self:
            if not partner.id:
                partner.ops_supplier_status = "none"
                partner.ops_qualified_until = False
                partner.ops_supplier_score = 0.0
                continue
            status, evaluation = partner._ops_qualification_status()
            partner.ops_supplier_status = status
            partner.ops_qualified_until = evaluation.valid_until
            partner.ops_supplier_score = evaluation.score

    def _compute_ops_operator_status(self):
        Diligence = self.env["ops.operator.diligence"].sudo()
        for partner in self:
            last = partner.id and Diligence.search(
                [
                    ("partner_id", "=", partner.commercial_partner_id.id),
                    ("state", "in", ("approved", "rejected")),
                ],
                order="decision_date desc, id desc",
                limit=1,
            )
            partner.ops_operator_status = last.state if last else "none"

    @api.model
    def _ops_expiry_horizon(self, company):
        return fields.Date.context_today(self) + timedelta(
            days=company.ops_supplier_reevaluation_days
        )
