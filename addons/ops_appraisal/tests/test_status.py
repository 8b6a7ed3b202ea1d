# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestEmployeeStatus(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()

    def _inbox(self, user):
        return self.env["mail.message"].search(
            [
                ("partner_ids", "in", user.partner_id.ids),
                ("model", "=", "hr.appraisal"),
            ]
        )

    def test_employee_sees_status_not_scores(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        employee = self.a_user
        Status = self.env["ops.appraisal.status"].with_user(employee)
        self.assertEqual(Status.search([]).appraisal_id, appraisal)
        n = len(appraisal.ops_line_ids)
        self._score(appraisal, [70] * n, "self_score", employee)
        before = self._inbox(employee)
        action = appraisal.with_user(employee).action_ops_submit_self_assessment()
        # Stays on their status, with the banner of the next step.
        self.assertEqual(action["res_model"], "ops.appraisal.status")
        self.assertEqual(action["res_id"], appraisal.id)
        Status.invalidate_model()
        status = Status.browse(appraisal.id)
        self.assertEqual(status.ops_state, "manager_review")
        self.assertIn("manager is scoring", status.status_message)
        self.assertFalse(status.can_open)
        self.assertFalse(
            {"manager_score", "self_score", "ops_total_score"} & set(Status._fields)
        )
        # ... and a message in their inbox.
        self.assertTrue(self._inbox(employee) - before)
        # The appraisal itself stays closed to them until published.
        Appraisal = self.env["hr.appraisal"].with_user(employee)
        self.assertFalse(Appraisal.search([("id", "=", appraisal.id)]))
        # Colleagues never read someone else's status.
        other = self.env["ops.appraisal.status"].with_user(self.b_user)
        self.assertNotIn(appraisal.id, other.search([]).ids)
        self._publish(appraisal, [80] * n)
        self.env.flush_all()
        Status.invalidate_model()
        self.assertEqual(status.ops_state, "published")
        self.assertTrue(status.can_open)
        self.assertEqual(status.action_open_appraisal()["res_id"], appraisal.id)
