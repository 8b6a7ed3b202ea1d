# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DOC, OpsProjectCase


@tagged("post_install", "-at_install")
class TestPhaseDeliverables(OpsProjectCase):
    """A phase is left only with its deliverables attached and accepted."""

    def setUp(self):
        super().setUp()
        self.project = self._approved_project(department_id=self.dept_a.id)
        self.research = self.env.ref("ops_project.stage_phase_research")
        self.design = self.env.ref("ops_project.stage_phase_design")
        self.market = self.env.ref("ops_project.deliverable_market_research")

    def _attach(self, user, kind=None):
        return (
            self.env["ops.project.deliverable"]
            .with_user(user)
            .create(
                {
                    "project_id": self.project.id,
                    "type_id": (kind or self.market).id,
                    "document": DOC,
                    "document_name": "report.pdf",
                }
            )
        )

    def test_move_without_deliverables_refused(self):
        as_manager = self.project.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, self.market.name):
            as_manager.action_ops_next_phase()
        self.assertEqual(self.project.sudo().stage_id, self.research)
        deliverable = self._attach(self.staff_a)
        # Attached is not enough: the phase's approval is the acceptance.
        with self.assertRaisesRegex(UserError, "accepted"):
            as_manager.action_ops_next_phase()
        with self.assertRaises(AccessError):
            deliverable.with_user(self.staff_a).action_accept()
        with self.assertRaises(AccessError):
            deliverable.with_user(self.staff_a).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            deliverable.with_user(self.staff_a).with_context(ops_server=True).write(
                {"state": "accepted"}
            )
        self.assertIs(deliverable.with_user(self.manager_a).action_accept(), True)
        self.assertEqual(deliverable.accepted_by_id, self.manager_a)
        with self.assertRaises(UserError):
            deliverable.with_user(self.staff_a).write({"note": "changed"})
        with self.assertRaises(UserError):
            deliverable.with_user(self.staff_a).unlink()
        self.assertIs(as_manager.action_ops_next_phase(), True)
        self.assertEqual(self.project.sudo().stage_id, self.design)

    def test_uploader_does_not_accept(self):
        deliverable = self._attach(self.manager_a)
        with self.assertRaisesRegex(UserError, "another operations manager"):
            deliverable.with_user(self.manager_a).action_accept()
        empty = self.env["ops.project.deliverable"].create(
            {
                "project_id": self.project.id,
                "type_id": self.env.ref("ops_project.deliverable_design_review").id,
            }
        )
        with self.assertRaisesRegex(UserError, "Attach"):
            empty.with_user(self.manager_a).action_accept()

    def test_outsider_cannot_attach(self):
        employee = new_test_user(self.env, login="t_op_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self._attach(employee)

    def test_required_per_project_kind(self):
        Type = self.env["ops.project.deliverable.type"]
        analysis = self.env.ref("ops_project.deliverable_requirement_analysis")
        self.assertNotIn(analysis, Type._ops_required(self.project, self.research))
        non_standard = self.project.sudo().ops_proposal_id.copy(
            {"kind": "non_standard"}
        )
        other = self.env["project.project"].create(
            {"name": "Non-standard", "ops_is_operations": True}
        )
        other.sudo().ops_proposal_id = non_standard
        self.assertIn(analysis, Type._ops_required(other, self.research))
        self.assertIn(self.market, Type._ops_required(other, self.research))

    def test_manager_skip_is_logged_decision(self):
        """Skipping (or going back) is the operations manager's logged
        decision: it does not wait for the deliverables."""
        self._hold_kickoff(self.project)
        wizard = (
            self.env["ops.project.phase.wizard"]
            .with_user(self.manager_a)
            .create(
                {
                    "project_id": self.project.id,
                    "stage_id": self.env.ref("ops_project.stage_phase_development").id,
                    "reason": "Design bought in with the solution",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(
            self.project.sudo().stage_id,
            self.env.ref("ops_project.stage_phase_development"),
        )
        self.assertIn("Design bought in", self.project.sudo().message_ids[:1].body)
