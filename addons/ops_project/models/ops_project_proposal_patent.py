# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from .ops_project_proposal import OpsProjectProposal as _Proposal

PATENT_KINDS = ("non_standard", "investment")


class OpsProjectProposal(models.Model):
    """A proposal for a new product starts from a patent search: a
    non-standard or investment proposal marked as a new product cannot be
    submitted without a complete one (report, result and conclusion)."""

    _inherit = "ops.project.proposal"

    _ops_frozen_fields = _Proposal._ops_frozen_fields + ("ops_new_product",)

    ops_new_product = fields.Boolean(
        string="New Product",
        tracking=True,
        help="The proposal initiates a new product: a patent search must be "
        "attached before it is submitted (non-standard and investment "
        "proposals).",
    )
    patent_search_ids = fields.One2many(
        "ops.project.patent.search", "proposal_id", string="Patent Searches"
    )
    patent_search_required = fields.Boolean(compute="_compute_patent_search_required")

    def _compute_patent_search_required(self):
        for rec in self:
            rec.patent_search_required = rec._ops_needs_patent_search()

    def _ops_needs_patent_search(self):
        self.ensure_one()
        return self.kind in PATENT_KINDS and self.ops_new_product

    def _check_submittable(self):
        res = super()._check_submittable()
        for rec in self:
            if rec._ops_needs_patent_search() and not any(
                rec.patent_search_ids.mapped("is_complete")
            ):
                raise UserError(
                    self.env._(
                        "“%(name)s” initiates a new product: attach a patent "
                        "search with its report, result and conclusion before "
                        "submitting.",
                        name=rec.name,
                    )
                )
        return res
