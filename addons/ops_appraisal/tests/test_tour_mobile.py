# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestTourMobile(HttpCase, AppraisalCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_tour_phone_self_assessment(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        appraisal = self._appraisal(cycle, self.emp_a)
        lines = appraisal.ops_line_ids.sorted()
        # The first indicator is scored in the browser, the others here.
        rest = [(1, line.id, {"self_score": 70}) for line in lines[1:]]
        appraisal.with_user(self.a_user).write({"ops_line_ids": rest})
        self.start_tour(
            f"/odoo/action-ops_appraisal.hr_appraisal_action_ops/{appraisal.id}",
            "ops_appraisal_mobile_self_assessment",
            login=self.a_user.login,
        )
        self.assertEqual(appraisal.ops_state, "manager_review")
        self.assertEqual(lines[0].self_score, 85)
