# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Value-added product track (增值产品管理办法): product committee and design
review, test records and quality targets before launch, checklist items
checked only by their department, the technical department a launch step."""

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CTX, DOC, OpsProjectCase

VALUE_ADDED_KINDS = {"unit", "integration", "system", "compatibility"}


@tagged("post_install", "-at_install")
class TestValueAdded(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.tech_boss = new_test_user(
            env,
            login="t_va_tech_boss",
            groups="ops_base.group_ops_manager",
            context=CTX,
        )
        cls.tech_staff = new_test_user(
            env, login="t_va_tech_staff", groups="ops_base.group_ops_user", context=CTX
        )
        cls.dept_tech = env["hr.department"].create({"name": "Technical"})
        Employee = env["hr.employee"]
        boss = Employee.create(
            {
                "name": "Tech boss",
                "user_id": cls.tech_boss.id,
                "department_id": cls.dept_tech.id,
            }
        )
        cls.dept_tech.manager_id = boss
        Employee.create(
            {
                "name": "Tech staff",
                "user_id": cls.tech_staff.id,
                "department_id": cls.dept_tech.id,
                "parent_id": boss.id,
            }
        )
        cls.company.ops_technical_department_id = cls.dept_tech
        cls.Review = env["ops.project.product.review"]
        cls.Target = env["ops.project.quality.target"]

    def _value_added_project(self):
        project = self._approved_project(value_added=True)
        self.assertTrue(project.ops_value_added)
        return project

    def _line(self, launch, kind):
        return launch.line_ids.filtered(lambda line: line.kind == kind)

    def _check_all(self, launch):
        """Each department checks its own items (tests with their record)."""
        launch = launch.sudo()
        tech = launch.line_ids.filtered(
            lambda line: line.department_id == self.dept_tech
        )
        tests = tech.filtered("is_test")
        tests.with_user(self.tech_staff).write({"result": "pass", "evidence": DOC})
        tech.with_user(self.tech_staff).action_check()
        (launch.line_ids - tech).with_user(self.staff_a).action_check()

    def _review(self, kind, members, user=None):
        user = user or self.staff_a
        project = self._project
        review = self.Review.with_user(user).create(
            {"name": f"{kind} review", "kind": kind, "project_id": project.id}
        )
        # Who sits on it is the operations manager's choice.
        review.with_user(self.manager_a).member_ids = [Command.set(members.ids)]
        return review

    def _approved_reviews(self, project):
        self._project = project
        committee = self._review("committee", self.office | self.board | self.gm)
        committee.with_user(self.staff_a).request_validation()
        self._approve(committee, self.office)
        self._approve(committee, self.board)
        self.assertEqual(committee.state, "approved")
        design = self._review("design", self.tech_boss | self.manager_a)
        design.with_user(self.staff_a).request_validation()
        self._approve(design, self.tech_boss)
        self._approve(design, self.manager_a)
        self.assertEqual(design.state, "approved")
        return committee | design

    # Checklist ---------------------------------------------------------------

    def test_value_added_checklist_and_departments(self):
        project = self._value_added_project()
        launch = project.sudo().ops_launch_id
        self.assertTrue(VALUE_ADDED_KINDS <= set(launch.line_ids.mapped("kind")))
        for line in launch.line_ids:
            expected = (
                self.dept_a
                if line.kind in ("compliance", "training")
                else self.dept_tech
            )
            self.assertEqual(line.department_id, expected, line.kind)
        # A project that is no value-added product has no test records to give.
        plain = self._approved_project().sudo().ops_launch_id
        self.assertFalse(VALUE_ADDED_KINDS & set(plain.line_ids.mapped("kind")))
        # The flag is the approval's (or the operations manager's) decision:
        # nobody writes it by hand, and staff cannot take the action.
        with self.assertRaises(AccessError):
            plain.project_id.with_user(self.manager_a).ops_value_added = True
        with self.assertRaises(AccessError):
            plain.with_user(self.staff_a).action_add_value_added_items()
        self.assertFalse(plain.project_id.ops_value_added)
        # Put on the track later: the manager adds the track's tests.
        plain.with_user(self.manager_a).action_add_value_added_items()
        self.assertTrue(plain.project_id.ops_value_added)
        self.assertTrue(VALUE_ADDED_KINDS <= set(plain.line_ids.mapped("kind")))
        self.assertEqual(
            self._line(plain, "compatibility").department_id, self.dept_tech
        )

    def test_track_not_left_by_hand(self):
        project = self._value_added_project()
        with self.assertRaises(AccessError):
            project.with_user(self.manager_a).write({"ops_value_added": False})
        self.assertTrue(project.ops_value_added)

    def test_wrong_department_refused(self):
        project = self._value_added_project()
        launch = project.sudo().ops_launch_id
        security = self._line(launch, "security")
        compliance = self._line(launch, "compliance")
        # The project's own staff and its department manager can write the
        # checklist but do not answer for the technical department.
        for user in (self.staff_a, self.manager_a):
            with self.assertRaises(AccessError) as err:
                security.with_user(user).action_check()
            self.assertIn("Technical", str(err.exception))
        # Nor the other way round.
        with self.assertRaises(AccessError):
            compliance.with_user(self.tech_staff).action_check()
        # Over RPC: the tick's fields are the server's, a context key sent by
        # the client unlocks nothing, and the item cannot be re-assigned.
        forged = security.with_user(self.staff_a).with_context(ops_server=True)
        with self.assertRaises(AccessError):
            forged.write(
                {"done": True, "done_by_id": self.staff_a.id, "done_on": "2026-01-01"}
            )
        with self.assertRaises(AccessError):
            forged.action_check()
        with self.assertRaises(AccessError):
            security.with_user(self.staff_a).write({"department_id": self.dept_a.id})
        self.assertFalse(security.done)
        self.assertEqual(security.department_id, self.dept_tech)
        # The department's member and its manager answer for it.
        self.assertIs(security.with_user(self.tech_staff).action_check(), True)
        self.assertEqual(security.done_by_id, self.tech_staff)
        security.with_user(self.tech_boss).action_uncheck()
        self.assertFalse(security.done)
        security.with_user(self.tech_boss).action_check()
        self.assertEqual(security.done_by_id, self.tech_boss)
        compliance.with_user(self.staff_a).action_check()
        self.assertTrue(compliance.done)
        # The operations manager re-assigns an item.
        compliance.with_user(self.manager_a).action_uncheck()
        compliance.with_user(self.manager_a).write({"department_id": self.dept_tech.id})
        with self.assertRaises(AccessError):
            compliance.with_user(self.staff_a).action_check()

    def test_test_records(self):
        project = self._value_added_project()
        launch = project.sudo().ops_launch_id
        unit = self._line(launch, "unit").with_user(self.tech_staff)
        with self.assertRaises(UserError):
            unit.action_check()
        unit.write({"result": "fail", "evidence": DOC})
        with self.assertRaises(UserError):
            unit.action_check()
        unit.write({"result": "pass", "evidence": False})
        with self.assertRaises(UserError):
            unit.action_check()
        # Only the assigned department fills the test record in.
        with self.assertRaises(AccessError):
            unit.with_user(self.staff_a).write({"evidence": DOC})
        unit.write({"evidence": DOC})
        unit.action_check()
        self.assertTrue(unit.done)
        # A ticked test keeps the record it was ticked on.
        with self.assertRaises(UserError):
            unit.write({"result": "fail"})

    # Launch -------------------------------------------------------------------

    def test_value_added_launch_gate(self):
        project = self._value_added_project()
        launch = project.sudo().ops_launch_id
        self._check_all(launch)
        as_staff = launch.with_user(self.staff_a)
        with self.assertRaises(UserError) as err:
            as_staff.request_validation()
        self.assertIn("Product Committee Review", str(err.exception))
        self._approved_reviews(project)
        with self.assertRaises(UserError) as err:
            as_staff.request_validation()
        self.assertIn("quality targets", str(err.exception))
        target = self.Target.with_user(self.staff_a).create(
            {
                "project_id": project.id,
                "name": "Defect density",
                "metric": "defect_density",
                "direction": "max",
                "target": 0.5,
            }
        )
        pass_rate = self.Target.with_user(self.staff_a).create(
            {
                "project_id": project.id,
                "name": "Pass rate",
                "metric": "pass_rate",
                "direction": "min",
                "target": 95,
            }
        )
        # The technical department measures them.
        target.with_user(self.tech_staff).write({"actual": 0.8, "measured": True})
        pass_rate.with_user(self.tech_staff).write({"actual": 98, "measured": True})
        self.assertTrue(pass_rate.met)
        self.assertFalse(target.met)
        with self.assertRaises(UserError) as err:
            as_staff.request_validation()
        self.assertIn("Defect density", str(err.exception))
        self.assertFalse(launch.review_ids)
        # Waived only by the operations manager, with a reason, by the action.
        with self.assertRaises(AccessError):
            target.with_user(self.staff_a).write({"waived": True})
        target.with_user(self.staff_a).waiver_reason = "Known defects"
        with self.assertRaises(AccessError):
            target.with_user(self.staff_a).action_waive()
        target.sudo().waiver_reason = False
        with self.assertRaises(UserError):
            target.with_user(self.manager_a).action_waive()
        target.with_user(self.manager_a).write(
            {"waiver_reason": "Minor defects, fixed in the first update"}
        )
        target.with_user(self.manager_a).action_waive()
        self.assertTrue(target.waived)
        self.assertEqual(target.waived_by_id, self.manager_a)
        # The waiver covers the values it was given for.
        with self.assertRaises(UserError):
            target.with_user(self.tech_staff).write({"actual": 3.0})
        as_staff.request_validation()
        # Under review, the targets no longer change.
        with self.assertRaises(UserError):
            target.with_user(self.manager_a).action_unwaive()
        # The technical department's manager accepts first.
        with self.assertRaises(UserError):
            launch.with_user(self.manager_a).validate_tier()
        self._approve(launch, self.tech_boss)
        self._approve(launch, self.manager_a)
        self._approve(launch, self.gm)
        self.assertEqual(launch.state, "accepted")

    def test_technical_tier_on_every_launch(self):
        project = self._approved_project()
        launch = project.sudo().ops_launch_id
        self._check_all(launch)
        launch.with_user(self.staff_a).request_validation()
        technical = launch.review_ids.filtered(
            lambda r: r.definition_id
            == self.env.ref("ops_project.tier_launch_technical")
        )
        self.assertEqual(technical.reviewer_ids, self.tech_boss)
        self.assertEqual(len(launch.review_ids), 3)
        with self.assertRaises(UserError):
            launch.with_user(self.manager_a).validate_tier()
        self._approve(launch, self.tech_boss)
        self._approve(launch, self.manager_a)
        self._approve(launch, self.gm)
        self.assertEqual(launch.state, "accepted")

    def test_technical_department_without_manager(self):
        project = self._approved_project()
        launch = project.sudo().ops_launch_id
        self._check_all(launch)
        self.dept_tech.manager_id = False
        with self.assertRaises(UserError) as err:
            launch.with_user(self.staff_a).request_validation()
        self.assertIn("no manager", str(err.exception))
        self.assertFalse(launch.review_ids)

    # Reviews ------------------------------------------------------------------

    def test_design_review_needs_every_member(self):
        project = self._value_added_project()
        self._project = project
        design = self._review("design", self.tech_boss | self.manager_a)
        # The organiser sits in no review they submit.
        bad = self._review("committee", self.staff_a | self.gm)
        with self.assertRaises(UserError):
            bad.with_user(self.staff_a).request_validation()
        # Only the organiser or an operations manager submits it.
        with self.assertRaises(AccessError):
            design.with_user(self.tech_staff).request_validation()
        design.with_user(self.staff_a).request_validation()
        # A non-member cannot decide, nor rewrite the members under vote.
        with self.assertRaises(UserError):
            design.with_user(self.gm).validate_tier()
        with self.assertRaises(UserError):
            design.with_user(self.manager_a).write(
                {"member_ids": [Command.set(self.gm.ids)]}
            )
        with self.assertRaises(UserError):
            design.with_user(self.staff_a).write({"state": "approved"})
        self._approve(design, self.tech_boss)
        self.assertEqual(design.state, "draft")
        self._reject(design, self.manager_a)
        self.assertEqual(design.state, "rejected")
        with self.assertRaises(UserError):
            design.with_user(self.staff_a).write({"conclusion": "<p>Fine</p>"})
        design.with_user(self.staff_a).action_draft()
        self.assertEqual(design.state, "draft")
        self.assertFalse(design.review_ids)

    def test_committee_majority(self):
        project = self._value_added_project()
        self._project = project
        committee = self._review("committee", self.office | self.board | self.gm)
        committee.with_user(self.staff_a).request_validation()
        self._reject(committee, self.office)
        self.assertEqual(committee.state, "draft")
        self._reject(committee, self.board)
        self.assertEqual(committee.state, "rejected")

    # Self-certification and packing ------------------------------------------

    def test_quality_target_not_self_certified(self):
        """The project sets its targets, but neither lowers them afterwards
        nor measures itself: either would turn a miss into a pass."""
        project = self._value_added_project()
        as_staff = self.Target.with_user(self.staff_a)
        vals = {
            "project_id": project.id,
            "name": "Defect density",
            "metric": "defect_density",
            "direction": "max",
            "target": 0.5,
        }
        # A measured value is the technical department's, even at creation.
        with self.assertRaises(AccessError):
            as_staff.create(dict(vals, actual=0.1, measured=True))
        target = as_staff.create(vals)
        target.with_user(self.tech_staff).write({"actual": 0.8, "measured": True})
        self.assertFalse(target.met)
        # Neither the project's lead nor the technical department changes what
        # the target demands; a context key sent by a client unlocks nothing.
        for vals in ({"target": 1.0}, {"direction": "min"}, {"metric": "other"}):
            for user in (self.staff_a, self.tech_staff):
                with self.assertRaises(AccessError):
                    target.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            target.with_user(self.staff_a).with_context(ops_server=True).write(
                {"target": 1.0}
            )
        # Only the technical department measures: not the project's lead, not
        # an operations manager of the project's department.
        for vals in ({"actual": 0.1}, {"measured": False}):
            for user in (self.staff_a, self.manager_a):
                with self.assertRaises(AccessError):
                    target.with_user(user).write(vals)
        self.assertEqual((target.target, target.actual), (0.5, 0.8))
        self.assertFalse(target.met)
        # The operations manager revises the target, the technical department
        # measures again.
        target.with_user(self.manager_a).write({"target": 1.0})
        self.assertTrue(target.met)
        target.with_user(self.tech_boss).write({"actual": 1.2})
        self.assertFalse(target.met)

    def test_review_filed_by_the_project_only(self):
        """Nobody convenes a review of somebody else's project, nor picks its
        members: one friendly member would carry the committee's majority."""
        project = self._value_added_project()
        vals = {"name": "Packed", "kind": "committee", "project_id": project.id}
        # Neither another department's staff nor its operations manager.
        for user in (self.staff_b, self.manager_b):
            with self.assertRaises(AccessError):
                self.Review.with_user(user).create(dict(vals))
        with self.assertRaises(AccessError):
            self.Review.with_user(self.staff_b).with_context(ops_server=True).create(
                dict(vals)
            )
        # The project's lead files it, but does not choose who sits on it.
        members = [Command.set(self.tech_staff.ids)]
        with self.assertRaises(AccessError):
            self.Review.with_user(self.staff_a).create(dict(vals, member_ids=members))
        review = self.Review.with_user(self.staff_a).create(dict(vals))
        with self.assertRaises(AccessError):
            review.with_user(self.staff_a).write({"member_ids": members})
        self.assertFalse(review.member_ids)
        # Nor moves it onto a project they do not lead.
        other = self._approved_project(user=self.staff_b)
        with self.assertRaises(AccessError):
            review.with_user(self.staff_a).write({"project_id": other.id})
        self.assertEqual(review.project_id, project)
        # The operations manager in charge names the members, and files
        # reviews of the project too.
        review.with_user(self.manager_a).write({"member_ids": members})
        self.assertEqual(review.member_ids, self.tech_staff)
        self.assertTrue(self.Review.with_user(self.manager_a).create(dict(vals)))

    def test_checklist_item_keeps_kind_and_tick(self):
        project = self._value_added_project()
        launch = project.sudo().ops_launch_id
        compliance = self._line(launch, "compliance")
        compliance.with_user(self.staff_a).action_check()
        # A ticked item is not re-typed into a test (that would count without
        # its record), nor moved onto another acceptance.
        compliance.with_user(self.staff_a).write({"kind": "compliance"})
        for user in (self.staff_a, self.manager_a):
            with self.assertRaises(UserError):
                compliance.with_user(user).write({"kind": "unit"})
        other = self._approved_project().sudo().ops_launch_id
        with self.assertRaises(UserError):
            compliance.with_user(self.manager_a).write({"launch_id": other.id})
        self.assertEqual(compliance.kind, "compliance")
        self.assertEqual(compliance.launch_id, launch)
        # Re-assigned, a ticked test is answered for again by its new
        # department: the tick and the result do not carry over.
        unit = self._line(launch, "unit")
        unit.with_user(self.tech_staff).write({"result": "pass", "evidence": DOC})
        unit.with_user(self.tech_staff).action_check()
        unit.with_user(self.manager_a).write({"department_id": self.dept_a.id})
        self.assertFalse(unit.done)
        self.assertFalse(unit.done_by_id)
        self.assertFalse(unit.result)
        with self.assertRaises(UserError):
            unit.with_user(self.staff_a).action_check()

    def test_project_page_opens_the_records(self):
        """Plain users cannot write the project: its value-added page lists the
        reviews and targets read-only and opens them in their own forms."""
        project = self._value_added_project()
        view = self.env.ref("project.edit_project")
        arch = project.with_user(self.staff_a).get_views([(view.id, "form")])
        doc = etree.fromstring(arch["views"]["form"]["arch"])
        for field, action in (
            ("ops_product_review_ids", "ops_project_product_review_action"),
            ("ops_quality_target_ids", "ops_project_quality_target_action"),
        ):
            node = doc.xpath(f"//field[@name='{field}']")
            self.assertTrue(node, field)
            self.assertIn(node[0].get("readonly"), ("1", "True"), field)
            action_id = self.env.ref(f"ops_project.{action}").id
            self.assertTrue(doc.xpath(f"//button[@name='{action_id}']"), action)
        with self.assertRaises(AccessError):
            project.with_user(self.staff_a).write(
                {"ops_quality_target_ids": [Command.create({"name": "T", "target": 1})]}
            )
        # Opened from the page, the records are created with the project set.
        review = (
            self.Review.with_user(self.staff_a)
            .with_context(default_project_id=project.id)
            .create({"name": "Product plan"})
        )
        self.assertEqual(review.project_id, project)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Co VA"})
        project = self.env["project.project"].create(
            {
                "name": "Other VA",
                "company_id": other.id,
                "ops_is_operations": True,
                "ops_department_id": self.dept_a.id,
                "ops_value_added": True,
                "user_id": self.staff_a.id,
            }
        )
        # The staff member organises it, yet it stays in its own company.
        review = self.Review.create(
            {
                "name": "Other review",
                "project_id": project.id,
                "kind": "design",
                "user_id": self.staff_a.id,
            }
        )
        target = self.Target.create(
            {"name": "Other target", "project_id": project.id, "target": 1}
        )
        self.staff_a.company_ids |= other
        self.assertTrue(
            self.Review.with_user(self.staff_a)
            .with_context(allowed_company_ids=other.ids)
            .search([("id", "=", review.id)])
        )
        self.assertTrue(
            self.Target.with_user(self.staff_a)
            .with_context(allowed_company_ids=other.ids)
            .search([("id", "=", target.id)])
        )
        self.staff_a.company_ids -= other
        self.assertFalse(
            self.Review.with_user(self.staff_a).search([("id", "=", review.id)])
        )
        self.assertFalse(
            self.Target.with_user(self.staff_a).search([("id", "=", target.id)])
        )
        with self.assertRaises(AccessError):
            review.with_user(self.staff_a).read(["name"])
