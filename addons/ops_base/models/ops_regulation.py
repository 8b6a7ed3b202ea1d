# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ops_guard import as_server, is_server


class OpsRegulation(models.Model):
    """An operations regulation (运营管理制度), versioned.

    Regulations take effect only after approval by the relevant departments
    and leaders (tier validation), and are reviewed periodically.
    """

    _name = "ops.regulation"
    _description = "Operations Regulation"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "code, version desc"
    _rec_names_search = ["name", "code"]

    _state_from = ["draft"]
    _state_to = ["effective"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_transitions = {
        "draft": ("effective", "cancel"),
        "effective": ("superseded",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = (
        "name",
        "code",
        "scope",
        "content",
        "company_id",
        "attachment_ids",
        "user_id",
    )
    _ops_requester_field = "user_id"
    _ops_department_field = False
    _ops_server_fields = ("version", "previous_id", "effective_date")

    name = fields.Char(string="Title", required=True, tracking=True)
    code = fields.Char(required=True, tracking=True, help="e.g. OPS-001")
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    scope = fields.Selection(
        selection=[
            ("general", "General"),
            ("project", "Product Operations"),
            ("appraisal", "Performance Appraisal"),
            ("marketing", "Brand and Marketing"),
            ("service", "Customer Service"),
        ],
        default="general",
        required=True,
    )
    content = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("effective", "In Force"),
            ("superseded", "Superseded"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    effective_date = fields.Date(readonly=True, copy=False, tracking=True)
    next_review_date = fields.Date(
        compute="_compute_next_review_date", store=True, tracking=True
    )
    previous_id = fields.Many2one(
        "ops.regulation", string="Previous Version", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "code_version_uniq",
            "unique(company_id, code, version)",
            "This version of the regulation already exists.",
        ),
        ("version_positive", "CHECK(version > 0)", "A version starts at 1."),
    ]

    @api.depends("effective_date", "company_id.ops_regulation_review_months")
    def _compute_next_review_date(self):
        for rec in self:
            rec.next_review_date = rec.effective_date and (
                rec.effective_date
                + relativedelta(months=rec.company_id.ops_regulation_review_months)
            )

    @api.depends("code", "name", "version")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"[{rec.code}] {rec.name} v{rec.version}"

    def write(self, vals):
        # The owner is who may cancel and restart: only a manager hands it on.
        if "user_id" in vals and not is_server(self):
            if any(rec.user_id.id != vals["user_id"] for rec in self):
                self._ops_check_groups("ops_base.group_ops_manager")
        return super().write(vals)

    def action_make_effective(self):
        """Put approved regulations in force, superseding their previous version.

        The state change itself is guarded by tier validation: without an
        approval it is refused with the reviews still pending.
        """
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("Only a draft regulation can be put in force.")
                )
        self.check_access("write")
        self._ops_set_state("effective", {"effective_date": fields.Date.today()})
        # Whoever puts the new version in force retires the old one, which
        # they may not be allowed to write themselves.
        for rec in self.sudo():
            rec.previous_id.filtered(
                lambda r, rec=rec: r.state == "effective"
                and r.code == rec.code
                and r.company_id == rec.company_id
            )._ops_set_state("superseded")
        return True

    def action_cancel(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft regulation can be cancelled."))
            if self.env.user != rec.user_id:
                rec._ops_check_groups("ops_base.group_ops_manager")
        self.check_access("write")
        self._ops_set_state("cancel")
        return True

    def action_draft(self):
        self._ops_check_groups("ops_base.group_ops_manager")
        self.check_access("write")
        self.filtered(lambda r: r.state == "cancel")._ops_set_state("draft")
        return True

    def action_new_version(self):
        self.ensure_one()
        if self.state != "effective":
            raise UserError(
                self.env._("A new version can only be drafted from the one in force.")
            )
        last = self.search(
            [("company_id", "=", self.company_id.id), ("code", "=", self.code)],
            order="version desc",
            limit=1,
        )
        self.check_access("write")
        new = as_server(self).copy(
            {"version": last.version + 1, "previous_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }
