# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

UPGRADE_PARAM = "ops_project.solution_maturity"


class OpsProjectSolution(models.Model):
    """Solution library (方案库).

    A non-standard solution enters the library as a draft at the technical
    handover of the project that won it; it matures into a standard solution
    by approval (the engine's tiers). Only standard solutions are offered
    to new standard proposals.
    """

    _name = "ops.project.solution"
    _description = "Library Solution"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "name"

    _state_from = ["draft"]
    _state_to = ["standard"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {"draft": ("standard",)}
    # What the reviewers approved as the standard: a change is a new solution
    # (or a new version) that goes through approval again.
    _ops_frozen_fields = ("name", "description", "attachment_ids", "company_id")
    _ops_server_fields = ("source_project_id",)
    _ops_requester_field = "create_uid"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Non-standard (Draft)"), ("standard", "Standard")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
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
    product_manager_id = fields.Many2one(
        related="company_id.ops_product_manager_id",
        string="Product Manager",
        help="Approves a solution as a standard solution of the library.",
    )

    def _compute_proposal_count(self):
        groups = self.env["ops.project.proposal"]._read_group(
            [("solution_id", "in", self.ids)], ["solution_id"], ["__count"]
        )
        counts = {solution.id: count for solution, count in groups}
        for rec in self:
            rec.proposal_count = counts.get(rec.id, 0)

    def action_new_proposal(self):
        self.ensure_one()
        self._ops_check_standard()
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

    def _ops_check_standard(self):
        for rec in self.sudo():
            if rec.state != "standard":
                raise UserError(
                    self.env._(
                        "“%(name)s” is not a standard solution yet: a standard "
                        "proposal starts only from an approved standard "
                        "solution.",
                        name=rec.name,
                    )
                )
        return True

    # Approval: draft -> standard -------------------------------------------

    def _ops_check_can_request(self):
        """Operations managers submit a solution to become standard; the
        product manager must be set (the step would wait forever)."""
        super()._ops_check_can_request()
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_manager")):
            raise AccessError(
                self.env._(
                    "Only an operations manager submits a solution to become a "
                    "standard solution."
                )
            )
        for rec in self:
            if not rec.product_manager_id:
                raise UserError(
                    self.env._(
                        "Set the product manager in the Operations settings: "
                        "they approve standard solutions."
                    )
                )
        return True

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal (JSON-RPC sends its repr).
    @api.returns("tier.review")
    def request_validation(self):
        return super().request_validation()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        matured = self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "validated"
        )
        # sudo: the reviewer approves; they need not edit the library.
        matured.sudo()._ops_set_state("standard")
        for rec in matured.sudo():
            rec.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Approved as a standard solution of the library."),
                subtype_xmlid="mail.mt_note",
            )
        return res

    @api.model
    def _ops_upgrade_library(self):
        """Solutions entered before the maturity flow were the library's
        standard solutions: they stay standard, once (later drafts are not
        touched)."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(UPGRADE_PARAM):
            return True
        # They were approved before tiers existed: a one-time migration in
        # SQL (the engine rightly refuses "standard" without an approval).
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE ops_project_solution SET state = 'standard' "
                "WHERE state = 'draft'"
            )
        )
        self.invalidate_model(["state"])
        params.set_param(UPGRADE_PARAM, "1")
        return True
