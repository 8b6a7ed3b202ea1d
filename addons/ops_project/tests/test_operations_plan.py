# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import OpsProjectCase

BUDGET = [
    ("promotion", "Online ads", 1000.0),
    ("promotion", "Launch event", 500.0),
    ("people", "Operations specialist", 2000.0),
    ("tech_support", "Hosting", 750.0),
]


@tagged("post_install", "-at_install")
class TestOperationsPlan(OpsProjectCase):
    """The operations plan (运营方案): eleven sections from a template, a
    budget by category on the project's analytic account, approved by the
    department's operations manager then the general manager, frozen once
    submitted, kept in versions with exactly one current."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["ops.project.plan"]
        cls.template = cls.env.ref("ops_project.plan_template_default")

    def setUp(self):
        super().setUp()
        self.project = self._approved_project()

    def _plan(self, user=None, **vals):
        values = {
            "name": "Smart band operations plan",
            "project_id": self.project.id,
            "template_id": self.template.id,
            "section_goals": "<p>10,000 active users in a year.</p>",
            "budget_line_ids": [
                Command.create({"category": c, "name": n, "amount": a})
                for c, n, a in BUDGET
            ],
        }
        values.update(vals)
        return self.Plan.with_user(user or self.staff_a).create(values)

    def _approved_plan(self, plan=None):
        plan = plan or self._plan()
        plan.with_user(self.staff_a).request_validation()
        self._approve(plan, self.manager_a)
        self._approve(plan, self.gm)
        self.assertEqual(plan.state, "approved")
        return plan

    # Template and links --------------------------------------------------

    def test_created_from_template_and_linked(self):
        action = self.template.with_user(self.staff_a).action_new_plan()
        self.assertEqual(action["context"]["default_template_id"], self.template.id)
        plan = (
            self.Plan.with_user(self.staff_a)
            .with_context(**action["context"])
            .create(
                {
                    "name": "From the template",
                    "project_id": self.project.id,
                    "section_goals": "<p>Our own goals.</p>",
                }
            )
        )
        self.assertEqual(plan.template_id, self.template)
        self.assertIn("Market environment", plan.section_background)
        self.assertIn("Indicators", plan.section_kpis)
        # What the author wrote is kept.
        self.assertIn("Our own goals", plan.section_goals)
        self.assertEqual(plan.department_id, self.dept_a)
        self.assertEqual(plan.company_id, self.project.company_id)
        self.assertEqual(plan.version, 1)
        self.assertEqual(plan.root_id, plan)
        # Smart buttons both ways.
        project = self.project.with_user(self.staff_a)
        self.assertEqual(project.ops_plan_count, 1)
        action = project.action_ops_open_plans()
        self.assertEqual(self.Plan.search(action["domain"]), plan)
        self.assertEqual(action["context"]["default_template_id"], self.template.id)
        self.assertEqual(plan.action_open_project()["res_id"], self.project.id)

    def test_new_plan_from_the_project_form(self):
        """What the web client does: the project's smart button, then the
        form with its onchanges and read-only fields."""
        action = self.project.with_user(self.staff_a).action_ops_open_plans()
        Plan = self.Plan.with_user(self.staff_a).with_context(**action["context"])
        with Form(Plan) as form:
            self.assertEqual(form.project_id, self.project)
            self.assertEqual(form.template_id, self.template)
            self.assertIn("Measurable goals", str(form.section_goals))
            with form.budget_line_ids.new() as line:
                line.category = "promotion"
                line.name = "Ads"
                line.amount = 800.0
        plan = form.save()
        self.assertEqual(plan.name, self.project.name)
        self.assertEqual(plan.department_id, self.dept_a)
        self.assertEqual(plan.budget_promotion, 800.0)
        self.assertIn("Measurable goals", plan.section_goals)

    def test_plan_of_a_proposal_follows_its_project(self):
        proposal = self._proposal()
        plan = self._plan(project_id=False, proposal_id=proposal.id)
        self.assertFalse(plan.project_id)
        self.assertEqual(proposal.with_user(self.staff_a).plan_count, 1)
        self.assertEqual(plan.action_open_proposal()["res_id"], proposal.id)
        proposal.request_validation()
        self._approve(proposal, self.manager_a)
        proposal.with_user(self.manager_a).action_create_project()
        self.assertEqual(plan.project_id, proposal.project_id)
        self.assertEqual(plan.account_id, proposal.project_id.account_id)

    def test_plan_needs_a_project_or_proposal(self):
        with self.assertRaises(ValidationError):
            self._plan(project_id=False)
        other = self._proposal()
        with self.assertRaises(ValidationError):
            self._plan(proposal_id=other.id)

    # Frozen ----------------------------------------------------------------

    def test_frozen_once_submitted(self):
        plan = self._plan(section_goals=False)
        with self.assertRaisesRegex(UserError, "Goals"):
            plan.with_user(self.staff_a).request_validation()
        as_staff = plan.with_user(self.staff_a)
        # Versioning is the server's, even in draft and with a forged key.
        with self.assertRaises(AccessError):
            as_staff.write({"is_current": True})
        with self.assertRaises(AccessError):
            as_staff.with_context(ops_server=True).write({"version": 7})
        # In draft the author edits everything else.
        as_staff.write({"section_goals": "<p>Grow.</p>"})
        ads = as_staff.budget_line_ids.filtered(lambda r: r.name == "Online ads")
        ads.amount = 1200.0
        ads.amount = 1000.0
        as_staff.request_validation()
        self.assertEqual(plan.state, "under_review")
        with self.assertRaisesRegex(UserError, "no longer"):
            as_staff.write({"section_strategy": "<p>Something else</p>"})
        with self.assertRaisesRegex(UserError, "no longer"):
            as_staff.with_context(ops_server=True).write({"name": "Renamed"})
        with self.assertRaises(UserError):
            as_staff.budget_line_ids[0].amount = 99999.0
        with self.assertRaises(UserError):
            self.env["ops.project.plan.budget.line"].with_user(self.staff_a).create(
                {"plan_id": plan.id, "category": "people", "name": "More", "amount": 1}
            )
        with self.assertRaises(UserError):
            as_staff.budget_line_ids[0].unlink()
        with self.assertRaises(UserError):
            as_staff.write({"state": "approved"})
        self.assertEqual(plan.budget_total, 4250.0)
        self.assertEqual(plan.version, 1)
        self.assertFalse(plan.is_current)

    # Approval ----------------------------------------------------------------

    def test_approval_by_the_right_people_only(self):
        plan = self._plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_b).request_validation()
        plan.with_user(self.staff_a).request_validation()
        # Not a reviewer, another department's manager, the general manager
        # before the operations manager: refused.
        for user in (self.staff_a, self.manager_b, self.gm):
            with self.assertRaises(UserError):
                plan.with_user(user).validate_tier()
        self._approve(plan, self.manager_a)
        self.assertEqual(plan.state, "under_review")
        # One step per person: the manager cannot take the GM's step.
        with self.assertRaises(UserError):
            plan.with_user(self.manager_a).validate_tier()
        self._approve(plan, self.gm)
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.is_current)
        self.assertTrue(plan.approved_on)

    def test_owner_cannot_approve_own_plan(self):
        # The department's only manager wrote the plan: nobody else may take
        # the operations manager's step, so it cannot even be submitted.
        plan = self._plan(user=self.manager_a)
        with self.assertRaisesRegex(UserError, "Nobody can approve"):
            plan.with_user(self.manager_a).request_validation()
        self.assertEqual(plan.state, "draft")

    def test_rejection_goes_back_to_owner(self):
        plan = self._plan()
        plan.with_user(self.staff_a).request_validation()
        self._approve(plan, self.manager_a)
        self._reject(plan, self.gm)
        self.assertEqual(plan.state, "rejected")
        self.assertFalse(plan.is_current)
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_b).action_draft()
        self.assertIs(plan.with_user(self.staff_a).action_draft(), True)
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)

    def test_withdraw_and_cancel(self):
        plan = self._plan()
        plan.with_user(self.staff_a).request_validation()
        self.assertIs(plan.with_user(self.staff_a).restart_validation(), True)
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_b).action_cancel()
        self.assertIs(plan.with_user(self.staff_a).action_cancel(), True)
        self.assertEqual(plan.state, "cancel")
        with self.assertRaises(UserError):
            plan.with_user(self.staff_a).section_goals = "<p>Too late</p>"

    # Versions ----------------------------------------------------------------

    def test_versions_keep_one_current(self):
        v1 = self._approved_plan()
        with self.assertRaises(AccessError):
            v1.with_user(self.staff_b).action_new_version()
        action = v1.with_user(self.staff_a).action_new_version()
        v2 = self.Plan.browse(action["res_id"])
        self.assertEqual(v2.version, 2)
        self.assertEqual((v2.root_id, v2.previous_id), (v1, v1))
        self.assertEqual(v2.state, "draft")
        self.assertFalse(v2.is_current)
        self.assertEqual(v2.section_goals, v1.section_goals)
        self.assertEqual(v2.budget_total, v1.budget_total)
        self.assertEqual(v2.project_id, v1.project_id)
        self.assertNotEqual(v2.budget_line_ids, v1.budget_line_ids)
        # v1 stays current and untouched while v2 is prepared.
        self.assertTrue(v1.is_current)
        with self.assertRaisesRegex(UserError, "already being prepared"):
            v1.with_user(self.staff_a).action_new_version()
        with self.assertRaisesRegex(UserError, "current"):
            v2.with_user(self.staff_a).action_new_version()
        v2.with_user(self.staff_a).write({"section_goals": "<p>20,000 users.</p>"})
        v2.with_user(self.staff_a).budget_line_ids[0].amount = 3000.0
        self.assertIn("10,000", v1.section_goals)
        self.assertEqual(v1.budget_total, 4250.0)
        self._approved_plan(v2)
        self.assertTrue(v2.is_current)
        self.assertEqual(v1.state, "superseded")
        self.assertFalse(v1.is_current)
        family = self.Plan.search([("root_id", "=", v1.id)])
        self.assertEqual(family, v1 | v2)
        self.assertEqual(family.filtered("is_current"), v2)
        self.assertEqual(v2.with_user(self.staff_a).version_count, 2)
        # Even the server cannot make two versions current.
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                v1.sudo().write({"is_current": True})
                v1.flush_recordset()

    # Budget ------------------------------------------------------------------

    def test_budget_figures_equal_fixture(self):
        plan = self._plan()
        other_project = self._approved_project(name="Other project")
        other = self._plan(project_id=other_project.id)
        self.assertEqual(
            (plan.budget_promotion, plan.budget_people, plan.budget_tech_support),
            (1500.0, 2000.0, 750.0),
        )
        self.assertEqual(plan.budget_total, 4250.0)
        Line = self.env["account.analytic.line"].sudo()
        account = self.project.account_id
        for name, amount, category, acc in (
            ("Ads", -300.0, "promotion", account),
            ("Flyers", -200.0, "promotion", account),
            ("Salary", -1200.0, "people", account),
            ("Servers", -100.0, "tech_support", account),
            ("Uncategorised", -999.0, False, account),
            ("Refund", 50.0, "promotion", account),
            ("Other project ads", -77.0, "promotion", other_project.account_id),
        ):
            Line.create(
                {
                    "name": name,
                    "amount": amount,
                    "account_id": acc.id,
                    "ops_plan_category": category,
                }
            )
        plans = (plan | other).with_user(self.staff_a)
        plans.invalidate_recordset()
        self.assertEqual(
            (
                plans[0].actual_promotion,
                plans[0].actual_people,
                plans[0].actual_tech_support,
                plans[0].actual_total,
            ),
            (500.0, 1200.0, 100.0, 1800.0),
        )
        self.assertEqual(plans[1].actual_promotion, 77.0)
        self.assertEqual(plans[1].actual_total, 77.0)
        # Batched: as many queries for two plans as for one.
        self.assertEqual(self._actual_queries(plans), self._actual_queries(plans[0]))
        # The budget lines sit on the project's analytic account.
        self.assertEqual(plan.budget_line_ids.account_id, account)

    def _actual_queries(self, plans):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        plans.mapped("actual_total")
        return self.env.cr.sql_log_count - before

    # Security ------------------------------------------------------------------

    def test_department_and_company_rules(self):
        plan = self._plan()
        for user in (self.staff_b, self.manager_b):
            with self.assertRaises(AccessError):
                plan.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                plan.budget_line_ids.with_user(user).read(["amount"])
        self.assertEqual(plan.with_user(self.manager_a).name, plan.name)
        company2 = self.env["res.company"].create({"name": "Other company"})
        proposal2 = self.Proposal.sudo().create(
            {"name": "Abroad", "kind": "standard", "company_id": company2.id}
        )
        plan2 = self.Plan.sudo().create({"name": "Abroad", "proposal_id": proposal2.id})
        self.assertEqual(plan2.company_id, company2)
        self.assertFalse(self.Plan.with_user(self.gm).search([("id", "=", plan2.id)]))

    def _colleague(self):
        """Staff of the plan's department: reads the plan, owns nothing."""
        colleague = new_test_user(
            self.env,
            login="t_op_plan_colleague",
            groups="ops_base.group_ops_user",
            context={"no_reset_password": True},
        )
        self.env["hr.employee"].create(
            {
                "name": "Colleague A",
                "user_id": colleague.id,
                "department_id": self.dept_a.id,
            }
        )
        return colleague

    def test_colleague_cannot_take_over_a_draft(self):
        plan = self._plan()
        colleague = self._colleague()
        mine = plan.with_user(colleague)
        # The department reads its plans...
        self.assertEqual(mine.name, plan.name)
        # ...but neither rewrites nor re-owns another's, even with a client key.
        for vals in (
            {"section_goals": "<p>Mine now.</p>"},
            {"user_id": colleague.id},
        ):
            with self.assertRaises(AccessError):
                mine.write(vals)
            with self.assertRaises(AccessError):
                mine.with_context(ops_server=True).write(vals)
        line = mine.budget_line_ids[0]
        with self.assertRaises(AccessError):
            line.amount = 1.0
        with self.assertRaises(AccessError):
            line.unlink()
        with self.assertRaises(AccessError):
            line.create(
                {"plan_id": plan.id, "category": "people", "name": "Me", "amount": 9}
            )
        for action in ("request_validation", "action_cancel"):
            with self.assertRaises(AccessError):
                getattr(mine, action)()
        # The owner cannot hand it over either: ownership is the server's.
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_a).write({"user_id": colleague.id})
        with self.assertRaises(AccessError):
            self._plan(user=colleague, user_id=self.staff_a.id)
        self.assertEqual(plan.user_id, self.staff_a)
        self.assertEqual(plan.budget_total, 4250.0)
        self.assertEqual(plan.state, "draft")
        # A duplicate belongs to whoever makes it.
        self.assertEqual(mine.copy().user_id, colleague)
        # Another department's manager who reads the plan (as project lead)
        # does not edit it; the department's manager does.
        self.project.sudo().user_id = self.manager_b
        self.assertEqual(plan.with_user(self.manager_b).name, plan.name)
        with self.assertRaises(AccessError):
            plan.with_user(self.manager_b).write({"section_goals": "<p>B</p>"})
        with self.assertRaises(AccessError):
            plan.with_user(self.manager_b).unlink()
        plan.with_user(self.manager_a).write({"section_goals": "<p>Grow.</p>"})
        hosting = plan.with_user(self.manager_a).budget_line_ids.filtered(
            lambda r: r.name == "Hosting"
        )
        hosting.amount = 850.0
        self.assertEqual(plan.budget_total, 4350.0)

    def test_links_decide_the_department(self):
        """The department (hence the approving manager) comes from the project
        or proposal: the author may only attach what they read, in their own
        department."""
        proposal_a = self._proposal()
        for vals in (
            {"project_id": self.project.id},
            {"project_id": False, "proposal_id": proposal_a.id},
        ):
            with self.assertRaises(AccessError):
                self._plan(user=self.staff_b, **vals)
        # Following another department's project shows it, but does not let
        # its plans be filed there.
        self.project.sudo().message_subscribe(partner_ids=self.staff_b.partner_id.ids)
        self.assertEqual(self.project.with_user(self.staff_b).name, self.project.name)
        # (Checked once the department is derived: roll the savepoint back.)
        with (
            self.assertRaisesRegex(UserError, "own department"),
            self.env.cr.savepoint(),
        ):
            self._plan(user=self.staff_b)
        proposal_b = self._proposal(user=self.staff_b)
        plan = self._plan(
            user=self.staff_b, project_id=False, proposal_id=proposal_b.id
        )
        self.assertEqual(plan.department_id, self.dept_b)
        with (
            self.assertRaisesRegex(UserError, "own department"),
            self.env.cr.savepoint(),
        ):
            plan.with_user(self.staff_b).write(
                {"proposal_id": False, "project_id": self.project.id}
            )
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_b).write({"proposal_id": proposal_a.id})
        plan.invalidate_recordset()
        self.assertEqual(plan.department_id, self.dept_b)
        self.assertEqual(plan.display_name, f"{plan.name} (v1)")

    # Report ------------------------------------------------------------------

    def test_pdf_report(self):
        plan = self._plan()
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.staff_a)
            ._render_qweb_html("ops_project.report_ops_project_plan", plan.ids)
        )
        html = html.decode()
        self.assertIn("10,000 active users", html)
        self.assertIn("Online ads", html)
        self.assertIn("Target Users", html)
