# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server


class OpsProjectPatentSearch(models.Model):
    """Patent search (专利检索) before a new product is initiated: the search
    report and its conclusion guide the initiation decision."""

    _name = "ops.project.patent.search"
    _description = "Patent Search"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    proposal_id = fields.Many2one(
        "ops.project.proposal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Searched By",
        default=lambda self: self.env.user,
        required=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    keywords = fields.Char()
    databases = fields.Char(
        string="Databases Searched", help="e.g. CNIPA, WIPO PATENTSCOPE, EPO."
    )
    document = fields.Binary(string="Search Report", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    result = fields.Selection(
        selection=[
            ("clear", "No Obstacle Found"),
            ("risk", "Similar Patents: Design Around"),
            ("blocking", "Blocking Patent Found"),
        ],
        tracking=True,
    )
    conclusion = fields.Text(tracking=True)
    is_complete = fields.Boolean(compute="_compute_is_complete")

    @api.depends("document", "conclusion", "result")
    def _compute_is_complete(self):
        for rec in self:
            rec.is_complete = bool(
                rec.document and rec.result and (rec.conclusion or "").strip()
            )

    def _ops_check_proposal_draft(self, proposals):
        """A search guides the decision the reviewers take: once the
        proposal is submitted, its searches no longer change."""
        if is_server(self):
            return True
        proposals.check_access("write")
        for proposal in proposals:
            if proposal.state != "draft":
                raise UserError(
                    self.env._(
                        "The patent searches of “%(name)s” are part of the "
                        "submitted proposal: reopen it to change them.",
                        name=proposal.name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        ids = [v["proposal_id"] for v in vals_list if v.get("proposal_id")]
        self._ops_check_proposal_draft(self.env["ops.project.proposal"].browse(ids))
        return super().create(vals_list)

    def write(self, vals):
        proposals = self.proposal_id
        if vals.get("proposal_id"):
            proposals |= proposals.browse(vals["proposal_id"])
        self._ops_check_proposal_draft(proposals)
        return super().write(vals)

    def unlink(self):
        self._ops_check_proposal_draft(self.proposal_id)
        return super().unlink()
