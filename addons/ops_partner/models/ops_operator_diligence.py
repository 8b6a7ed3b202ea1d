# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server


class OpsOperatorDiligence(models.Model):
    """Due diligence (尽职调查) of a third-party operator before selection.

    Every item of the checklist (background, licences, performance,
    reputation, compliance record, attention to security and compliance)
    must be checked with its finding before the selection is submitted for
    approval. The documents are read only by purchasing, legal and the
    executives (record rules and ACL).
    """

    _name = "ops.operator.diligence"
    _description = "Operator Due Diligence"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("approved", "rejected", "cancel"),
        "rejected": ("draft",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = ("partner_id", "line_ids", "conclusion", "user_id")
    _ops_server_fields = ("decision_date",)
    _ops_requester_field = "user_id"
    _ops_department_field = False

    partner_id = fields.Many2one(
        "res.partner",
        string="Operator",
        required=True,
        index=True,
        tracking=True,
        domain=[("ops_is_operator", "=", True)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    line_ids = fields.One2many(
        "ops.operator.diligence.line", "diligence_id", string="Checklist", copy=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "ops_operator_diligence_attachment_rel",
        "diligence_id",
        "attachment_id",
        string="Documents",
    )
    conclusion = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    decision_date = fields.Date(readonly=True, copy=False)

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "Due diligence: %(operator)s (%(date)s)",
                operator=rec.partner_id.display_name or "",
                date=rec.date or "",
            )

    @api.model
    def _ops_checklist(self):
        return [
            ("background", self.env._("Background check")),
            ("licence", self.env._("Qualifications and licences")),
            ("performance", self.env._("Track record and performance")),
            ("reputation", self.env._("Reputation")),
            ("compliance", self.env._("Compliance record")),
            ("security", self.env._("Attention to security and compliance")),
        ]

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "line_ids" in fields_list and not res.get("line_ids"):
            res["line_ids"] = [
                fields.Command.create({"kind": kind, "name": label})
                for kind, label in self._ops_checklist()
            ]
        return res

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        self._ops_check_groups(
            "ops_partner.group_ops_partner_purchasing",
            "ops_partner.group_ops_partner_legal",
        )
        required = dict(self._ops_checklist())
        for rec in self:
            missing = set(required) - set(
                rec.line_ids.filtered(
                    lambda line: line.result != "pending" and line.finding
                ).mapped("kind")
            )
            if missing:
                raise UserError(
                    self.env._(
                        "The due diligence of %(operator)s is incomplete: "
                        "%(items)s must be checked, each with its finding, before "
                        "the operator is submitted for approval.",
                        operator=rec.partner_id.display_name,
                        items=", ".join(required[k] for k in sorted(missing)),
                    )
                )
            if not rec.conclusion:
                raise UserError(
                    self.env._("Write the conclusion of the due diligence first.")
                )
        return True

    @api.returns("tier.review")
    def request_validation(self):
        return super().request_validation()

    def action_submit(self):
        self.request_validation()
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_conclude()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_conclude()
        return res

    def _ops_conclude(self):
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        today = fields.Date.context_today(self)
        for rec in self.filtered(lambda r: r.state == "draft"):
            if rec.validation_status == "validated":
                rec.sudo()._ops_set_state("approved", {"decision_date": today})
            elif rec.validation_status == "rejected":
                rec.sudo()._ops_set_state("rejected", {"decision_date": today})
        return True

    def action_cancel(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("Only a draft due diligence can be cancelled.")
                )
        as_server(self).review_ids.unlink()
        self._ops_set_state("cancel")
        return True

    def action_reset_draft(self):
        self._ops_check_groups("ops_partner.group_ops_partner_legal")
        self.check_access("write")
        as_server(self).review_ids.unlink()
        self._ops_set_state("draft", {"decision_date": False})
        return True
