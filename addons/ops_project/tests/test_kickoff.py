# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestKickoff(OpsProjectCase):
    """The kickoff meeting is held and minuted before development; its
    action items become tasks."""

    def test_development_needs_kickoff(self):
        project = self._approved_project()
        self._walk_to(project, "ops_project.stage_phase_design")
        self._deliver_phase(project)
        as_manager = project.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "kickoff"):
            as_manager.action_ops_next_phase()
        kickoff = (
            self.env["ops.project.kickoff"]
            .with_user(self.staff_a)
            .create(
                {
                    "project_id": project.id,
                    "action_ids": [
                        Command.create(
                            {"name": "Order the sensors", "user_id": self.staff_a.id}
                        )
                    ],
                }
            )
        )
        with self.assertRaisesRegex(UserError, "minutes"):
            kickoff.with_user(self.staff_a).action_hold()
        with self.assertRaisesRegex(UserError, "kickoff"):
            as_manager.action_ops_next_phase()
        # A client cannot mark the meeting held.
        with self.assertRaises(AccessError):
            kickoff.with_user(self.staff_a).write({"state": "held"})
        with self.assertRaises(AccessError):
            kickoff.with_user(self.staff_a).with_context(ops_server=True).write(
                {"state": "held"}
            )
        kickoff.with_user(self.staff_a).write(
            {
                "attendee_ids": [Command.set([self.staff_a.id, self.manager_a.id])],
                "minutes": "<p>Scope agreed.</p>",
            }
        )
        self.assertIs(kickoff.with_user(self.staff_a).action_hold(), True)
        self.assertEqual(kickoff.state, "held")
        task = kickoff.action_ids.task_id
        self.assertEqual(task.project_id, project)
        self.assertEqual(task.user_ids, self.staff_a)
        # Held: the record is closed.
        with self.assertRaises(UserError):
            kickoff.with_user(self.staff_a).minutes = "<p>Rewritten</p>"
        with self.assertRaises(UserError):
            kickoff.action_ids.with_user(self.staff_a).unlink()
        self.assertIs(as_manager.action_ops_next_phase(), True)
        self.assertEqual(
            project.sudo().stage_id,
            self.env.ref("ops_project.stage_phase_development"),
        )
