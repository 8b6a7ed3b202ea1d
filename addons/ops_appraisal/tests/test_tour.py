# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}
        cls.manager_user = new_test_user(
            cls.env,
            login="tour_appr_manager",
            password="tour_appr_manager",
            groups="ops_base.group_ops_manager",
            context=ctx,
        )
        cls.employee_user = new_test_user(
            cls.env,
            login="tour_appr_employee",
            password="tour_appr_employee",
            groups="ops_base.group_ops_user",
            context=ctx,
        )
        cls.hr_user = new_test_user(
            cls.env, login="tour_appr_hr", groups="ops_base.group_ops_hr", context=ctx
        )
        job = cls.env["hr.job"].create({"name": "Tour Analyst"})
        cls.env["ops.appraisal.template"].create(
            {
                "name": "Tour template",
                "job_ids": [(6, 0, job.ids)],
                "line_ids": [
                    (0, 0, {"name": "Sales", "dimension": "results", "weight": 100})
                ],
            }
        )
        dept = cls.env["hr.department"].create({"name": "Tour Department"})
        manager = cls.env["hr.employee"].create(
            {
                "name": "Tour Manager",
                "user_id": cls.manager_user.id,
                "department_id": dept.id,
            }
        )
        dept.manager_id = manager
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Tour Employee",
                "user_id": cls.employee_user.id,
                "department_id": dept.id,
                "job_id": job.id,
                "parent_id": manager.id,
            }
        )
        cls.cycle = cls.env["ops.appraisal.cycle"].create(
            {
                "name": "Tour quarter",
                "date_start": date(2024, 1, 1),
                "date_end": date(2024, 3, 31),
                "department_ids": [(6, 0, dept.ids)],
            }
        )
        cls.cycle.action_start()
        cls.appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.employee
        )

    def _url(self):
        return f"/odoo/action-ops_appraisal.hr_appraisal_action_ops/{self.appraisal.id}"

    def test_tour_employee_self_assessment(self):
        self.assertEqual(self.appraisal.ops_state, "self_assessment")
        self.start_tour(
            self._url(), "ops_appraisal_self_assessment", login="tour_appr_employee"
        )
        self.assertEqual(self.appraisal.ops_state, "manager_review")
        self.assertEqual(self.appraisal.ops_line_ids.self_score, 80)
        self.assertEqual(
            self.appraisal.ops_line_ids.self_comment, "Reached the sales target"
        )

    def test_tour_manager_scores_and_submits(self):
        self.appraisal.ops_line_ids.with_user(self.employee_user).write(
            {"self_score": 75}
        )
        self.appraisal.with_user(self.employee_user).action_ops_submit_self_assessment()
        self.start_tour(
            self._url(), "ops_appraisal_manager_scoring", login="tour_appr_manager"
        )
        self.assertEqual(self.appraisal.ops_line_ids.manager_score, 85)
        self.assertEqual(self.appraisal.validation_status, "pending")
        # The head submitted their own scores: HR approves, not the head.
        reviewers = self.appraisal.review_ids.reviewer_ids
        self.assertIn(self.hr_user, reviewers)
        self.assertNotIn(self.manager_user, reviewers)
        self.assertEqual(self.appraisal.ops_total_score, 85)
