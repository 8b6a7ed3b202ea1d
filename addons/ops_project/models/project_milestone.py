# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Milestone check (里程碑检查): at each milestone the result is recorded
against the plan; a late milestone of an operations project is escalated to
its leadership once."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

BASELINE_FIELDS = {"name", "deadline", "project_id"}


class ProjectMilestone(models.Model):
    _name = "project.milestone"
    _inherit = ["project.milestone", "ops.guarded.mixin"]

    _ops_server_fields = (
        "ops_checked_on",
        "ops_checked_by_id",
        "ops_escalated_on",
        "ops_baseline_deadline",
        "ops_plan_id",
    )

    ops_result = fields.Text(
        string="Check Result",
        help="What the check at this milestone found, against the plan.",
    )
    ops_checked_on = fields.Date(string="Checked On", readonly=True, copy=False)
    ops_checked_by_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False
    )
    ops_escalated_on = fields.Date(string="Escalated On", readonly=True, copy=False)
    # Milestone plan (里程碑计划): the deadline sales and purchasing confirmed,
    # and the plan version that set it. Written by the plan only.
    ops_baseline_deadline = fields.Date(
        string="Baseline Deadline", readonly=True, copy=False
    )
    ops_plan_id = fields.Many2one(
        "ops.project.milestone.plan", string="Baseline Plan", readonly=True, copy=False
    )

    def write(self, vals):
        if not is_server(self) and BASELINE_FIELDS & set(vals):
            self._ops_check_not_baseline()
        return super().write(vals)

    def unlink(self):
        if not is_server(self):
            self._ops_check_not_baseline()
        return super().unlink()

    def _ops_check_not_baseline(self):
        """A baseline milestone's name and deadline change only through a new
        version of the milestone plan, confirmed again."""
        for rec in self.sudo():
            if rec.ops_baseline_deadline:
                raise UserError(
                    self.env._(
                        "“%(name)s” is in the confirmed milestone plan: change "
                        "it with a new version of the plan.",
                        name=rec.name,
                    )
                )
        return True

    def action_ops_check(self):
        """Record the milestone's check: its result is required."""
        self.check_access("write")
        for rec in self:
            if not (rec.ops_result or "").strip():
                raise UserError(
                    self.env._(
                        "Write the result of the check of “%(name)s” first.",
                        name=rec.name,
                    )
                )
        as_server(self.sudo()).write(
            {
                "ops_checked_on": fields.Date.context_today(self),
                "ops_checked_by_id": self.env.user.id,
            }
        )
        return True

    @api.model
    def _ops_leaders(self, project):
        """Who hears of a late milestone: the manager of the project's
        department and the general manager."""
        project = project.sudo()
        users = project.ops_department_id.manager_id.user_id
        users |= project.company_id.ops_general_manager_id
        return users.filtered(lambda u: u.active and not u.share)

    @api.model
    def _cron_escalate_late_milestones(self, today=None):
        """Escalate each late milestone of an operations project once: one
        batch of activities on the projects, one batch of notes."""
        today = today or fields.Date.context_today(self)
        late = self.sudo().search(
            [
                ("project_id.ops_is_operations", "=", True),
                ("deadline", "<", today),
                ("is_reached", "=", False),
                ("ops_escalated_on", "=", False),
            ]
        )
        if not late:
            return True
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        vals_list, notes = [], {}
        for milestone in late:
            project = milestone.project_id
            text = self.env._(
                "Milestone “%(milestone)s” is late (due %(deadline)s).",
                milestone=milestone.name,
                deadline=milestone.deadline,
            )
            notes[project.id] = (
                f"{notes[project.id]} {text}" if project.id in notes else text
            )
            for user in self._ops_leaders(project):
                vals_list.append(
                    {
                        "res_model": "project.project",
                        "res_id": project.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": today,
                        "summary": text,
                    }
                )
        self.env["mail.activity"]._ops_schedule_batch(
            vals_list, self.env._("Late milestones escalated to you")
        )
        self.env["mail.message"]._ops_log_notes("project.project", notes)
        late.write({"ops_escalated_on": today})
        return True
