# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestResult(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()

    def test_weighted_score_grade_bonus(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        # Marketing template weights: 20 15 15 | 10 10 10 | 8 6 6.
        self.assertEqual(
            appraisal.ops_line_ids.mapped("weight"), [20, 15, 15, 10, 10, 10, 8, 6, 6]
        )
        self._publish(appraisal, [90, 80, 70, 90, 80, 70, 90, 80, 70])
        # (20·90 + 15·80 + 15·70 + 10·90 + 10·80 + 10·70 + 8·90 + 6·80 + 6·70)
        # / 100 = 8070 / 100 = 80.70
        self.assertAlmostEqual(appraisal.ops_total_score, 80.70, places=2)
        self.assertEqual(appraisal.ops_grade_id, self.env.ref("ops_appraisal.grade_b"))
        self.assertEqual(appraisal.ops_bonus_coefficient, 1.2)
        self.assertAlmostEqual(appraisal.ops_bonus_amount, 1200.0, places=2)
        self.assertAlmostEqual(appraisal.ops_self_score, 70.0, places=2)
        self.assertFalse(appraisal.ops_improvement_plan_ids)
        self.assertFalse(appraisal.ops_recommendation, "quarterly: no recommendation")

    def test_band_boundaries(self):
        """Lower bound inclusive, upper bound exclusive."""
        Grade = self.env["ops.appraisal.grade"]
        bands = Grade._ops_bands(self.env.company)
        cases = {
            100: "A",
            90: "A",
            89.99: "B",
            80: "B",
            79.99: "C",
            60: "C",
            59.99: "D",
            0: "D",
        }
        for score, code in cases.items():
            self.assertEqual(Grade._ops_grade_for(score, bands).code, code, score)

    def test_boundary_on_appraisals_and_failing_plan(self):
        appraisal_b = self._appraisal(self.cycle, self.emp_b)
        self._publish(appraisal_b, [90] * 9)
        self.assertAlmostEqual(appraisal_b.ops_total_score, 90.0)
        self.assertEqual(appraisal_b.ops_grade_id.code, "A")
        self.assertAlmostEqual(appraisal_b.ops_bonus_amount, 1500.0)

        appraisal_c = self._appraisal(self.cycle, self.emp_c)
        self._publish(appraisal_c, [59.99] * 9)
        self.assertAlmostEqual(appraisal_c.ops_total_score, 59.99)
        self.assertEqual(appraisal_c.ops_grade_id.code, "D")
        self.assertEqual(appraisal_c.ops_bonus_amount, 0.0)
        plan = appraisal_c.ops_improvement_plan_ids
        self.assertEqual(len(plan), 1, "a failing grade opens an improvement plan")
        self.assertEqual(plan.state, "open")
        self.assertEqual(
            set(plan.action_ids.mapped("action_type")), {"training", "coaching"}
        )
        # Idempotent.
        appraisal_c._ops_open_improvement_plans()
        self.assertEqual(len(appraisal_c.ops_improvement_plan_ids), 1)
        # The plan is tracked until closed: not before every action is done.
        plan_as_head = plan.with_user(self.head_user)
        with self.assertRaises(UserError):
            plan_as_head.action_close()
        plan_as_head.action_ids.write({"done": True})
        # Actions done is not enough: the follow-up appraisal must pass, or
        # HR closes with a reason (see test_development.py).
        with self.assertRaises(UserError):
            plan_as_head.action_close()
        plan.with_user(self.hr_user).close_reason = "Moved to another role"
        plan.with_user(self.hr_user).action_close()
        self.assertEqual(plan.state, "closed")
        # The employee reads their plan, a peer does not see it.
        self.assertTrue(plan.with_user(self.c_user).name)
        self.assertFalse(
            self.env["ops.appraisal.improvement.plan"]
            .with_user(self.a_user)
            .search([("id", "=", plan.id)])
        )

    def test_annual_recommendation_and_proration(self):
        annual = self._make_cycle(
            name="2025",
            period_type="annual",
            date_start=date(2025, 1, 1),
            date_end=date(2025, 12, 31),
            department_ids=[(6, 0, self.dept.ids)],
        )
        annual.action_start()
        appraisal = self._appraisal(annual, self.emp_a)
        self._publish(appraisal, [95] * 9)
        self.assertEqual(appraisal.ops_grade_id.code, "A")
        self.assertEqual(appraisal.ops_recommendation, "promotion")
        self.assertEqual(appraisal.ops_bonus_amount, 0.0, "annual: no quarterly bonus")
