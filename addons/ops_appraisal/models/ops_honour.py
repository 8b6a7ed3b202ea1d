# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Who confers or revokes an honour: senior management, and HR who keeps the
# records.
DECIDER_GROUPS = ("ops_base.group_ops_executive", "ops_base.group_ops_hr")


class OpsHonour(models.Model):
    """An honour (荣誉表彰): outstanding employee or innovation award of a
    period, nominated by a manager and approved by senior management."""

    _name = "ops.honour"
    _description = "Honour"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_initial_state = "draft"
    # Conferred by the last approval; back to nominated only from cancelled
    # (which removes the reviews: a new nomination is approved again).
    _ops_transitions = {
        "draft": ("approved", "cancel"),
        "approved": ("cancel",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = (
        "name",
        "employee_id",
        "award_type",
        "cycle_id",
        "date",
        "reason",
        "company_id",
    )
    _ops_frozen_states = ("approved", "cancel")
    _ops_server_fields = ("nominated_by_id",)
    # The nominee never approves their own honour.
    _ops_requester_field = "employee_user_id"
    _ops_department_field = "department_id"

    name = fields.Char(string="Title", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_user_id = fields.Many2one(
        "res.users", string="Nominee's User", related="employee_id.user_id"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Honoured Department",
        related="employee_id.department_id",
        store=True,
    )
    award_type = fields.Selection(
        selection=[
            ("outstanding", "Outstanding Employee Award"),
            ("innovation", "Innovation Award"),
        ],
        required=True,
        default="outstanding",
        tracking=True,
    )
    cycle_id = fields.Many2one(
        "ops.appraisal.cycle", string="Period", check_company=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    reason = fields.Text(string="Nomination Reason", required=True)
    nominated_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Nominated"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=False,
    )

    @api.depends("employee_id")
    def _compute_company_id(self):
        # The honour belongs to the nominee's company (rules, reviewers).
        for rec in self:
            rec.company_id = rec.employee_id.company_id or self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su and any(
            rec.employee_id.user_id == self.env.user for rec in records
        ):
            raise UserError(self.env._("You cannot nominate yourself for an honour."))
        return records

    # ------------------------------------------------------------------
    # Who may act
    # ------------------------------------------------------------------
    def _ops_is_decider(self):
        return self.env.su or any(
            self.env.user.has_group(group) for group in DECIDER_GROUPS
        )

    def _ops_check_decider_or_nominator(self):
        if self._ops_is_decider():
            return
        for rec in self:
            if rec.nominated_by_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the nominator, HR or senior management may do "
                        "this on “%(honour)s”.",
                        honour=rec.name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        # The last approval confers the honour; the reviewer may not have
        # write access on the nomination.
        if self.state == "draft" and self.validation_status == "validated":
            self.sudo()._ops_set_state("approved")
        return res

    def action_approve(self):
        """Confer a nomination whose approval is complete (e.g. the last
        approval was given before the tiers changed)."""
        if not self._ops_is_decider():
            raise AccessError(
                self.env._("Only senior management or HR may confer an honour.")
            )
        for rec in self:
            if rec.state != "draft" or rec.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(honour)s” can be conferred only once senior "
                        "management has approved the nomination.",
                        honour=rec.name,
                    )
                )
        self._ops_set_state("approved")
        return True

    def action_cancel(self):
        # Revoking a conferred honour is for senior management or HR.
        if any(rec.state == "approved" for rec in self) and not self._ops_is_decider():
            raise AccessError(
                self.env._("Only senior management or HR may revoke an honour.")
            )
        self._ops_check_decider_or_nominator()
        self._ops_set_state("cancel")
        return True

    def action_draft(self):
        self._ops_check_decider_or_nominator()
        self._ops_set_state("draft")
        return True
