# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server


class OpsProjectProposalRisk(models.Model):
    """The assessment of one investment risk category (political,
    exchange-rate, market, operating, purchasing-power) on a proposal."""

    _name = "ops.project.proposal.risk"
    _description = "Investment Risk Assessment"
    _order = "proposal_id, sequence, id"

    proposal_id = fields.Many2one(
        "ops.project.proposal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="proposal_id.company_id", store=True)
    category_id = fields.Many2one(
        "ops.project.risk.category",
        string="Risk",
        required=True,
        domain=[("investment", "=", True)],
    )
    sequence = fields.Integer(related="category_id.sequence", store=True)
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        required=True,
        default="medium",
    )
    assessment = fields.Text(required=True)

    _sql_constraints = [
        (
            "proposal_category_uniq",
            "unique(proposal_id, category_id)",
            "Each investment risk is assessed once per proposal.",
        ),
    ]

    @api.constrains("category_id")
    def _check_investment_category(self):
        for rec in self:
            if not rec.category_id.investment:
                raise UserError(
                    self.env._(
                        "“%(risk)s” is not an investment risk category.",
                        risk=rec.category_id.name,
                    )
                )

    def _ops_check_draft(self, proposals):
        """The assessments are part of what the reviewers approve: they
        change only while the proposal is a draft."""
        if is_server(self):
            return True
        # Whoever may not edit the proposal may not edit its assessments.
        proposals.check_access("write")
        for proposal in proposals:
            if proposal.state != "draft":
                raise UserError(
                    self.env._(
                        "The investment risks of “%(name)s” cannot change once it "
                        "is submitted.",
                        name=proposal.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        proposals = self.env["ops.project.proposal"].browse(
            [vals["proposal_id"] for vals in vals_list if vals.get("proposal_id")]
        )
        self._ops_check_draft(proposals)
        return super().create(vals_list)

    def write(self, vals):
        proposals = self.proposal_id
        if vals.get("proposal_id"):
            proposals |= self.env["ops.project.proposal"].browse(vals["proposal_id"])
        self._ops_check_draft(proposals)
        return super().write(vals)

    def unlink(self):
        self._ops_check_draft(self.proposal_id)
        return super().unlink()
