# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Kickoff meeting (项目交底会): held and minuted before development starts;
its action items become tasks of the project."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.ops_base.models.ops_guard import as_server, is_server


class OpsProjectKickoff(models.Model):
    _name = "ops.project.kickoff"
    _description = "Kickoff Meeting"
    _inherit = ["mail.thread", "ops.guarded.mixin"]
    _order = "date desc, id desc"

    _ops_server_fields = ("state", "held_on")

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Chaired By", default=lambda self: self.env.user
    )
    attendee_ids = fields.Many2many("res.users", string="Attendees")
    minutes = fields.Html()
    decisions = fields.Html()
    action_ids = fields.One2many(
        "ops.project.kickoff.action", "kickoff_id", string="Action Items"
    )
    state = fields.Selection(
        [("draft", "Planned"), ("held", "Held")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    held_on = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "project_uniq",
            "unique(project_id)",
            "A project has one kickoff meeting.",
        ),
    ]

    @api.depends("project_id.name")
    def _compute_name(self):
        for rec in self:
            rec.name = self.env._(
                "Kickoff: %(project)s", project=rec.project_id.name or ""
            )

    def _ops_check_open(self):
        if is_server(self):
            return True
        # Whoever may see the project prepares its kickoff.
        self.project_id.check_access("read")
        if any(rec.state == "held" for rec in self):
            raise UserError(
                self.env._("The kickoff meeting was held: its record is closed.")
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ops_check_open()
        return records

    def write(self, vals):
        self._ops_check_open()
        return super().write(vals)

    def action_hold(self):
        """Close the record of the meeting: attendees and minutes are
        required; each action item becomes a task of the project."""
        self._ops_check_open()
        for rec in self:
            if not rec.attendee_ids or is_html_empty(rec.minutes):
                raise UserError(
                    self.env._(
                        "Record the attendees and the minutes of “%(name)s” "
                        "before closing it.",
                        name=rec.name,
                    )
                )
            rec.action_ids._ops_create_tasks()
        as_server(self.sudo()).write(
            {"state": "held", "held_on": fields.Datetime.now()}
        )
        return True


class OpsProjectKickoffAction(models.Model):
    _name = "ops.project.kickoff.action"
    _description = "Kickoff Action Item"
    _order = "kickoff_id, id"

    kickoff_id = fields.Many2one(
        "ops.project.kickoff", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="kickoff_id.company_id", store=True)
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one("res.users", string="Owner")
    date_deadline = fields.Date(string="Deadline")
    task_id = fields.Many2one("project.task", readonly=True)

    def _ops_check_open(self, kickoffs):
        if not is_server(self):
            kickoffs._ops_check_open()
        return True

    @api.model_create_multi
    def create(self, vals_list):
        kickoffs = self.env["ops.project.kickoff"].browse(
            [v["kickoff_id"] for v in vals_list if v.get("kickoff_id")]
        )
        self._ops_check_open(kickoffs)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_open(self.kickoff_id)
        return super().write(vals)

    def unlink(self):
        self._ops_check_open(self.kickoff_id)
        return super().unlink()

    def _ops_create_tasks(self):
        # sudo: the meeting decided the tasks; its attendees need not be
        # allowed to create tasks in the project themselves.
        for action in self.filtered(lambda a: not a.task_id).sudo():
            task = (
                self.env["project.task"]
                .sudo()
                .create(
                    {
                        "name": action.name,
                        "project_id": action.kickoff_id.project_id.id,
                        "user_ids": [fields.Command.set(action.user_id.ids)],
                        "date_deadline": action.date_deadline,
                    }
                )
            )
            action.task_id = task
        return True
