# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

# Who handles an incident and by when: changing them decides who may resolve
# it and whether it escalates.
OWNER_FIELDS = ("user_id", "deadline", "severity")


class OpsBrandIncident(models.Model):
    """Brand protection: infringement (侵权行为) or negative information (负面信息)."""

    _name = "ops.brand.incident"
    _description = "Brand Incident"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "ops.marketing.state.guard",
        "ops.guarded.mixin",
    ]
    _order = "deadline, id desc"
    _check_company_auto = True

    _ops_marketing_initial_state = "new"
    _ops_marketing_transitions = {
        "new": ("in_progress", "resolved", "cancel"),
        "in_progress": ("resolved", "cancel"),
    }
    # Set by the escalation cron only: clearing it would escalate again.
    _ops_server_fields = ("escalated_date",)

    name = fields.Char(string="Subject", required=True, tracking=True)
    brand_id = fields.Many2one(
        "res.brand", required=True, index=True, tracking=True, check_company=True
    )
    incident_type = fields.Selection(
        [("infringement", "Infringement"), ("negative", "Negative Information")],
        string="Type",
        required=True,
        default="negative",
        tracking=True,
    )
    source_url = fields.Char(string="Source URL")
    severity = fields.Selection(
        [
            ("low", "Low"),
            ("medium", "Medium"),
            ("high", "High"),
            ("critical", "Critical"),
        ],
        required=True,
        default="medium",
        tracking=True,
    )
    description = fields.Html()
    response_plan = fields.Html()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
    )
    deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("cancel", "Cancelled"),
        ],
        string="Status",
        default="new",
        required=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    escalated_date = fields.Date(readonly=True, copy=False, tracking=True)
    resolution = fields.Html()

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for incident in self:
            incident.is_overdue = (
                incident.state in ("new", "in_progress") and incident.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        domain = [
            ("state", "in", ("new", "in_progress")),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    def _ops_check_owner_fields(self, vals):
        changed = [f for f in OWNER_FIELDS if f in vals]
        if not changed:
            return
        if not self.env.user.has_group("ops_base.group_ops_manager") and any(
            incident.user_id != self.env.user for incident in self
        ):
            raise AccessError(
                self.env._(
                    "Only the owner of an incident or an operations manager "
                    "may change its owner, deadline or severity."
                )
            )
        if "deadline" in vals and any(incident.is_overdue for incident in self):
            raise UserError(
                self.env._(
                    "The deadline of an overdue incident no longer changes: "
                    "it has been or will be escalated. Resolve the incident."
                )
            )

    def write(self, vals):
        if not is_server(self):
            self._ops_check_owner_fields(vals)
        res = super().write(vals)
        if "company_id" in vals:
            # The company rule filters reads, not the new company written.
            self.check_access("write")
        return res

    def action_start(self):
        self._ops_marketing_check_user("user_id")
        return self._ops_marketing_set_state("in_progress")

    def action_resolve(self):
        self._ops_marketing_check_user("user_id")
        self._ops_marketing_set_state("resolved")
        self.activity_feedback(["ops_marketing.mail_activity_incident_escalation"])
        return True

    def action_cancel(self):
        self._ops_marketing_check_user("user_id")
        return self._ops_marketing_set_state("cancel")

    @api.model
    def _cron_escalate_overdue(self):
        """Escalate overdue incidents to the owner's manager, once each."""
        incidents = self.search(
            [("is_overdue", "=", True), ("escalated_date", "=", False)]
        )
        kind = self.env.ref("ops_marketing.mail_activity_incident_escalation")
        # Managers of every owner at once (employee_id would search per user).
        incidents.user_id.employee_ids.parent_id.mapped("user_id")
        activities, notes = [], {}
        for incident in incidents:
            owner = incident.user_id
            manager = owner.employee_ids.parent_id.user_id[:1] or owner
            activities.append(
                {
                    "res_model": self._name,
                    "res_id": incident.id,
                    "activity_type_id": kind.id,
                    "summary": kind.summary or kind.name,
                    "user_id": manager.id,
                    "note": self.env._(
                        "Overdue since %(date)s: %(name)s",
                        date=incident.deadline,
                        name=incident.name,
                    ),
                }
            )
            notes[incident.id] = self.env._(
                "Deadline passed: escalated to %(manager)s.", manager=manager.name
            )
        self.env["mail.activity"]._ops_schedule_batch(
            activities, self.env._("Overdue brand incidents escalated to you")
        )
        self.env["mail.message"]._ops_log_notes(self._name, notes)
        as_server(incidents).write({"escalated_date": fields.Date.context_today(self)})
        return incidents
