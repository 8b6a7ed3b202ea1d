# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTrainingTour(HttpCase):
    """HR plans a training in the browser; the employee attends it and
    evaluates it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}
        cls.hr_user = new_test_user(
            cls.env,
            login="tour_train_hr",
            password="tour_train_hr",
            groups="ops_base.group_ops_hr",
            context=ctx,
        )
        cls.trainee_user = new_test_user(
            cls.env,
            login="tour_train_employee",
            password="tour_train_employee",
            groups="ops_base.group_ops_user",
            context=ctx,
        )
        Employee = cls.env["hr.employee"]
        Employee.create({"name": "Tour HR", "user_id": cls.hr_user.id})
        cls.trainee = Employee.create(
            {"name": "Tour Trainee", "user_id": cls.trainee_user.id}
        )
        category = cls.env["hr.course.category"].create({"name": "Tour Category"})
        cls.env["hr.course"].create({"name": "Tour Course", "category_id": category.id})

    def test_hr_plans_employee_attends_and_evaluates(self):
        self.start_tour(
            "/odoo/action-ops_appraisal.ops_training_plan_action/new",
            "ops_appraisal_training_plan",
            login="tour_train_hr",
        )
        line = self.env["ops.training.plan.line"].search(
            [("name", "=", "Service quality training")]
        )
        self.assertEqual(line.plan_id.state, "confirmed")
        self.assertEqual(line.employee_ids, self.trainee)
        self.assertEqual(line.budget, 800)
        attendee = line.schedule_id.course_attendee_ids
        self.assertEqual(attendee.employee_id, self.trainee)
        self.start_tour(
            "/odoo/action-ops_appraisal.hr_course_attendee_action_mine",
            "ops_appraisal_training_attend",
            login="tour_train_employee",
        )
        self.assertTrue(attendee.ops_attended)
        self.assertEqual(attendee.ops_evaluation_score, "4")
        self.assertEqual(attendee.ops_evaluation_comment, "Clear and practical")
        self.assertEqual(line.evaluation_score, 4.0)
