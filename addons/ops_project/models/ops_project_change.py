# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class OpsProjectChange(models.Model):
    """Requirement change (需求变更), signed by the customer."""

    _name = "ops.project.change"
    _description = "Project Change Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    # A change is approved once, with the customer's signature; a cancelled
    # change stays cancelled (a new request is written instead).
    _ops_initial_state = "draft"
    _ops_transitions = {"draft": ("approved", "cancel")}
    # What the reviewer approved and the customer signed. While under review
    # OCA already refuses edits; once decided the engine freezes them.
    _ops_frozen_fields = (
        "project_id",
        "description",
        "request_date",
        "schedule_impact_days",
        "cost_impact",
        "customer_signature",
        "signed_by",
        "signed_on",
    )
    # Whoever wrote the request cannot approve it (create_uid cannot be
    # forged by a client).
    _ops_requester_field = "create_uid"
    _ops_department_field = "department_id"

    name = fields.Char(string="Change", required=True, tracking=True)
    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    description = fields.Html(required=True)
    request_date = fields.Date(
        default=fields.Date.context_today, required=True, tracking=True
    )
    schedule_impact_days = fields.Integer(
        string="Schedule Impact (days)", tracking=True
    )
    cost_impact = fields.Monetary(currency_field="currency_id", tracking=True)
    customer_signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(copy=False)
    signed_on = fields.Date(copy=False)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.constrains("cost_impact")
    def _check_cost_impact(self):
        for rec in self:
            if rec.cost_impact < 0:
                raise ValidationError(
                    self.env._(
                        "The cost impact of the change “%(name)s” cannot be "
                        "negative.",
                        name=rec.name,
                    )
                )

    @api.onchange("customer_signature")
    def _onchange_customer_signature(self):
        if self.customer_signature and not self.signed_on:
            self.signed_on = fields.Date.context_today(self)

    def _check_signed(self):
        for rec in self:
            if not rec.customer_signature:
                raise UserError(
                    self.env._(
                        "The customer must sign the change “%(name)s” before it is "
                        "approved.",
                        name=rec.name,
                    )
                )

    def _ops_check_requester_or_manager(self):
        """Who wrote the request, the project lead or an operations manager."""
        self.check_access("write")
        if self.env.su or self.env.user.has_group("ops_base.group_ops_manager"):
            return True
        user = self.env.user
        for rec in self:
            if user not in (rec.create_uid | rec.project_id.sudo().user_id):
                raise AccessError(
                    self.env._(
                        "Only who requested the change “%(name)s”, the project "
                        "lead or an operations manager can do this.",
                        name=rec.name,
                    )
                )
        return True

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        return self._ops_check_requester_or_manager()

    # Overrides lose the engine's decorator: without it an RPC caller gets a
    # recordset, which XML-RPC cannot marshal (JSON-RPC sends its repr).
    @api.returns("tier.review")
    def request_validation(self):
        self.filtered(lambda r: r.state == "draft")._check_signed()
        return super().request_validation()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "validated"
        )._ops_apply()
        return res

    def _ops_apply(self):
        self._check_signed()
        for rec in self:
            project = rec.project_id.sudo()
            vals = {}
            if rec.schedule_impact_days and project.date:
                vals["date"] = project.date + timedelta(days=rec.schedule_impact_days)
            if rec.cost_impact and project.account_id:
                vals["ops_budget"] = project.ops_budget + rec.cost_impact
            project.write(vals)
            rec.sudo()._ops_set_state("approved")
            body = self.env._(
                "Change request “%(name)s” approved: deadline %(deadline)s, "
                "budget %(budget)s.",
                name=rec.name,
                deadline=project.date or "-",
                budget=project.ops_budget,
            )
            project.message_post(
                body=Markup("<p>%s</p>") % body, subtype_xmlid="mail.mt_note"
            )
            rec.sudo().message_post(
                body=Markup("<p>%s</p>") % body, subtype_xmlid="mail.mt_note"
            )

    def action_cancel(self):
        """Withdraw a change not yet approved."""
        todo = self.filtered(lambda r: r.state == "draft")
        todo._ops_check_requester_or_manager()
        todo._ops_set_state("cancel")
        return True
