# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestMultiCompany(AppraisalCase):
    """Company B gets what company A gets, and each stays within itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Appraisal Co B"})
        ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}

        def user_b(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company_b.id,
                company_ids=[(6, 0, cls.company_b.ids)],
                context=ctx,
            )

        cls.hr_b = user_b("t_appr_hr_b", "ops_base.group_ops_hr")
        cls.head_b_user = user_b("t_appr_head_b", "ops_base.group_ops_manager")
        Employee = cls.env["hr.employee"].with_company(cls.company_b)
        cls.dept_b = cls.env["hr.department"].create(
            {"name": "B Operations", "company_id": cls.company_b.id}
        )
        cls.head_b = Employee.create(
            {
                "name": "B Head",
                "user_id": cls.head_b_user.id,
                "department_id": cls.dept_b.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.dept_b.manager_id = cls.head_b
        # No user: appraised by the manager directly (no self-assessment).
        cls.promoter_b = Employee.create(
            {
                "name": "B Promoter",
                "department_id": cls.dept_b.id,
                "job_id": cls.job_marketing.id,
                "parent_id": cls.head_b.id,
                "company_id": cls.company_b.id,
            }
        )
        Employee.create(
            {"name": "B HR", "user_id": cls.hr_b.id, "company_id": cls.company_b.id}
        )

    def _cycle_b(self, **vals):
        values = {
            "name": "B 2025 Q1",
            "date_start": date(2025, 1, 1),
            "date_end": date(2025, 3, 31),
            "department_ids": [(6, 0, self.dept_b.ids)],
            "base_bonus": 800.0,
        }
        values.update(vals)
        return self.env["ops.appraisal.cycle"].with_user(self.hr_b).create(values)

    def test_new_company_gets_grade_bands_and_templates(self):
        Grade = self.env["ops.appraisal.grade"]
        Template = self.env["ops.appraisal.template"]
        bands_a = Grade._ops_bands(self.company_a)
        bands_b = Grade._ops_bands(self.company_b)
        self.assertEqual(bands_b.mapped("code"), bands_a.mapped("code"))
        self.assertEqual(
            bands_b.mapped("bonus_coefficient"), bands_a.mapped("bonus_coefficient")
        )
        templates_b = Template.search([("company_id", "=", self.company_b.id)])
        self.assertEqual(
            sorted(templates_b.mapped("role")),
            [
                "customer",
                "data_analyst",
                "general",
                "marketing",
                "product",
                "product_manager",
            ],
        )
        for template in templates_b:
            self.assertEqual(template.total_weight, 100, template.name)
        self.assertEqual(len(templates_b.filtered("is_default")), 1)
        # Running the defaults again (install hook, upgrade) adds nothing.
        self.company_b._ops_appraisal_ensure_defaults()
        self.assertEqual(
            Template.search_count([("company_id", "=", self.company_b.id)]), 6
        )
        self.assertEqual(len(Grade._ops_bands(self.company_b)), 4)

    def test_cycle_in_second_company_creates_its_appraisals(self):
        cycle = self._cycle_b()
        self.assertEqual(cycle.company_id, self.company_b)
        self.assertIs(cycle.with_user(self.hr_b).action_start(), True)
        appraisals = cycle.appraisal_ids
        self.assertEqual(appraisals.employee_id, self.head_b | self.promoter_b)
        self.assertEqual(appraisals.ops_template_id.company_id, self.company_b)
        promoter = appraisals.filtered(lambda a: a.employee_id == self.promoter_b)
        self.assertEqual(promoter.ops_template_id.role, "marketing")
        self.assertEqual(promoter.ops_state, "manager_review")
        # Scored by B's head, approved by B's HR only (never A's HR).
        self._score(promoter, [85] * 9, user=self.head_b_user)
        promoter.with_user(self.head_b_user).action_ops_submit_approval()
        reviewers = promoter.review_ids.reviewer_ids
        self.assertIn(self.hr_b, reviewers)
        self.assertNotIn(self.hr_user, reviewers)
        for reviewer in reviewers:
            self.assertIn(self.company_b, reviewer.company_ids)
        with self.assertRaises(UserError):
            promoter.with_user(self.hr_user).validate_tier()
        promoter.with_user(self.hr_b).validate_tier()
        self.assertEqual(promoter.ops_state, "published")
        self.assertEqual(promoter.ops_grade_id.company_id, self.company_b)
        self.assertEqual(promoter.ops_grade_id.code, "B")
        self.assertAlmostEqual(promoter.ops_bonus_amount, 800 * 1.2)

    def test_users_of_a_do_not_see_b(self):
        cycle = self._cycle_b()
        cycle.with_user(self.hr_b).action_start()
        appraisal = cycle.appraisal_ids[:1]
        # A's HR reads every appraisal of A, none of B.
        Appraisal = self.env["hr.appraisal"].with_user(self.hr_user)
        self.assertFalse(Appraisal.search([("ops_cycle_id", "=", cycle.id)]))
        with self.assertRaises(AccessError):
            appraisal.with_user(self.hr_user).read(["ops_total_score"])
        with self.assertRaises(AccessError):
            appraisal.ops_line_ids[:1].with_user(self.hr_user).read(["manager_score"])
        with self.assertRaises(AccessError):
            cycle.with_user(self.hr_user).action_start()
        honour = (
            self.env["ops.honour"]
            .with_user(self.hr_b)
            .create(
                {
                    "name": "B award",
                    "employee_id": self.promoter_b.id,
                    "reason": "Best of B",
                }
            )
        )
        self.assertEqual(honour.company_id, self.company_b)
        for user in (self.hr_user, self.exec_user, self.d_user):
            self.assertFalse(
                self.env["ops.honour"].with_user(user).search([("id", "=", honour.id)])
            )
        # A's HR cannot start a cycle for B either.
        with self.assertRaises(AccessError):
            self.env["ops.appraisal.cycle"].with_user(self.hr_user).create(
                {
                    "name": "Sneaky",
                    "date_start": date(2025, 4, 1),
                    "date_end": date(2025, 6, 30),
                    "company_id": self.company_b.id,
                }
            )

    def test_improvement_plan_of_b_invisible_to_a(self):
        cycle = self._cycle_b()
        cycle.with_user(self.hr_b).action_start()
        promoter = cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == self.promoter_b
        )
        self._score(promoter, [40] * 9, user=self.head_b_user)
        promoter.with_user(self.head_b_user).action_ops_submit_approval()
        promoter.with_user(self.hr_b).validate_tier()
        plan = promoter.ops_improvement_plan_ids
        self.assertEqual(plan.company_id, self.company_b)
        Plan = self.env["ops.appraisal.improvement.plan"]
        self.assertFalse(Plan.with_user(self.hr_user).search([("id", "=", plan.id)]))
        self.assertEqual(Plan.with_user(self.hr_b).search([("id", "=", plan.id)]), plan)
        with self.assertRaises(AccessError):
            plan.action_ids[:1].with_user(self.hr_user).read(["name"])

    def _assert_start_refused(self, cycle, reason):
        with self.assertRaises(UserError) as caught:
            cycle.with_user(self.hr_b).action_start()
        self.assertIn(reason, str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(cycle.state, "draft")
        self.assertFalse(cycle.appraisal_ids)

    def test_cycle_creating_nothing_says_why(self):
        empty_dept = self.env["hr.department"].create(
            {"name": "B Empty", "company_id": self.company_b.id}
        )
        self._assert_start_refused(
            self._cycle_b(department_ids=[(6, 0, empty_dept.ids)]),
            "no employee of Appraisal Co B is in its scope",
        )
        # Everyone hired after the middle of the period.
        (self.head_b | self.promoter_b).write({"ops_hire_date": date(2025, 9, 1)})
        late = self._cycle_b(
            name="B Q3", date_start=date(2025, 7, 1), date_end=date(2025, 9, 30)
        )
        self._assert_start_refused(late, "hired after the middle of the period")
        (self.head_b | self.promoter_b).write({"ops_hire_date": False})
        # No template for anybody (templates archived).
        templates = self.env["ops.appraisal.template"].search(
            [("company_id", "=", self.company_b.id)]
        )
        templates.write({"active": False})
        cycle = self._cycle_b(
            name="B Q2", date_start=date(2025, 4, 1), date_end=date(2025, 6, 30)
        )
        self._assert_start_refused(cycle, "No KPI template of Appraisal Co B applies")
        templates.write({"active": True})
        # No grade bands.
        self.env["ops.appraisal.grade"].search(
            [("company_id", "=", self.company_b.id)]
        ).write({"active": False})
        self._assert_start_refused(cycle, "Appraisal Co B has no grade bands")

    def test_cron_starts_each_company_alone(self):
        """One company's cycle that cannot start does not stop the others;
        a company without staff gets no empty cycle."""
        self.env["ops.appraisal.template"].search(
            [("company_id", "=", self.company_b.id)]
        ).write({"active": False})
        company_c = self.env["res.company"].create({"name": "Appraisal Co C"})
        Cycle = self.env["ops.appraisal.cycle"]
        with mute_logger("odoo.addons.ops_appraisal.models.ops_appraisal_cycle"):
            self.assertIs(Cycle._cron_start_cycles(today=date(2025, 4, 3)), True)
        quarter = [("period_type", "=", "quarterly"), ("date_start", "=", "2025-01-01")]
        cycle_a = Cycle.search([("company_id", "=", self.company_a.id)] + quarter)
        cycle_b = Cycle.search([("company_id", "=", self.company_b.id)] + quarter)
        self.assertEqual(cycle_a.state, "in_progress")
        self.assertTrue(cycle_a.appraisal_ids)
        self.assertEqual(cycle_b.state, "draft")
        self.assertFalse(cycle_b.appraisal_ids)
        self.assertFalse(Cycle.search([("company_id", "=", company_c.id)]))

    def test_scoring_scale_shared_or_per_company(self):
        Scale = self.env["ops.appraisal.scale.level"]
        shared = self.env.ref("ops_appraisal.scale_5")
        own_b = Scale.create(
            {
                "name": "B outstanding",
                "score_min": 95,
                "score_max": 100,
                "company_id": self.company_b.id,
            }
        )
        seen_by_a = Scale.with_user(self.hr_user).search([])
        seen_by_b = Scale.with_user(self.hr_b).search([])
        self.assertIn(shared, seen_by_a)
        self.assertIn(shared, seen_by_b)
        self.assertIn(own_b, seen_by_b)
        self.assertNotIn(own_b, seen_by_a)
