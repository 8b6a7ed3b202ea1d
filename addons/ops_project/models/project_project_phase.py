# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Lifecycle gates of operations projects, enforced on the server.

Phases are taken in order, one step forward at a time; skipping a phase or
going back needs an operations manager and a reason logged in the chatter
(``_ops_move_phase``, through the Change Phase wizard). Entering the launch
phase or any later one needs the project's accepted launch acceptance,
whoever asks.
"""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

from .project_project import PHASE_XMLIDS

PHASE_MOVE_KEY = "ops_phase_move"
LAUNCH_INDEX = PHASE_XMLIDS.index("ops_project.stage_phase_launch")
DEVELOPMENT_INDEX = PHASE_XMLIDS.index("ops_project.stage_phase_development")


class ProjectProject(models.Model):
    _name = "project.project"
    _inherit = ["project.project", "ops.guarded.mixin"]

    # Links the gates read: set by the server when the project is created
    # from its proposal (or by hand), never re-pointed by a user.
    _ops_server_fields = ("ops_launch_id", "ops_proposal_id", "ops_value_added")

    # Project's own stage field is reserved to its "Stages" setting, a
    # company-wide choice the suite must not switch on for anyone: operations
    # people see the phase here and move it with the phase actions.
    ops_phase_id = fields.Many2one(
        "project.project.stage",
        string="Phase",
        related="stage_id",
        readonly=True,
        # Stored so that the home's "Projects by Phase" can group on it.
        store=True,
        groups="ops_base.group_ops_user",
    )

    @api.model
    def _ops_phase_stages(self):
        stages = self.env["project.project.stage"]
        for xmlid in PHASE_XMLIDS:
            stages |= self.env.ref(xmlid, raise_if_not_found=False) or stages
        return stages

    @api.model
    def _ops_phase_index(self, stage):
        """Position of ``stage`` among the phases; -1 for no stage, None for a
        stage that is not a phase."""
        if not stage:
            return -1
        ids = self._ops_phase_stages().ids
        return ids.index(stage.id) if stage.id in ids else None

    @api.model
    def _ops_is_operations_vals(self, vals):
        return vals.get(
            "ops_is_operations", self.env.context.get("default_ops_is_operations")
        )

    @api.model_create_multi
    def create(self, vals_list):
        first = self._ops_phase_stages()[:1]
        for vals in vals_list:
            # A new operations project starts in the first phase.
            if (
                first
                and self._ops_is_operations_vals(vals)
                and not vals.get("stage_id")
            ):
                vals["stage_id"] = first.id
        projects = super().create(vals_list)
        for project in projects.filtered("ops_is_operations"):
            project._ops_check_phase_move(
                project.sudo().stage_id, self._ops_phase_index(None)
            )
        return projects

    def write(self, vals):
        if "ops_is_operations" in vals and not is_server(self):
            if any(
                p.ops_is_operations != bool(vals["ops_is_operations"]) for p in self
            ):
                raise AccessError(
                    self.env._(
                        "A project cannot be turned into or out of an operations "
                        "project by hand: its phases and launch gate depend on it."
                    )
                )
        if vals.get("stage_id"):
            target = self.env["project.project.stage"].browse(vals["stage_id"])
            for project in self.filtered("ops_is_operations"):
                current = project.sudo().stage_id
                if current != target:
                    source = self._ops_phase_index(current)
                    if source is not None and self._ops_phase_index(target) == (
                        source + 1
                    ):
                        # Who may not write the stage hears that first, not
                        # which deliverables are missing.
                        project.check_access("write")
                        project.check_field_access_rights("write", ["stage_id"])
                    project._ops_check_phase_move(target, source)
        return super().write(vals)

    def _ops_check_phase_move(self, target, source_index):
        """Refuse a move to ``target`` from the phase at ``source_index``
        unless it is one step forward, or the server moves it on an
        operations manager's logged decision. The launch gate holds always."""
        self.ensure_one()
        index = self._ops_phase_index(target)
        if index is not None and index >= LAUNCH_INDEX:
            self._ops_check_launch_gate()
        if index is not None and source_index is not None and index == source_index + 1:
            if not is_server(self, PHASE_MOVE_KEY, allow_su=False):
                # Moving on needs the phase's deliverables; the manager's
                # logged decision does not wait for them.
                self._ops_check_deliverables(source_index)
            return self._ops_check_development_start(index)
        if index is not None and index == source_index:
            return True
        if is_server(self, PHASE_MOVE_KEY):
            return self._ops_check_development_start(index)
        raise UserError(
            self.env._(
                "The project “%(name)s” cannot go to “%(stage)s”: phases are taken "
                "in order, one at a time. Skipping a phase or going back needs an "
                "operations manager and a reason (Change Phase).",
                name=self.name,
                stage=target.name,
            )
        )

    def _ops_check_development_start(self, index):
        # The server's own moves (demo data, imports) are not meetings.
        if index is not None and index >= DEVELOPMENT_INDEX and not self.env.su:
            self._ops_check_kickoff()
        return True

    def _ops_check_kickoff(self):
        """Development starts after the kickoff meeting (项目交底会) was held
        and minuted, whoever asks."""
        self.ensure_one()
        held = (
            self.env["ops.project.kickoff"]
            .sudo()
            .search_count([("project_id", "=", self.id), ("state", "=", "held")])
        )
        if not held:
            raise UserError(
                self.env._(
                    "“%(name)s” cannot enter development before its kickoff "
                    "meeting is held and minuted.",
                    name=self.name,
                )
            )
        return True

    def _ops_check_deliverables(self, index):
        """Moving on from the phase at ``index`` needs its deliverables
        accepted (skipping or going back is the manager's logged decision)."""
        self.ensure_one()
        if index < 0:
            return True
        stage = self._ops_phase_stages()[index]
        required = self.env["ops.project.deliverable.type"]._ops_required(self, stage)
        accepted = (
            self.env["ops.project.deliverable"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.id),
                    ("type_id", "in", required.ids),
                    ("state", "=", "accepted"),
                ]
            )
            .type_id
        )
        missing = required - accepted
        if missing:
            raise UserError(
                self.env._(
                    "“%(name)s” cannot leave “%(stage)s” before its deliverables "
                    "are attached and accepted: %(missing)s.",
                    name=self.name,
                    stage=stage.name,
                    missing=", ".join(missing.mapped("name")),
                )
            )
        return True

    def _ops_move_phase(self, stage, reason):
        """Move to any phase on an operations manager's decision, logged with
        its reason. The launch gate still applies."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_manager")):
            raise AccessError(
                self.env._(
                    "Only an operations manager can skip a phase or move a "
                    "project back."
                )
            )
        self.check_access("write")
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for changing the phase."))
        if not self.ops_is_operations:
            raise UserError(self.env._("This is not an operations project."))
        if (self._ops_phase_index(stage) or 0) >= DEVELOPMENT_INDEX:
            self._ops_check_kickoff()
        previous = self.sudo().stage_id
        # sudo: the stage field belongs to Project's "Stages" setting; who may
        # move it was checked above.
        as_server(self.sudo(), PHASE_MOVE_KEY).write({"stage_id": stage.id})
        self.sudo().message_post(
            body=Markup("<p>%s</p><p><i>%s</i></p>")
            % (
                self.env._(
                    "%(user)s moved the project from “%(old)s” to “%(new)s”.",
                    user=self.env.user.name,
                    old=previous.name or "-",
                    new=stage.name,
                ),
                reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_ops_next_phase(self):
        """Move the project to the next phase: the everyday step, open to
        whoever may edit the project; the launch gate still applies."""
        self.ensure_one()
        self.check_access("write")
        if not self.ops_is_operations:
            raise UserError(self.env._("This is not an operations project."))
        phases = self._ops_phase_stages()
        index = self._ops_phase_index(self.sudo().stage_id)
        if index is None or index + 1 >= len(phases):
            raise UserError(
                self.env._("“%(name)s” is in its last phase.", name=self.name)
            )
        target = phases[index + 1]
        self._ops_check_phase_move(target, index)
        # sudo: the stage field belongs to Project's "Stages" setting.
        self.sudo().write({"stage_id": target.id})
        return True

    def action_ops_change_phase(self):
        self.ensure_one()
        if not self.env.user.has_group("ops_base.group_ops_manager"):
            raise AccessError(
                self.env._(
                    "Only an operations manager can skip a phase or move a "
                    "project back."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Phase"),
            "res_model": "ops.project.phase.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_project_id": self.id},
        }
