# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestMilestoneCheck(OpsProjectCase):
    def setUp(self):
        super().setUp()
        self.project = self._approved_project(department_id=self.dept_a.id)
        self.milestones = self.project.milestone_ids.sorted("id")

    def test_check_needs_result(self):
        milestone = self.milestones[0].with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "result"):
            milestone.action_ops_check()
        with self.assertRaises(AccessError):
            milestone.write({"ops_checked_on": date(2026, 1, 1)})
        milestone.ops_result = "Equipment on site, two days late."
        self.assertIs(milestone.action_ops_check(), True)
        self.assertEqual(milestone.ops_checked_by_id, self.manager_a)
        self.assertTrue(milestone.ops_checked_on)

    def _escalations(self):
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "project.project"),
                ("res_id", "=", self.project.id),
                ("user_id", "=", self.manager_a.id),
            ]
        )
        notes = self.env["mail.message"].search(
            [
                ("model", "=", "project.project"),
                ("res_id", "=", self.project.id),
                ("body", "ilike", "is late"),
                # not the inbox message telling the leaders
                ("message_type", "!=", "user_notification"),
            ]
        )
        return activities, notes

    def test_late_milestone_escalated_once(self):
        today = date(2030, 1, 10)
        late = self.milestones[:2]
        late.write({"deadline": date(2030, 1, 5), "is_reached": False})
        (self.milestones - late).write({"deadline": date(2030, 2, 1)})
        Milestone = self.env["project.milestone"]
        Milestone._cron_escalate_late_milestones(today)
        leaders = Milestone._ops_leaders(self.project)
        self.assertIn(self.manager_a, leaders)
        activities, notes = self._escalations()
        self.assertEqual(len(activities), 1, "one activity per project and leader")
        self.assertEqual(late.mapped("ops_escalated_on"), [today, today])
        self.assertFalse((self.milestones - late).mapped("ops_escalated_on")[0])
        self.assertEqual(len(notes), 1)
        for milestone in late:
            self.assertIn(milestone.name, notes.body)
        # The next day: nothing escalated twice.
        Milestone._cron_escalate_late_milestones(date(2030, 1, 11))
        self.assertEqual(self._escalations(), (activities, notes))
