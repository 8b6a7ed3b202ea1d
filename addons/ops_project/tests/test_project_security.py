# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsProjectCase


@tagged("post_install", "-at_install")
class TestProjectVisibility(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        proposal = OpsProjectCase._proposal(cls, name="Dept A rollout")
        proposal.request_validation()
        OpsProjectCase._approve(cls, proposal, cls.manager_a)
        proposal.with_user(cls.manager_a).action_create_project()
        cls.project_a = cls.env["project.project"].browse(proposal.project_id.id)
        # Nobody follows the project: only the rules give access now.
        cls.project_a.message_unsubscribe(
            partner_ids=cls.project_a.message_partner_ids.ids
        )
        cls.project_a.user_id = False
        cls.task_a = cls.env["project.task"].create(
            {"name": "Install servers", "project_id": cls.project_a.id}
        )
        cls.task_a.message_unsubscribe(partner_ids=cls.task_a.message_partner_ids.ids)
        # A newcomer of department A, who joined after the project was made.
        cls.newcomer_a = new_test_user(
            cls.env,
            login="t_op_newcomer_a",
            groups="ops_base.group_ops_user",
            context=CTX,
        )
        Employee.create(
            {
                "name": "Newcomer A",
                "user_id": cls.newcomer_a.id,
                "department_id": cls.dept_a.id,
            }
        )

    def test_department_staff_see_their_operations_project(self):
        self.assertEqual(self.project_a.ops_department_id, self.dept_a)
        self.assertFalse(self.project_a.message_partner_ids)
        project = self.project_a.with_user(self.newcomer_a)
        self.assertEqual(project.name, self.project_a.name)
        self.assertEqual(len(project.milestone_ids), 6)
        self.assertEqual(self.task_a.with_user(self.newcomer_a).name, "Install servers")
        self.assertIn(
            self.project_a,
            self.env["project.project"].with_user(self.newcomer_a).search([]),
        )
        # Staff read, they do not edit the project itself.
        with self.assertRaises(AccessError):
            project.write({"description": "<p>edited</p>"})

    def test_other_department_is_refused(self):
        for user in (self.staff_b, self.manager_b):
            with self.assertRaises(AccessError):
                _name = self.project_a.with_user(user).name
            with self.assertRaises(AccessError):
                _name = self.task_a.with_user(user).name
            with self.assertRaises(AccessError):
                _name = self.project_a.milestone_ids[:1].with_user(user).name
            self.assertNotIn(
                self.project_a,
                self.env["project.project"].with_user(user).search([]),
            )

    def test_department_manager_edits_without_following(self):
        self.assertNotIn(self.manager_a.partner_id, self.project_a.message_partner_ids)
        project = self.project_a.with_user(self.manager_a)
        project.write({"description": "<p>Reviewed by the manager</p>"})
        self.assertIn("Reviewed by the manager", str(self.project_a.description))
        self.task_a.with_user(self.manager_a).write({"name": "Install racks"})
        self.assertEqual(self.task_a.name, "Install racks")
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.manager_b).write({"name": "Taken over"})

    def test_executive_sees_all(self):
        self.assertEqual(self.project_a.with_user(self.gm).name, self.project_a.name)

    def test_other_projects_keep_odoo_rules(self):
        Project = self.env["project.project"]
        open_project = Project.create(
            {"name": "Open to employees", "privacy_visibility": "employees"}
        )
        private = Project.create(
            {
                "name": "Private, not operations",
                "privacy_visibility": "followers",
                "ops_department_id": self.dept_a.id,
            }
        )
        private.message_unsubscribe(partner_ids=private.message_partner_ids.ids)
        self.assertEqual(open_project.with_user(self.staff_b).name, "Open to employees")
        with self.assertRaises(AccessError):
            _name = private.with_user(self.newcomer_a).name
        private.message_subscribe(partner_ids=self.staff_b.partner_id.ids)
        self.assertEqual(
            private.with_user(self.staff_b).name, "Private, not operations"
        )
