# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OpsProjectSolution(models.Model):
    """Solution library (方案库)."""

    _name = "ops.project.solution"
    _description = "Library Solution"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    description = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    source_project_id = fields.Many2one("project.project", readonly=True)
    proposal_ids = fields.One2many(
        "ops.project.proposal", "solution_id", string="Proposals"
    )
    proposal_count = fields.Integer(compute="_compute_proposal_count")

    def _compute_proposal_count(self):
        groups = self.env["ops.project.proposal"]._read_group(
            [("solution_id", "in", self.ids)], ["solution_id"], ["__count"]
        )
        counts = {solution.id: count for solution, count in groups}
        for rec in self:
            rec.proposal_count = counts.get(rec.id, 0)

    def action_new_proposal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.project.proposal",
            "view_mode": "form",
            "context": {
                "default_solution_id": self.id,
                "default_kind": "standard",
                "default_name": self.name,
                "default_background": self.description,
            },
        }
