# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTourMilestonePlan(HttpCase):
    """Kickoff → milestone plan confirmation → milestone check, in the browser,
    as the project manager, the sales and the purchasing manager."""

    def _user(self, login, groups):
        return new_test_user(self.env, login=login, password=login, groups=groups)

    def _approve(self, record, user):
        res = record.with_user(user).validate_tier()
        if isinstance(res, dict) and res.get("res_model") == "comment.wizard":
            self.env["comment.wizard"].with_user(user).with_context(
                **res["context"]
            ).create({"comment": "OK"}).add_comment()

    def test_tour_kickoff_plan_check(self):
        pm = self._user("tour_plan_pm", "ops_base.group_ops_user")
        boss = self._user("tour_plan_boss", "ops_base.group_ops_manager")
        sales = self._user("tour_plan_sales", "ops_base.group_ops_user")
        purchaser = self._user("tour_plan_purchase", "ops_base.group_ops_user")
        dept = self.env["hr.department"].create({"name": "Tour plan department"})
        _employee, boss_employee = self.env["hr.employee"].create(
            [
                {"name": "Tour PM", "user_id": pm.id, "department_id": dept.id},
                {"name": "Tour boss", "user_id": boss.id, "department_id": dept.id},
            ]
        )
        dept.manager_id = boss_employee
        self.env.company.write(
            {
                "ops_sales_manager_id": sales.id,
                "ops_purchase_manager_id": purchaser.id,
            }
        )
        proposal = (
            self.env["ops.project.proposal"]
            .with_user(pm)
            .create(
                {
                    "name": "Tour plan project",
                    "kind": "standard",
                    "contract_amount": 50000,
                    "department_id": dept.id,
                }
            )
        )
        proposal.request_validation()
        self._approve(proposal, boss)
        proposal.with_user(boss).action_create_project()
        project = proposal.project_id
        self.assertEqual(project.user_id, pm)
        kickoff = (
            self.env["ops.project.kickoff"]
            .with_user(pm)
            .create(
                {
                    "project_id": project.id,
                    "attendee_ids": [Command.set([pm.id, boss.id])],
                    "minutes": "<p>Scope and milestones presented.</p>",
                }
            )
        )
        plan = self.env["ops.project.milestone.plan"].search(
            [("project_id", "=", project.id)]
        )
        self.assertEqual(plan.state, "draft")

        self.start_tour(
            f"/odoo/action-ops_project.ops_project_kickoff_action/{kickoff.id}",
            "ops_project_kickoff_hold",
            login=pm.login,
        )
        self.assertEqual(kickoff.state, "held")
        action = "ops_project.ops_project_milestone_plan_action"
        plan_url = f"/odoo/action-{action}/{plan.id}"
        self.start_tour(plan_url, "ops_project_plan_submit", login=pm.login)
        self.assertEqual(plan.state, "under_review")
        self.start_tour(plan_url, "ops_project_plan_confirm", login=sales.login)
        plan.invalidate_recordset()
        self.assertEqual(plan.state, "under_review", "purchasing has not confirmed")
        self.start_tour(plan_url, "ops_project_plan_confirm", login=purchaser.login)
        plan.invalidate_recordset()
        self.assertEqual(plan.state, "baseline")
        baselines = project.milestone_ids.mapped("ops_baseline_deadline")
        self.assertTrue(all(baselines))
        self.assertIn(date(2031, 3, 2), baselines, "the deadline moved in the tour")
        self.start_tour(plan_url, "ops_project_milestone_check", login=pm.login)
        checked = project.milestone_ids.filtered("ops_checked_on")
        self.assertEqual(len(checked), 1)
        self.assertEqual(checked.ops_checked_by_id, pm)
        self.assertEqual(checked.ops_result, "Equipment delivered on time.")
