# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestImprovementPlanClosing(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        depts = [(6, 0, cls.dept.ids)]
        cls.q1 = cls._make_cycle(department_ids=depts)
        cls.q1.action_start()
        cls.q2 = cls._make_cycle(
            name="2025 Q2",
            date_start=date(2025, 4, 1),
            date_end=date(2025, 6, 30),
            department_ids=depts,
        )
        cls.q2.action_start()

    def test_closes_only_when_the_follow_up_passes(self):
        failed = self._publish(self._appraisal(self.q1, self.emp_c), [50] * 9)
        plan = failed.ops_improvement_plan_ids
        self.assertEqual(plan.required_grade_id.code, "C")
        as_head = plan.with_user(self.head_user)
        as_head.action_ids.write({"done": True})
        # Every action done, no follow-up: not closed.
        with self.assertRaises(UserError):
            as_head.action_close()
        # The failed appraisal itself is no follow-up.
        as_head.follow_up_appraisal_id = failed
        with self.assertRaises(UserError):
            as_head.action_close()
        # The follow-up, not yet published, does not count either.
        follow_up = self._appraisal(self.q2, self.emp_c)
        as_head.follow_up_appraisal_id = follow_up
        with self.assertRaises(UserError):
            as_head.action_close()
        self._publish(follow_up, [70] * 9)
        self.assertEqual(follow_up.ops_grade_id.code, "C")
        self.assertIs(as_head.action_close(), True)
        self.assertEqual(plan.state, "closed")

    def test_failing_follow_up_keeps_it_open(self):
        failed = self._publish(self._appraisal(self.q1, self.emp_b), [40] * 9)
        plan = failed.ops_improvement_plan_ids
        as_head = plan.with_user(self.head_user)
        as_head.action_ids.write({"done": True})
        follow_up = self._publish(self._appraisal(self.q2, self.emp_b), [55] * 9)
        as_head.follow_up_appraisal_id = follow_up
        with self.assertRaises(UserError):
            as_head.action_close()
        # A higher requirement is not met by a C either.
        self.assertEqual(plan.state, "open")

    def test_hr_closes_with_a_reason_only(self):
        failed = self._publish(self._appraisal(self.q1, self.emp_a), [40] * 9)
        plan = failed.ops_improvement_plan_ids
        # A manager's reason does not close it; HR's does.
        plan.with_user(self.head_user).close_reason = "He is doing better"
        with self.assertRaises(UserError):
            plan.with_user(self.head_user).action_close()
        as_hr = plan.with_user(self.hr_user)
        as_hr.close_reason = ""
        with self.assertRaises(UserError):
            as_hr.action_close()
        as_hr.close_reason = "Transferred to another company"
        self.assertIs(as_hr.action_close(), True)
        self.assertEqual(plan.state, "closed")
        # The employee followed cannot close their own plan.
        with self.assertRaises(AccessError):
            plan.with_user(self.a_user).action_reopen()


@tagged("post_install", "-at_install")
class TestTrainingAndCareer(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["hr.course.category"].create({"name": "Ops Test Category"})
        cls.course = cls.env["hr.course"].create(
            {"name": "Data analysis basics", "category_id": category.id}
        )

    def _plan(self, user=None):
        plan = (
            self.env["ops.training.plan"]
            .with_user(user or self.hr_user)
            .create(
                {
                    "name": "2026 operations training plan",
                    "year": 2026,
                    "department_id": self.dept.id,
                    "budget": 5000,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Data analysis for customer operations",
                                "course_id": self.course.id,
                                "level": "junior",
                                "job_ids": [(6, 0, self.job_customer.ids)],
                                "date_start": date(2026, 3, 2),
                                "date_end": date(2026, 3, 3),
                                "budget": 1200,
                            },
                        )
                    ],
                }
            )
        )
        return plan

    def test_only_hr_plans(self):
        for user in (self.head_user, self.a_user):
            with self.assertRaises(AccessError):
                self._plan(user)
        with self.assertRaises(UserError):
            self.env["ops.training.plan"].with_user(self.hr_user).create(
                {
                    "name": "Over budget",
                    "budget": 100,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "x",
                                "course_id": self.course.id,
                                "date_start": date(2026, 1, 1),
                                "date_end": date(2026, 1, 2),
                                "budget": 1000,
                            },
                        )
                    ],
                }
            )

    def test_graded_by_post_attended_and_evaluated(self):
        plan = self._plan()
        line = plan.line_ids
        line.action_fill_participants()
        # The customer operations staff of the department, not the others.
        self.assertEqual(line.employee_ids, self.emp_b)
        with self.assertRaises(UserError):
            line.action_schedule()  # the plan is not confirmed
        with self.assertRaises(AccessError):
            plan.with_user(self.head_user).action_confirm()
        plan.action_confirm()
        line.action_schedule()
        schedule = line.schedule_id
        self.assertEqual(schedule.state, "in_progress")
        attendee = schedule.course_attendee_ids
        self.assertEqual(attendee.employee_id, self.emp_b)
        # Only the participant confirms and evaluates.
        for user in (self.a_user, self.head_user):
            with self.assertRaises(AccessError):
                attendee.with_user(user).action_ops_confirm_attendance()
        mine = attendee.with_user(self.b_user)
        with self.assertRaises(UserError):
            mine.action_ops_evaluate()  # attendance first
        self.assertIs(mine.action_ops_confirm_attendance(), True)
        action = mine.action_ops_evaluate()
        self.assertEqual(action["res_model"], "ops.training.evaluation.wizard")
        wizard = (
            self.env["ops.training.evaluation.wizard"]
            .with_user(self.b_user)
            .with_context(**action["context"])
            .create({"score": "4", "comment": "Useful exercises"})
        )
        wizard.action_submit()
        self.assertEqual(attendee.ops_evaluation_score, "4")
        self.assertEqual(line.evaluation_score, 4.0)
        with self.assertRaises(UserError):
            mine._ops_submit_evaluation("5", "again")
        # The evaluation is not written by hand.
        with self.assertRaises(AccessError):
            mine.with_context(ops_server=True).write({"ops_evaluation_score": "5"})

    def test_evaluation_by_survey(self):
        survey = self.env["survey.survey"].create(
            {"title": "Training evaluation", "access_mode": "token"}
        )
        plan = self._plan()
        line = plan.line_ids
        line.write({"employee_ids": [(6, 0, self.emp_b.ids)], "survey_id": survey.id})
        plan.action_confirm()
        line.action_schedule()
        attendee = line.schedule_id.course_attendee_ids.with_user(self.b_user)
        attendee.action_ops_confirm_attendance()
        action = attendee.action_ops_evaluate()
        self.assertEqual(action["type"], "ir.actions.act_url")
        answer = attendee.ops_survey_answer_id
        self.assertEqual(answer.survey_id, survey)
        self.assertEqual(answer.partner_id, self.b_user.partner_id)
        self.assertIn(answer.access_token, action["url"])
        # HR records the result of the session (attendance).
        attendee.with_user(self.hr_user).result = "passed"
        self.assertEqual(attendee.result, "passed")

    def test_career_plan_from_the_appraisal(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        appraisal = self._publish(self._appraisal(cycle, self.emp_a), [85] * 9)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.a_user).action_ops_career_plan()
        action = appraisal.with_user(self.head_user).action_ops_career_plan()
        plan = (
            self.env["ops.career.plan"]
            .with_user(self.head_user)
            .with_context(**action["context"])
            .create({"target_job_id": self.job_product.id})
        )
        self.assertEqual(plan.appraisal_id, appraisal)
        self.assertEqual(plan.grade_id.code, "B")
        again = appraisal.with_user(self.head_user).action_ops_career_plan()
        self.assertEqual(again["res_id"], plan.id)

    def test_career_plan_agreed_by_managers(self):
        Plan = self.env["ops.career.plan"]
        with self.assertRaises(AccessError):
            Plan.with_user(self.other_head_user).create({"employee_id": self.emp_a.id})
        with self.assertRaises(AccessError):
            Plan.with_user(self.a_user).create({"employee_id": self.emp_a.id})
        plan = Plan.with_user(self.head_user).create(
            {
                "employee_id": self.emp_a.id,
                "target_job_id": self.job_product.id,
                "goals": "<p>Lead a campaign</p>",
            }
        )
        plan.action_start()
        self.assertEqual(plan.state, "active")
        # The employee reads their plan; a peer does not.
        self.assertTrue(plan.with_user(self.a_user).name)
        self.assertFalse(Plan.with_user(self.b_user).search([("id", "=", plan.id)]))
        with self.assertRaises(AccessError):
            plan.with_user(self.a_user).action_achieve()


@tagged("post_install", "-at_install")
class TestMeetings(AppraisalCase):
    def test_missing_minutes_raise_one_activity(self):
        start = fields.Datetime.now().replace(microsecond=0) - timedelta(days=15)
        meeting = (
            self.env["ops.meeting"]
            .with_user(self.head_user)
            .create(
                {
                    "name": "Weekly operations meeting",
                    "department_id": self.dept.id,
                    "attendee_ids": [(6, 0, (self.a_user | self.b_user).ids)],
                    "first_start": start,
                    "weeks": 4,
                }
            )
        )
        occurrences = meeting._ops_occurrences()
        self.assertEqual(len(occurrences), 4)
        Meeting = self.env["ops.meeting"]
        Meeting._cron_missing_minutes()
        # 15 and 8 days ago: two past meetings without minutes.
        minutes = meeting.minutes_ids
        self.assertEqual(len(minutes), 2)
        activities = minutes.activity_ids
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.head_user)
        # Once only.
        Meeting._cron_missing_minutes()
        meeting.invalidate_recordset()
        self.assertEqual(len(meeting.minutes_ids), 2)
        self.assertEqual(len(meeting.minutes_ids.activity_ids), 2)
        # Publishing the minutes assigns the action items.
        first = minutes.sorted("date")[0].with_user(self.head_user)
        with self.assertRaises(UserError):
            first.action_publish()  # empty
        first.write(
            {
                "content": "<p>Reviewed the weekly figures</p>",
                "item_ids": [
                    (0, 0, {"kind": "decision", "name": "Launch the spring campaign"}),
                    (
                        0,
                        0,
                        {
                            "kind": "action",
                            "name": "Send the campaign brief",
                            "user_id": self.a_user.id,
                            "deadline": date.today() + timedelta(days=3),
                        },
                    ),
                ],
            }
        )
        # An attendee does not publish the organizer's minutes.
        with self.assertRaises(AccessError):
            first.with_user(self.a_user).action_publish()
        first.action_publish()
        self.assertEqual(first.state, "published")
        self.assertEqual(first.activity_ids.user_id, self.a_user)
        self.assertEqual(first.activity_ids.summary, "Send the campaign brief")
        with self.assertRaises(UserError):
            first.write({"content": "<p>Rewritten</p>"})
        with self.assertRaises(UserError):
            first.item_ids[0].write({"name": "Cancel the campaign"})
        with self.assertRaises(UserError):
            self.env["ops.meeting.item"].with_user(self.head_user).create(
                {"minutes_id": first.id, "name": "Added afterwards"}
            )
        # Attendees do not rewrite the meeting itself.
        with self.assertRaises(AccessError):
            meeting.with_user(self.a_user).write({"organizer_id": self.a_user.id})
        # A user of another department does not see the meeting.
        self.assertFalse(
            Meeting.with_user(self.d_user).search([("id", "=", meeting.id)])
        )


@tagged("post_install", "-at_install")
class TestConfidentiality(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.honour = (
            cls.env["ops.honour"]
            .with_user(cls.head_user)
            .create(
                {
                    "name": "Outstanding employee",
                    "employee_id": cls.emp_a.id,
                    "reason": "Best sales",
                }
            )
        )
        cls.honour.request_validation()
        cls.honour.with_user(cls.exec_user).validate_tier()
        cls.honour = cls.honour.with_env(cls.env)
        assert cls.honour.state == "approved"

    def _open(self, record, user):
        return record.with_user(user).web_read({"name": {}})

    def test_nda_required_for_operations_positions(self):
        company = self.env.company
        company.write(
            {
                "ops_nda_required": True,
                "ops_nda_job_ids": [(6, 0, self.job_customer.ids)],
            }
        )
        # B (customer operations) has no NDA: no operations record opens.
        with self.assertRaises(AccessError):
            self._open(self.honour, self.b_user)
        # Over RPC too (read, search_read).
        with self.assertRaises(AccessError):
            self.honour.with_user(self.b_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["ops.honour"].with_user(self.b_user).search_read(
                [("id", "=", self.honour.id)], ["name"]
            )
        # A (marketing) is not concerned.
        self._open(self.honour, self.a_user)
        with self.assertRaises(AccessError):
            self.env["ops.nda"].with_user(self.b_user).create(
                {
                    "employee_id": self.emp_b.id,
                    "signed_date": date.today(),
                    "document": "UERG",
                }
            )
        self.env["ops.nda"].with_user(self.hr_user).create(
            {
                "employee_id": self.emp_b.id,
                "signed_date": date.today(),
                "document": "UERG",
            }
        )
        self._open(self.honour, self.b_user)

    def test_form_reads_get_a_read_write_cursor(self):
        # The web client's /web/dataset/call_kw picks a read-only cursor when
        # the first web_read of the model's classes says so (api.readonly);
        # the access log written on opening a form needs a read/write one.
        for model in ("ops.honour", "hr.appraisal"):
            readonly = next(
                cls.web_read._readonly
                for cls in type(self.env[model]).mro()
                if hasattr(getattr(cls, "web_read", None), "_readonly")
            )
            self.assertFalse(readonly, model)
        self.assertTrue(type(self.env["res.partner"]).web_read._readonly)

    def test_access_outside_the_department_logged_for_executives(self):
        Log = self.env["ops.access.log"]
        self._open(self.honour, self.a_user)  # A's own department
        self._open(self.honour, self.head_user)
        self.assertFalse(Log.search([("res_id", "=", self.honour.id)]))
        self._open(self.honour, self.d_user)
        self._open(self.honour, self.d_user)
        logs = Log.search(
            [("res_model", "=", "ops.honour"), ("res_id", "=", self.honour.id)]
        )
        self.assertEqual(len(logs), 1, "once a day per user and record")
        self.assertEqual(logs.user_id, self.d_user)
        self.assertEqual(logs.department_id, self.dept)
        self.assertEqual(logs.user_department_id, self.other_dept)
        self.assertTrue(Log.with_user(self.exec_user).search([("id", "=", logs.id)]))
        for user in (self.d_user, self.head_user, self.hr_user):
            with self.assertRaises(AccessError):
                Log.with_user(user).search([("id", "=", logs.id)])
            with self.assertRaises(AccessError):
                Log.with_user(user).create(
                    {
                        "day": date.today(),
                        "user_id": user.id,
                        "res_model": "ops.honour",
                        "res_id": 1,
                    }
                )
