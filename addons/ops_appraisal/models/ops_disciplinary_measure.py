# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_base.models.ops_guard import as_server

# Light measures that the employee's manager decides (see the tiers).
WARNINGS = ("verbal_warning", "written_notice")
SEVERITY_MEASURE = {
    "minor": "verbal_warning",
    "moderate": "written_notice",
    "serious": "demotion",
    "critical": "dismissal",
}


class OpsDisciplinaryMeasure(models.Model):
    """A disciplinary measure (违规处理), approved according to its weight:
    warnings by the employee's manager, demotion and dismissal by HR then
    the general manager. Visible to HR and the employee's managers only."""

    _name = "ops.disciplinary.measure"
    _description = "Disciplinary Measure"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _state_from = ["draft"]
    _state_to = ["in_force"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_initial_state = "draft"
    # A cancelled measure goes back to draft, which removes its reviews: it
    # is never put in force again without the whole approval chain.
    _ops_transitions = {
        "draft": ("in_force", "cancel"),
        "in_force": ("cancel",),
        "cancel": ("draft",),
    }
    # What was approved stays what is in force (draft under review: OCA's
    # tier validation already refuses these writes).
    _ops_frozen_fields = (
        "employee_id",
        "severity",
        "measure",
        "incident",
        "date",
        "effective_date",
        "end_date",
        "name",
        "company_id",
    )
    _ops_frozen_states = ("in_force", "cancel")
    _ops_server_fields = ("circulated_date",)
    # The employee concerned never approves their own measure.
    _ops_requester_field = "employee_user_id"
    _ops_department_field = "department_id"

    name = fields.Char(string="Subject", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_user_id = fields.Many2one(
        "res.users",
        string="Employee's User",
        related="employee_id.user_id",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Employee Department",
        related="employee_id.department_id",
        store=True,
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Employee's Manager",
        related="employee_id.parent_id.user_id",
        store=True,
    )
    ops_manager_is_me = fields.Boolean(
        compute="_compute_ops_manager_is_me",
        help="Technical: the employee's manager is the current user. Used by "
        "the approval tiers: a manager who submits a warning does not approve "
        "it; HR does.",
    )
    date = fields.Date(
        string="Incident Date", required=True, default=fields.Date.context_today
    )
    incident = fields.Text(required=True)
    severity = fields.Selection(
        selection=[
            ("minor", "Minor"),
            ("moderate", "Moderate"),
            ("serious", "Serious"),
            ("critical", "Critical"),
        ],
        required=True,
        default="minor",
        tracking=True,
    )
    measure = fields.Selection(
        selection=[
            ("verbal_warning", "Verbal Warning"),
            ("written_notice", "Written Notice"),
            ("demotion", "Demotion"),
            ("dismissal", "Dismissal"),
        ],
        required=True,
        compute="_compute_measure",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    effective_date = fields.Date(tracking=True)
    end_date = fields.Date(
        string="In Force Until", help="Empty: in force with no end date."
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("in_force", "In Force"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    recipient_partner_ids = fields.Many2many(
        "res.partner",
        string="Circulate To",
        help="People who receive the written notice.",
    )
    circulated_date = fields.Date(readonly=True, copy=False)
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
        # The measure belongs to the employee's company (rules, reviewers).
        for rec in self:
            rec.company_id = rec.employee_id.company_id or self.env.company

    @api.depends_context("uid")
    @api.depends("manager_user_id")
    def _compute_ops_manager_is_me(self):
        for rec in self:
            rec.ops_manager_is_me = rec.manager_user_id == self.env.user

    @api.depends("severity")
    def _compute_measure(self):
        for rec in self:
            rec.measure = SEVERITY_MEASURE.get(rec.severity, "verbal_warning")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records:
            if rec.employee_id.user_id == self.env.user and not self.env.su:
                raise UserError(
                    self.env._("You cannot record a disciplinary measure on yourself.")
                )
        return records

    # ------------------------------------------------------------------
    # Who may act
    # ------------------------------------------------------------------
    def _ops_is_hr(self):
        return self.env.user.has_group("ops_base.group_ops_hr")

    def _ops_is_manager_above(self):
        """Whether the current user's employee is above the measure's employee."""
        self.ensure_one()
        mine = self.env.user.employee_ids
        manager = self.sudo().employee_id.parent_id
        seen = set()
        while manager and manager.id not in seen:
            if manager in mine:
                return True
            seen.add(manager.id)
            manager = manager.parent_id
        return False

    def _ops_check_decider(self, hr_only=False):
        """HR; or, for a warning, a manager above the employee."""
        if self.env.su or self._ops_is_hr():
            return
        for rec in self:
            if (
                hr_only
                or rec.measure not in WARNINGS
                or not rec._ops_is_manager_above()
            ):
                raise AccessError(
                    self.env._(
                        "Only HR (or, for a warning, a manager of %(employee)s) "
                        "may do this on “%(measure)s”.",
                        employee=rec.employee_id.name,
                        measure=rec.name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_put_in_force(self):
        self._ops_check_decider()
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft measure can be put in force (“%(name)s”).",
                        name=rec.name,
                    )
                )
            # Every tier of the chain (HR, then the general manager for a
            # demotion or dismissal) must have approved, not merely started.
            if rec.validation_status != "validated":
                raise ValidationError(
                    self.env._(
                        "“%(name)s” must be approved before it is put in force. "
                        "Request the validation and wait for every reviewer.",
                        name=rec.name,
                    )
                )
        for rec in self:
            vals = {}
            if not rec.effective_date:
                vals["effective_date"] = fields.Date.context_today(self)
            rec._ops_set_state("in_force", vals)
        return True

    def action_cancel(self):
        # Revoking a measure in force is HR's decision.
        self._ops_check_decider(hr_only=any(r.state == "in_force" for r in self))
        self._ops_set_state("cancel")
        return True

    def action_draft(self):
        self._ops_check_decider()
        self._ops_set_state("draft")
        return True

    def action_circulate(self):
        self._ops_check_decider()
        for rec in self:
            if rec.measure != "written_notice" or rec.state != "in_force":
                raise UserError(
                    self.env._("Only a written notice in force can be circulated.")
                )
            if not rec.recipient_partner_ids:
                raise UserError(self.env._("Choose the recipients of the notice."))
            body = Markup("<p><b>%s</b></p><p>%s</p>") % (
                self.env._(
                    "Written notice: %(employee)s", employee=rec.employee_id.name
                ),
                rec.incident,
            )
            rec.message_post(
                body=body,
                partner_ids=rec.recipient_partner_ids.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            as_server(rec).circulated_date = fields.Date.context_today(self)
        return True
