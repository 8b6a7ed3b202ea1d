# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsProjectCase

SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestProject(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.launch_stage = cls.env.ref("ops_project.stage_phase_launch")

    def test_launch_gate(self):
        project = self._approved_project()
        # The gate on the stage field itself, as in a company with Project's
        # Stages setting (Next Phase is tested in test_approval_integrity).
        self.manager_a.groups_id |= self.env.ref("project.group_project_stages")
        as_manager = project.with_user(self.manager_a)
        with self.assertRaises(UserError) as err:
            as_manager.write({"stage_id": self.launch_stage.id})
        self.assertIn("launch acceptance", str(err.exception))
        launch = project.ops_launch_id.with_user(self.staff_a)
        # Incomplete checklist: no acceptance request.
        launch.line_ids[:5].action_check()
        with self.assertRaises(UserError):
            launch.request_validation()
        launch.line_ids[5].action_check()
        self.assertEqual(launch.progress, 100)
        self.assertEqual(launch.line_ids[0].done_by_id, self.staff_a)
        self.assertTrue(launch.line_ids[0].done_on)
        launch.request_validation()
        with self.assertRaises(UserError):
            as_manager.write({"stage_id": self.launch_stage.id})
        with self.assertRaises(UserError):
            launch.validate_tier()
        self._approve(launch, self.manager_a)
        # The operations manager's approval is not enough: senior management
        # is the second configured tier.
        self.assertEqual(launch.state, "draft")
        with self.assertRaises(UserError):
            as_manager.write({"stage_id": self.launch_stage.id})
        with self.assertRaises(UserError):
            launch.with_user(self.staff_b).validate_tier()
        self._approve(launch, self.gm)
        self.assertEqual(launch.state, "accepted")
        # Accepted, but phases are still taken in order: research cannot jump
        # to launch (this test used to move straight there).
        with self.assertRaises(UserError) as err:
            as_manager.write({"stage_id": self.launch_stage.id})
        self.assertIn("in order", str(err.exception))
        self._walk_to(project, "ops_project.stage_phase_launch")
        self.assertEqual(project.sudo().stage_id, self.launch_stage)

    def test_launch_tiers_follow_configuration(self):
        """The launch is accepted by the configured tiers, in their order: a
        department added as a tier must approve too."""
        # (The technical department's step, by its manager, is a field tier:
        # see test_value_added.)
        tiers = self.env["tier.definition"].search(
            [("model", "=", "ops.project.launch"), ("review_type", "=", "group")],
            order="sequence desc",
        )
        self.assertEqual(
            [tier.reviewer_group_id for tier in tiers],
            [
                self.env.ref("ops_base.group_ops_manager"),
                self.env.ref("ops_base.group_ops_executive"),
            ],
        )
        self.assertTrue(all(tiers.mapped("approve_sequence")))
        security = self.env["res.groups"].create({"name": "Security department"})
        auditor = new_test_user(
            self.env,
            login="t_op_security",
            groups="ops_base.group_ops_user",
            context=CTX,
        )
        auditor.groups_id = [Command.link(security.id)]
        self.env["tier.definition"].create(
            {
                "name": "Security department accepts the launch",
                "model_id": self.env["ir.model"]._get_id("ops.project.launch"),
                "review_type": "group",
                "reviewer_group_id": security.id,
                "sequence": 1,
                "approve_sequence": True,
            }
        )
        project = self._approved_project()
        launch = project.ops_launch_id.with_user(self.staff_a)
        launch.line_ids.action_check()
        launch.request_validation()
        self.assertEqual(len(launch.review_ids), 3)
        self._approve(launch, self.manager_a)
        self._approve(launch, self.gm)
        self.assertEqual(launch.state, "draft")
        self._approve(launch, auditor)
        self.assertEqual(launch.state, "accepted")

    def test_change_request_needs_signature_and_updates_project(self):
        project = self._approved_project()
        deadline = project.date
        change = (
            self.env["ops.project.change"]
            .with_user(self.staff_a)
            .create(
                {
                    "name": "Extra report",
                    "project_id": project.id,
                    "description": "<p>Monthly PDF export</p>",
                    "schedule_impact_days": 10,
                    "cost_impact": 15000,
                }
            )
        )
        with self.assertRaises(UserError):
            change.request_validation()
        self.assertFalse(change.review_ids)
        change.write({"customer_signature": SIGNATURE, "signed_by": "Customer"})
        change.request_validation()
        self._approve(change, self.manager_a)
        self.assertEqual(change.state, "approved")
        self.assertEqual(project.date, deadline + timedelta(days=10))
        self.assertEqual(project.ops_budget, 115000)
        self.assertEqual(project.account_id.ops_budget, 115000)
        self.assertTrue(
            any("Extra report" in (m.body or "") for m in project.message_ids),
            "the project's chatter says so",
        )

    def test_risk_register(self):
        project = self._approved_project()
        Risk = self.env["ops.project.risk"].with_user(self.staff_a)
        category = self.env.ref("ops_project.risk_category_staff_turnover")
        low = Risk.create(
            {
                "name": "Low",
                "project_id": project.id,
                "category_id": category.id,
                "probability": "1",
                "impact": "4",
            }
        )
        high = Risk.create(
            {
                "name": "Key engineer leaves",
                "project_id": project.id,
                "category_id": category.id,
                "probability": "4",
                "impact": "3",
                "owner_id": self.staff_a.id,
                "next_review_date": fields.Date.today() - timedelta(days=1),
            }
        )
        self.assertEqual((low.score, low.level), (4, "low"))
        self.assertEqual((high.score, high.level), (12, "high"))
        self.assertEqual(project.ops_open_high_risk_count, 1)
        reminded = self.env["ops.project.risk"]._cron_remind_overdue_reviews()
        self.assertEqual(reminded, high)
        self.assertEqual(high.activity_ids.user_id, self.staff_a)
        self.assertFalse(self.env["ops.project.risk"]._cron_remind_overdue_reviews())
        self.assertEqual(len(high.activity_ids), 1)
        high.action_close()
        project.invalidate_recordset()
        self.assertEqual(project.ops_open_high_risk_count, 0)

    def test_promote_delivered_solution(self):
        standard = self._deliver(self._approved_project(kind="standard"))
        with self.assertRaises(UserError):
            standard.with_user(self.manager_a).action_ops_promote_solution()
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        for member in (self.gm, self.sales, self.product):
            self._approve(proposal, member)
        proposal.with_user(self.manager_a).action_create_project()
        project = proposal.project_id
        # The bid is won: the solution enters the library at the technical
        # handover, as a draft, without waiting for the delivery.
        action = project.with_user(self.manager_a).action_ops_promote_solution()
        solution = self.env["ops.project.solution"].browse(action["res_id"])
        self.assertEqual(solution.source_project_id, project)
        self.assertEqual(solution.state, "draft")
        self.assertEqual(project.ops_solution_id, solution)
        with self.assertRaises(UserError):
            project.with_user(self.manager_a).action_ops_promote_solution()

    def _deliver(self, project):
        project.ops_launch_id.line_ids.action_check()
        project.ops_launch_id.request_validation()
        self._approve(project.ops_launch_id, self.manager_a)
        self._approve(project.ops_launch_id, self.gm)
        # Phase by phase: a jump from research to operation is refused now.
        return self._walk_to(project, "ops_project.stage_phase_operation")

    def test_project_created_by_hand_gets_a_launch_gate(self):
        Project = self.env["project.project"].with_context(
            default_ops_is_operations=True
        )
        project = Project.create({"name": "Hand made"})
        self.assertEqual(len(project.ops_launch_id.line_ids), 6)
        with self.assertRaises(UserError):
            Project.create(
                {"name": "Straight to launch", "stage_id": self.launch_stage.id}
            )
        with self.assertRaises(UserError):
            project.stage_id = self.launch_stage
