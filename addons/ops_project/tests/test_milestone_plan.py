# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.ops_project.models.ops_project_scope import (
    ops_manages_project,
    ops_user_departments,
)

from .common import CTX, OpsProjectCase


@tagged("post_install", "-at_install")
class TestMilestonePlan(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchaser = new_test_user(
            cls.env,
            login="t_op_purchaser",
            groups="ops_base.group_ops_user",
            context=CTX,
        )
        cls.company.ops_purchase_manager_id = cls.purchaser

    def setUp(self):
        super().setUp()
        self.project = self._approved_project(department_id=self.dept_a.id)
        self.pm = self.project.user_id
        self.Plan = self.env["ops.project.milestone.plan"]
        self.plan = self.Plan.search([("project_id", "=", self.project.id)])

    def _submit(self, plan=None):
        plan = (plan or self.plan).with_user(self.pm)
        plan.request_validation()
        plan.invalidate_recordset()
        return plan

    def _confirm_both(self, plan=None):
        plan = self._submit(plan)
        self._approve(plan, self.sales)
        self._approve(plan, self.purchaser)
        return plan

    def test_draft_suggestion_is_no_baseline(self):
        self.assertEqual(self.pm, self.staff_a)
        self.assertEqual(self.plan.state, "draft")
        self.assertEqual(self.plan.version, 1)
        self.assertEqual(len(self.plan.line_ids), len(self.project.milestone_ids))
        self.assertFalse(
            any(self.project.milestone_ids.mapped("ops_baseline_deadline"))
        )
        # The project manager edits the suggested deadlines while a draft.
        line = self.plan.line_ids[0].with_user(self.pm)
        line.deadline = date(2031, 3, 1)
        self.assertEqual(line.deadline, date(2031, 3, 1))

    def test_baseline_needs_both_confirmations(self):
        line = self.plan.line_ids.sorted("deadline")[0]
        line.with_user(self.pm).deadline = date(2031, 3, 1)
        plan = self._submit()
        self.assertEqual(plan.state, "under_review")
        self._approve(plan, self.sales)
        self.assertEqual(plan.state, "under_review", "purchasing has not confirmed")
        self.assertFalse(line.milestone_id.ops_baseline_deadline)
        self._approve(plan, self.purchaser)
        self.assertEqual(plan.state, "baseline")
        self.assertEqual(line.milestone_id.ops_baseline_deadline, date(2031, 3, 1))
        self.assertEqual(line.milestone_id.deadline, date(2031, 3, 1))
        self.assertEqual(line.milestone_id.ops_plan_id, plan)
        self.assertEqual(self.project.ops_milestone_plan_id, plan)

    def test_purchasing_alone_is_not_enough(self):
        plan = self._submit()
        self._approve(plan, self.purchaser)
        self.assertEqual(plan.state, "under_review")
        self.assertFalse(self.project.ops_milestone_plan_id)

    def test_wrong_confirmer_refused(self):
        plan = self._submit()
        for user in (self.manager_a, self.staff_b, self.gm):
            with self.assertRaises(UserError):
                plan.with_user(user).validate_tier()
        self.assertEqual(plan.state, "under_review")
        self.assertFalse(plan.review_ids.filtered(lambda r: r.status == "approved"))

    def test_pm_cannot_confirm_own_plan(self):
        plan = self._submit()
        with self.assertRaisesRegex(UserError, "your own request"):
            plan.with_user(self.pm).validate_tier()
        self.assertEqual(plan.state, "under_review")

    def test_pm_as_confirmer_refused_at_submission(self):
        # The project manager is also the company's sales manager: the plan
        # would have nobody to confirm it for sales.
        self.company.ops_sales_manager_id = self.pm
        with self.assertRaisesRegex(UserError, "requester"):
            self._submit()
        self.assertEqual(self.plan.state, "draft")

    def test_only_the_project_manager_plans(self):
        # A colleague of the same department reads the plan but does not make it.
        colleague = new_test_user(
            self.env, login="t_op_colleague", groups="ops_base.group_ops_user"
        )
        self.env["hr.employee"].create(
            {
                "name": "Colleague",
                "user_id": colleague.id,
                "department_id": self.dept_a.id,
            }
        )
        self.assertTrue(self.plan.with_user(colleague).line_ids)
        with self.assertRaisesRegex(AccessError, "project manager"):
            self.plan.with_user(colleague).request_validation()
        with self.assertRaisesRegex(AccessError, "project manager"):
            self.plan.line_ids[0].with_user(colleague).deadline = date(2031, 1, 1)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.staff_b).request_validation()
        # Setting the sales manager is required before submitting.
        self.company.ops_purchase_manager_id = False
        with self.assertRaisesRegex(UserError, "purchasing manager"):
            self.plan.with_user(self.pm).request_validation()

    def test_client_cannot_write_baseline(self):
        plan = self.plan.with_user(self.pm)
        with self.assertRaisesRegex(UserError, "status"):
            plan.write({"state": "baseline"})
        with self.assertRaisesRegex(UserError, "status"):
            plan.with_context(ops_server=True).write({"state": "baseline"})
        with self.assertRaises(AccessError):
            plan.write({"version": 7})
        plan = self._confirm_both()
        milestone = plan.line_ids[0].milestone_id.with_user(self.manager_a)
        with self.assertRaises(AccessError):
            milestone.write({"ops_baseline_deadline": date(2040, 1, 1)})
        with self.assertRaises(AccessError):
            milestone.with_context(ops_server=True).write(
                {"ops_baseline_deadline": date(2040, 1, 1)}
            )
        with self.assertRaisesRegex(UserError, "new version"):
            milestone.write({"deadline": date(2040, 1, 1)})
        with self.assertRaisesRegex(UserError, "new version"):
            milestone.unlink()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            plan.line_ids[0].with_user(self.pm).deadline = date(2040, 1, 1)
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            plan.line_ids[0].with_user(self.pm).unlink()
        # The check of the milestone's result stays open.
        milestone.ops_result = "On time."
        self.assertIs(milestone.action_ops_check(), True)

    def test_replan_new_version(self):
        first = self._confirm_both()
        milestone = first.line_ids.sorted("deadline")[-1].milestone_id
        baseline = milestone.ops_baseline_deadline
        action = first.with_user(self.pm).action_new_version()
        second = self.Plan.browse(action["res_id"])
        self.assertEqual((second.version, second.state), (2, "draft"))
        with self.assertRaisesRegex(UserError, "already has a milestone plan"):
            first.with_user(self.pm).action_new_version()
        line = second.line_ids.filtered(lambda ln: ln.milestone_id == milestone)
        line.with_user(self.pm).deadline = date(2032, 6, 30)
        self.assertEqual(milestone.ops_baseline_deadline, baseline)
        self._confirm_both(second)
        self.assertEqual(second.state, "baseline")
        self.assertEqual(first.state, "superseded", "the previous version is kept")
        self.assertEqual(milestone.ops_baseline_deadline, date(2032, 6, 30))
        self.assertEqual(milestone.ops_plan_id, second)
        self.assertEqual(
            self.Plan.search_count([("project_id", "=", self.project.id)]), 2
        )

    def test_rejection_keeps_no_baseline(self):
        plan = self._submit()
        self._reject(plan, self.purchaser)
        plan.invalidate_recordset()
        self.assertEqual(plan.state, "rejected")
        self.assertFalse(
            any(self.project.milestone_ids.mapped("ops_baseline_deadline"))
        )

    def test_tiers_are_engine_managed_and_company_bound(self):
        tiers = self.plan.sudo().review_ids.definition_id | self.env.ref(
            "ops_project.tier_milestone_plan_sales"
        )
        tiers |= self.env.ref("ops_project.tier_milestone_plan_purchase")
        tiers |= self.env.ref("ops_project.tier_project_team_gm")
        self.assertTrue(all(tiers.mapped("ops_managed")))
        other = self.env["res.company"].create({"name": "Other company"})
        outsider = new_test_user(
            self.env,
            login="t_op_other_exec",
            groups="ops_base.group_ops_executive",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
            context=CTX,
        )
        Plan = self.Plan.with_user(outsider)
        self.assertFalse(Plan.search([("id", "=", self.plan.id)]))
        with self.assertRaises(AccessError):
            Plan.browse(self.plan.id).read(["name"])
        self.env["ops.project.team"].with_user(self.pm).create(
            {"project_id": self.project.id, "lead_id": self.pm.id}
        )
        self.env["ops.project.contract"].with_user(self.pm).create(
            {
                "name": "Contract",
                "project_id": self.project.id,
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 12, 31),
            }
        )
        for model in ("ops.project.team", "ops.project.contract"):
            self.assertTrue(self.env[model].with_user(self.gm).search_count([]))
            self.assertFalse(
                self.env[model].with_user(outsider).search_count([]),
                f"{model}: nothing of another company",
            )

    def test_new_plan_suggests_the_project_milestones(self):
        milestones = self.project.milestone_ids
        self.plan.with_user(self.pm).action_cancel()
        self.assertEqual(self.plan.state, "cancel")
        plan = self.Plan.with_user(self.pm).create({"project_id": self.project.id})
        self.assertEqual((plan.version, plan.user_id), (2, self.pm))
        self.assertIs(plan.action_suggest_milestones(), True)
        self.assertEqual(plan.line_ids.milestone_id, milestones)
        self._confirm_both(plan)
        self.assertEqual(plan.state, "baseline")
        self.assertEqual(self.project.milestone_ids, milestones, "no duplicates")
        # A milestone of another project cannot be slipped into a plan.
        other = self._approved_project(department_id=self.dept_a.id, name="Other")
        draft = plan.with_user(self.pm).action_new_version()
        draft = self.Plan.browse(draft["res_id"]).with_user(self.pm)
        with self.assertRaisesRegex(AccessError, "plan's project"):
            draft.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Foreign",
                                "deadline": date(2031, 1, 1),
                                "milestone_id": other.milestone_ids[0].id,
                            }
                        )
                    ]
                }
            )

    def test_client_cannot_create_baseline(self):
        # Without the open draft v1 (which would refuse any new version), the
        # refusal is the engine's: a new plan starts as a draft.
        self.plan.with_user(self.pm).action_cancel()
        with self.assertRaisesRegex(UserError, "starts as"):
            self.Plan.with_user(self.pm).create(
                {"project_id": self.project.id, "state": "baseline"}
            )
        plan = self.Plan.with_user(self.pm).create({"project_id": self.project.id})
        self.assertEqual(plan.state, "draft")

    def test_plan_stays_with_its_project(self):
        # The project manager of this project re-points its draft plan to a
        # project of another department: refused, whoever asks.
        other = self._approved_project(
            department_id=self.dept_b.id, user=self.staff_b, name="Other"
        )
        for user in (self.pm, self.manager_a):
            with self.assertRaisesRegex(UserError, "cannot be changed once created"):
                self.plan.with_user(user).write({"project_id": other.id})
        self.assertEqual(self.plan.project_id, self.project)
        # Rewriting the same project (a form sending it again) is harmless.
        self.plan.with_user(self.pm).write(
            {"project_id": self.project.id, "note": "Same project"}
        )
        # A planned line does not move to the plan of another project either,
        # not even one the same project manager leads.
        mine = self._approved_project(department_id=self.dept_a.id, name="Mine")
        mine_plan = self.Plan.search([("project_id", "=", mine.id)])
        self.assertEqual(mine.user_id, self.pm)
        line = self.plan.line_ids.filtered("milestone_id")[0]
        with self.assertRaisesRegex(AccessError, "another plan"):
            line.with_user(self.pm).write({"plan_id": mine_plan.id})
        with self.assertRaisesRegex(AccessError, "another plan"):
            mine_plan.with_user(self.pm).write({"line_ids": [Command.link(line.id)]})
        self.assertEqual(line.plan_id, self.plan)

    def test_managers_plan_for_their_departments_only(self):
        project = self.project
        self.assertTrue(ops_manages_project(self.env(user=self.manager_a), project))
        self.assertTrue(ops_manages_project(self.env(user=self.gm), project))
        self.assertFalse(ops_manages_project(self.env(user=self.manager_b), project))
        self.assertFalse(ops_manages_project(self.env(user=self.staff_a), project))
        # A manager acts for the departments below theirs too.
        sub = self.env["hr.department"].create(
            {"name": "Dept A1", "parent_id": self.dept_a.id}
        )
        self.assertIn(sub, ops_user_departments(self.env, self.manager_a))
        self.assertNotIn(sub, ops_user_departments(self.env, self.manager_b))
        # Over the ORM: the manager of another department makes no plan of
        # this project; the department's own manager does.
        self.plan.with_user(self.pm).action_cancel()
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.manager_b).create({"project_id": project.id})
        plan = self.Plan.with_user(self.manager_a).create({"project_id": project.id})
        self.assertIs(plan.action_suggest_milestones(), True)
        self.assertTrue(plan.line_ids)

    def test_name_in_the_reader_language(self):
        # Not stored in its creator's language: each reader reads it in theirs.
        self.env["res.lang"]._activate_lang("zh_CN")
        plan = self.plan.with_user(self.pm)
        english = plan.with_context(lang="en_US")
        chinese = plan.with_context(lang="zh_CN")
        self.assertIn("plan v1", english.name)
        self.assertIn("plan v1", english.display_name)
        self.assertIn("计划第1版", chinese.name)
        self.assertIn("计划第1版", chinese.display_name)
        found = self.Plan.with_user(self.pm).search(
            [("name", "ilike", self.project.name)]
        )
        self.assertIn(self.plan, found)
        found = [pair[0] for pair in self.Plan.name_search(self.project.name)]
        self.assertIn(self.plan.id, found)

    def test_milestone_planned_once(self):
        line = self.plan.line_ids.filtered("milestone_id")[0]
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["ops.project.milestone.plan.line"].with_user(self.pm).create(
                {
                    "plan_id": self.plan.id,
                    "name": "Twice",
                    "deadline": date(2031, 1, 1),
                    "milestone_id": line.milestone_id.id,
                }
            )
            self.env.flush_all()

    def test_dropped_milestone_leaves_the_plan(self):
        first = self._confirm_both()
        action = first.with_user(self.pm).action_new_version()
        second = self.Plan.browse(action["res_id"])
        line = second.line_ids.sorted("deadline")[-1]
        milestone = line.milestone_id
        self.assertEqual(milestone.ops_plan_id, first)
        line.with_user(self.pm).unlink()
        self._confirm_both(second)
        self.assertEqual(second.state, "baseline")
        self.assertFalse(milestone.ops_baseline_deadline)
        self.assertFalse(milestone.ops_plan_id, "no longer in any baseline plan")
        kept = second.line_ids.milestone_id
        self.assertEqual(set(kept.mapped("ops_plan_id").ids), {second.id})
