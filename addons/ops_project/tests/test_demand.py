# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from datetime import date

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsProjectCase


@tagged("post_install", "-at_install")
class TestDemand(OpsProjectCase):
    """Demand intake -> allocation -> task -> evaluation (运营管理中心流程图)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Demand = cls.env["ops.demand"]
        cls.support = cls.env["project.project"].create(
            {"name": "Operations support", "privacy_visibility": "employees"}
        )

    def _demand(self, user=None, **vals):
        values = {"name": "Store sales dashboard", "priority": "1"}
        values.update(vals)
        return self.Demand.with_user(user or self.staff_a).create(values)

    def _allocate(self, demand, assignee=None, manager=None):
        manager = manager or self.manager_a
        demand.with_user(manager).write(
            {
                "project_id": self.support.id,
                "assignee_id": (assignee or self.staff_b).id,
            }
        )
        self.assertIs(demand.with_user(manager).action_allocate(), True)
        return demand.task_id

    def _done(self, demand, score=None, evaluator=None):
        """Allocate, close the task as its assignee, evaluate if ``score``."""
        task = self._allocate(demand)
        task.with_user(self.staff_b).write({"state": "1_done"})
        if score:
            evaluator = evaluator or self.staff_a
            demand.with_user(evaluator).write({"evaluation_score": score})
            demand.with_user(evaluator).action_evaluate()
        return demand

    def test_intake_defaults_and_server_fields(self):
        demand = self._demand()
        self.assertEqual(demand.state, "intake")
        self.assertEqual(demand.user_id, self.staff_a)
        self.assertEqual(demand.department_id, self.dept_a)
        self.assertEqual(demand.date_received, fields.Date.today())
        # The requester, the department, the state and the task are the
        # server's: not typed by a client, nor unlocked by a context flag.
        with self.assertRaises(AccessError):
            self._demand(user_id=self.staff_b.id)
        with self.assertRaises(AccessError):
            self._demand(state="done")
        for vals in (
            {"state": "evaluated"},
            {"department_id": self.dept_b.id},
            {"task_id": self.env["project.task"].create({"name": "x"}).id},
        ):
            with self.assertRaises(AccessError):
                demand.with_user(self.staff_a).write(vals)
            with self.assertRaises(AccessError):
                demand.with_user(self.manager_a).with_context(ops_server=True).write(
                    vals
                )

    def test_only_the_manager_allocates(self):
        demand = self._demand()
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_a).write({"assignee_id": self.staff_b.id})
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_a).action_allocate()
        # The manager of another department does not even see it.
        with self.assertRaises(AccessError):
            demand.with_user(self.manager_b).action_allocate()
        with self.assertRaisesRegex(UserError, "project"):
            demand.with_user(self.manager_a).action_allocate()
        # Not into another company's project (the task is created by the
        # server: the choice is checked there).
        other = self.env["res.company"].create({"name": "Other Co"})
        self.manager_a.company_ids |= other
        foreign = self.env["project.project"].create(
            {"name": "Foreign", "company_id": other.id}
        )
        demand.with_user(self.manager_a).write(
            {"project_id": foreign.id, "assignee_id": self.staff_b.id}
        )
        with self.assertRaisesRegex(UserError, "another company"):
            demand.with_user(self.manager_a).action_allocate()
        self.assertFalse(demand.task_id)
        task = self._allocate(demand)
        self.assertEqual(demand.state, "allocated")
        self.assertEqual(demand.allocated_by_id, self.manager_a)
        self.assertEqual(task.project_id, self.support)
        self.assertEqual(task.user_ids, self.staff_b)
        self.assertEqual(task.name, demand.name)
        # Once: a second allocation (a second click) creates no second task.
        with self.assertRaises(UserError):
            demand.with_user(self.manager_a).action_allocate()
        self.assertEqual(
            self.env["project.task"].search_count([("name", "=", demand.name)]), 1
        )
        # The request and the allocation are fixed once allocated.
        with self.assertRaises(UserError):
            demand.with_user(self.staff_a).write({"name": "Something else"})
        with self.assertRaises(UserError):
            demand.with_user(self.manager_a).write({"assignee_id": self.staff_a.id})

    def test_task_completion_and_evaluation(self):
        demand = self._demand()
        task = self._allocate(demand, assignee=self.staff_b)
        # The assignee now sees the demand and starts it; the requester may not.
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_a).action_start()
        self.assertIs(demand.with_user(self.staff_b).action_start(), True)
        self.assertEqual(demand.state, "in_progress")
        # Nothing to evaluate before the work is done.
        with self.assertRaises(UserError):
            demand.with_user(self.staff_a).write({"evaluation_score": 4})
        task.with_user(self.staff_b).write({"state": "1_done"})
        self.assertEqual(demand.state, "done")
        self.assertEqual(demand.done_on, fields.Date.today())
        self.assertIn(self.staff_a, demand.activity_ids.user_id)
        # Who did the work does not evaluate it; another department's
        # manager cannot reach it.
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_b).write({"evaluation_score": 5})
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_b).action_evaluate()
        with self.assertRaises(AccessError):
            demand.with_user(self.manager_b).action_evaluate()
        with self.assertRaisesRegex(UserError, "score"):
            demand.with_user(self.staff_a).action_evaluate()
        with self.assertRaises(ValidationError):
            demand.with_user(self.staff_a).write({"evaluation_score": 6})
        demand.with_user(self.staff_a).write(
            {"evaluation_score": 4, "evaluation_comment": "Useful, a bit late."}
        )
        self.assertIs(demand.with_user(self.staff_a).action_evaluate(), True)
        self.assertEqual(demand.state, "evaluated")
        self.assertEqual(demand.evaluated_by_id, self.staff_a)
        self.assertFalse(demand.activity_ids)
        with self.assertRaises(UserError):
            demand.with_user(self.staff_a).write({"evaluation_score": 5})

    def test_manager_evaluates_for_the_requester(self):
        demand = self._done(self._demand(), score=3, evaluator=self.manager_a)
        self.assertEqual(demand.state, "evaluated")
        self.assertEqual(demand.evaluated_by_id, self.manager_a)

    def test_reject(self):
        demand = self._demand()
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_a).write({"reject_reason": "Not needed"})
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_a).action_reject()
        with self.assertRaisesRegex(UserError, "why"):
            demand.with_user(self.manager_a).action_reject()
        demand.with_user(self.manager_a).write({"reject_reason": "Already exists"})
        self.assertIs(demand.with_user(self.manager_a).action_reject(), True)
        self.assertEqual(demand.state, "rejected")
        with self.assertRaises(UserError):
            demand.with_user(self.manager_a).action_allocate()

    def test_visibility(self):
        demand = self._demand()
        # The demo's demands belong to another requester and department.
        Demand = self.Demand.with_user
        self.assertEqual(Demand(self.staff_a).search([]), demand)
        self.assertEqual(Demand(self.manager_a).search([]), demand)
        self.assertFalse(Demand(self.staff_b).search([]))
        self.assertFalse(Demand(self.manager_b).search([]))
        self.assertIn(demand, Demand(self.gm).search([]))
        with self.assertRaises(AccessError):
            demand.with_user(self.staff_b).read(["name"])
        self._allocate(demand, assignee=self.staff_b)
        self.assertEqual(Demand(self.staff_b).search([]), demand)
        # Another company's demands stay there, even for executives.
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.Demand.create({"name": "Foreign", "company_id": other.id})
        self.assertNotIn(foreign, Demand(self.gm).search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.gm).read(["name"])

    def test_monthly_report_figures(self):
        today = fields.Date.today()
        month = today.replace(day=1)
        evaluated_4 = self._done(self._demand(), score=4)
        evaluated_2 = self._done(self._demand(name="Price tags"), score=2)
        self._done(self._demand(name="Footfall counter"))
        self._demand(name="Loyalty export")
        # Received last month, done this month: counted as done only.
        evaluated_2.sudo().write({"date_received": month - relativedelta(days=3)})
        # Another company's demands are not in this company's report.
        other = self.env["res.company"].create({"name": "Other Co"})
        self.Demand.create({"name": "Foreign", "company_id": other.id})
        report = self.env["ops.project.monthly.report"]._ops_build(
            self.env.company, month
        )
        received = self.Demand.search_count(
            [
                ("company_id", "=", self.env.company.id),
                ("date_received", ">=", month),
            ]
        )
        self.assertEqual(report.demand_received, received)
        self.assertGreaterEqual(report.demand_received, 3)
        self.assertEqual(report.demand_done, 3)
        self.assertEqual(report.demand_evaluated, 2)
        self.assertAlmostEqual(report.demand_score_avg, 3.0)
        self.assertTrue(evaluated_4.evaluated_on)
        # In the files too.
        xlsx, _kind = self.env["ir.actions.report"]._render(
            "ops_project.monthly_report_xlsx", report.ids, {}
        )
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Average score (1-5)", strings)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ops_project.report_monthly_report", report.ids
        )
        self.assertIn("Average score (1-5)", html.decode())
        # Last month: one received, nothing done.
        previous = self.env["ops.project.monthly.report"]._ops_build(
            self.env.company, month - relativedelta(months=1)
        )
        self.assertEqual(previous.demand_done, 0)
        self.assertEqual(previous.demand_received, 1)

    def test_appraisal_figures(self):
        self._done(self._demand(), score=5)
        self._done(self._demand(name="Second"), score=2)
        self._done(self._demand(name="Third"))
        today = fields.Date.today()
        figures = self.Demand._ops_appraisal_figures(
            self.staff_b | self.staff_a, today.replace(day=1), today
        )
        self.assertEqual(
            figures[self.staff_b.id], {"done": 3, "evaluated": 2, "score_avg": 3.5}
        )
        self.assertEqual(
            figures[self.staff_a.id], {"done": 0, "evaluated": 0, "score_avg": 0.0}
        )
        # The team shares the task but the figures are the assignee's.
        demand = self._demand(name="Team work")
        demand.with_user(self.manager_a).write(
            {
                "project_id": self.support.id,
                "assignee_id": self.staff_b.id,
                "team_ids": [Command.set(self.sales.ids)],
            }
        )
        demand.with_user(self.manager_a).action_allocate()
        self.assertEqual(demand.task_id.user_ids, self.staff_b | self.sales)

    def test_appraisal_source(self):
        """The appraisal reads the assignee's evaluations when installed (it
        does not depend on this addon, nor this addon on it)."""
        if "ops.appraisal.indicator.source" not in self.env:
            self.skipTest("ops_appraisal is not installed")
        self._done(self._demand(), score=5)
        self._done(self._demand(name="Second"), score=3)
        employee = self.staff_b.employee_id
        today = fields.Date.today()
        Source = self.env["ops.appraisal.indicator.source"]
        value, note = Source._ops_read(
            "demand_evaluation", employee, today.replace(day=1), today
        )
        self.assertAlmostEqual(value, 80.0)
        self.assertIn("2", note)
        self.assertEqual(Source._ops_score("demand_evaluation", value, 0), 80.0)
        value, note = Source._ops_read(
            "demand_evaluation", employee, date(2020, 1, 1), date(2020, 1, 31)
        )
        self.assertIsNone(value)

    def test_form_allocation_for_managers_only(self):
        """The form lets only operations managers fill the allocation (the
        server refuses the others anyway, see above)."""
        for user, editable in ((self.staff_a, False), (self.manager_a, True)):
            arch = self.Demand.with_user(user).get_views([(False, "form")])["views"][
                "form"
            ]["arch"]
            tree = etree.fromstring(arch)
            fields_ = tree.xpath("//field[@name='assignee_id']")
            self.assertEqual(len(fields_), 1, user.login)
            self.assertEqual(fields_[0].get("readonly") == "1", not editable)

    # ------------------------------------------------------------------
    # Review fixes: creation, the people's company, the task's moves
    # ------------------------------------------------------------------
    def test_staff_creates_only_the_request(self):
        """A new demand is the request: a colleague named in it would see it
        at once (record rules), so the allocation stays the manager's even at
        creation, and nobody creates it already rejected or evaluated."""
        team = [Command.set(self.sales.ids)]
        for vals in (
            {"assignee_id": self.staff_b.id},
            {"team_ids": team},
            {"project_id": self.support.id},
        ):
            with self.assertRaises(AccessError):
                self._demand(**vals)
            # A context key is no key.
            with self.assertRaises(AccessError):
                self.Demand.with_user(self.staff_a).with_context(
                    ops_server=True
                ).create(dict(vals, name="Forged"))
        # Nor through the client's default values.
        with self.assertRaises(AccessError):
            self.Demand.with_user(self.staff_a).with_context(
                default_assignee_id=self.staff_b.id
            ).create({"name": "Defaulted"})
        for user in (self.staff_a, self.manager_a):
            for vals in (
                {"evaluation_score": 5},
                {"evaluation_comment": "Perfect"},
                {"reject_reason": "Not needed"},
            ):
                with self.assertRaises(UserError):
                    self._demand(user=user, **vals)
        # None of it reached the colleagues named.
        self.assertFalse(self.Demand.with_user(self.staff_b).search([]))
        self.assertFalse(self.Demand.with_user(self.sales).search([]))
        # The operations manager may allocate as they create.
        demand = self._demand(
            user=self.manager_a,
            project_id=self.support.id,
            assignee_id=self.staff_b.id,
            team_ids=team,
        )
        self.assertIs(demand.with_user(self.manager_a).action_allocate(), True)
        self.assertEqual(demand.task_id.user_ids, self.staff_b | self.sales)

    def test_people_of_the_demand_company(self):
        """The task is created by the server: the people it goes to are
        internal users of the demand's company, checked on the server."""
        other = self.env["res.company"].create({"name": "Other Co"})
        outsider = new_test_user(
            self.env,
            login="t_op_outsider",
            groups="ops_base.group_ops_user",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
            context=CTX,
        )
        portal = new_test_user(
            self.env, login="t_op_dem_portal", groups="base.group_portal", context=CTX
        )
        demand = self._demand()
        manager = demand.with_user(self.manager_a)
        for vals in (
            {"assignee_id": outsider.id},
            {"assignee_id": portal.id},
            {"team_ids": [Command.set((self.sales | outsider).ids)]},
        ):
            with self.assertRaises(ValidationError):
                manager.write(dict(vals, project_id=self.support.id))
        with self.assertRaises(ValidationError):
            self._demand(user=self.manager_a, assignee_id=outsider.id)
        # Someone who has left the company since the choice gets no task.
        leaver = new_test_user(
            self.env, login="t_op_leaver", groups="ops_base.group_ops_user", context=CTX
        )
        manager.write({"project_id": self.support.id, "assignee_id": leaver.id})
        leaver.write({"company_id": other.id, "company_ids": [Command.set(other.ids)]})
        with self.assertRaises(ValidationError):
            manager.action_allocate()
        self.assertFalse(demand.task_id)
        self.assertEqual(demand.state, "intake")

    def _shared_project(self):
        """A project shared with a portal collaborator who may edit its
        tasks (project sharing)."""
        portal = new_test_user(
            self.env, login="t_op_collab", groups="base.group_portal", context=CTX
        )
        project = self.env["project.project"].create(
            {
                "name": "Shared with the customer",
                "privacy_visibility": "portal",
                "collaborator_ids": [
                    Command.create({"partner_id": portal.partner_id.id})
                ],
            }
        )
        return project, portal

    def test_task_moves_the_demand_only_for_its_workers(self):
        project, portal = self._shared_project()
        demand = self._demand()
        demand.with_user(self.manager_a).write(
            {"project_id": project.id, "assignee_id": self.staff_b.id}
        )
        demand.with_user(self.manager_a).action_allocate()
        task = demand.task_id
        task.message_subscribe(partner_ids=portal.partner_id.ids)
        # The collaborator may close the task (project sharing) but not the
        # demand; neither may a colleague who is not working on it.
        task.with_user(portal).write({"state": "1_done"})
        self.assertEqual(task.state, "1_done")
        self.assertEqual(demand.state, "allocated")
        task.sudo().write({"state": "01_in_progress"})
        task.with_user(self.sales).write({"state": "1_done"})
        self.assertEqual(task.state, "1_done")
        self.assertEqual(demand.state, "allocated")
        self.assertFalse(demand.done_on)
        task.sudo().write({"state": "01_in_progress"})
        # Its assignee does.
        task.with_user(self.staff_b).write({"state": "1_done"})
        self.assertEqual(demand.state, "done")
        self.assertTrue(demand.activity_ids)

    @staticmethod
    def _chatter(record):
        return " ".join(str(body) for body in record.message_ids.mapped("body"))

    def test_task_cancel_and_reopen_move_the_demand_back(self):
        demand = self._demand()
        task = self._allocate(demand)
        assignee = task.with_user(self.staff_b)
        assignee.write({"state": "1_done"})
        self.assertEqual(demand.state, "done")
        # Saving the done task again is not a second completion.
        assignee.write({"state": "1_done"})
        self.assertEqual(len(demand.activity_ids), 1)
        # Reopened: in progress again, nothing left to evaluate, and said so.
        assignee.write({"state": "01_in_progress"})
        self.assertEqual(demand.state, "in_progress")
        self.assertFalse(demand.done_on)
        self.assertFalse(demand.activity_ids)
        self.assertIn("reopened", self._chatter(demand))
        with self.assertRaises(UserError):
            demand.with_user(self.staff_a).write({"evaluation_score": 4})
        # Cancelled: back to allocated, out of the month's done figures.
        assignee.write({"state": "1_done"})
        self.assertEqual(demand.state, "done")
        assignee.write({"state": "1_canceled"})
        self.assertEqual(demand.state, "allocated")
        self.assertFalse(demand.done_on)
        self.assertFalse(demand.activity_ids)
        self.assertIn("cancelled", self._chatter(demand))
        # Reopened after a cancel: allocated until its assignee starts it.
        assignee.write({"state": "01_in_progress"})
        self.assertEqual(demand.state, "allocated")
        demand.with_user(self.staff_b).action_start()
        # Done, then reopened through a change of project (Odoo resets the
        # state of a task moved to another project).
        assignee.write({"state": "1_done"})
        self.assertEqual(demand.state, "done")
        other = self.env["project.project"].create(
            {"name": "Elsewhere", "privacy_visibility": "employees"}
        )
        task.with_user(self.manager_a).write({"project_id": other.id})
        self.assertEqual(task.state, "01_in_progress")
        self.assertEqual(demand.state, "in_progress")
        # An evaluated demand stays evaluated whatever its task does.
        assignee.write({"state": "1_done"})
        demand.with_user(self.staff_a).write({"evaluation_score": 4})
        demand.with_user(self.staff_a).action_evaluate()
        assignee.write({"state": "01_in_progress"})
        self.assertEqual(demand.state, "evaluated")
