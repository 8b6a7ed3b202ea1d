# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestFeedback(ServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["project.project"].create({"name": "Product Team"})
        cls.manager.groups_id += cls.env.ref("project.group_project_user")

    def _send(self, ticket, user):
        action = ticket.with_user(user).action_ops_create_task()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.project_id = self.project
        return wizard.save().action_create_task()

    def test_feedback_task_links_both_ways_and_notifies(self):
        ticket = self._ticket(self.cat_feedback)
        self._send(ticket, self.manager)
        task = ticket.task_id
        self.assertTrue(task)
        self.assertEqual(task.project_id, self.project)
        self.assertEqual(ticket.project_id, self.project)
        self.assertIn(ticket, task.ticket_ids)
        self.assertEqual(ticket.task_stage_id, task.stage_id)
        self.assertEqual(task.partner_id, self.customer)

        before = ticket.message_ids
        task.state = "1_done"
        posted = ticket.message_ids - before
        self.assertTrue(
            posted.filtered(
                lambda m: m.message_type == "comment" and "is done" in str(m.body)
            )
        )
        self.assertIn(self.customer, ticket.message_partner_ids)
        # Saving the done task again does not notify twice.
        count = len(ticket.message_ids)
        task.state = "1_done"
        self.assertEqual(len(ticket.message_ids), count)

    def test_only_feedback_and_faults(self):
        ticket = self._ticket(self.cat_complaint)
        with self.assertRaisesRegex(UserError, "Only feedback and fault"):
            self._send(ticket, self.manager)
