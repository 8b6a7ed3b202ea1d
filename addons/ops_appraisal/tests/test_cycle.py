# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestCycle(AppraisalCase):
    def test_start_twice_creates_once_with_role_templates(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        self.assertEqual(cycle.state, "in_progress")
        appraisals = cycle.appraisal_ids
        # Head + three staff of three roles.
        self.assertEqual(
            appraisals.employee_id, self.head | self.emp_a | self.emp_b | self.emp_c
        )
        expected = {
            self.emp_a: "ops_appraisal.template_marketing",
            self.emp_b: "ops_appraisal.template_customer",
            self.emp_c: "ops_appraisal.template_product",
            self.head: "ops_appraisal.template_general",
        }
        for employee, xmlid in expected.items():
            appraisal = self._appraisal(cycle, employee)
            template = self.env.ref(xmlid)
            self.assertEqual(appraisal.ops_template_id, template)
            self.assertEqual(
                appraisal.ops_line_ids.mapped(
                    lambda r: (r.name, r.dimension, r.weight)
                ),
                template.line_ids.mapped(lambda r: (r.name, r.dimension, r.weight)),
            )
            self.assertEqual(appraisal.ops_state, "self_assessment")
            self.assertEqual(appraisal.ops_base_bonus, 1000.0)
        # Second start (button) and the scheduled action: nothing new.
        cycle.action_start()
        self.env["ops.appraisal.cycle"]._cron_start_cycles(today=date(2025, 4, 2))
        self.assertEqual(len(cycle.appraisal_ids), 4)
        self.assertEqual(
            self.env["hr.appraisal"].search_count([("ops_cycle_id", "=", cycle.id)]), 4
        )

    def test_sql_unique_per_cycle(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["hr.appraisal"].create(
                {
                    "employee_id": self.emp_a.id,
                    "ops_cycle_id": cycle.id,
                    "date_close": date(2025, 4, 15),
                }
            )
            self.env.flush_all()

    def test_scope_filters(self):
        cycle = self._make_cycle(job_ids=[(6, 0, self.job_customer.ids)])
        cycle.action_start()
        self.assertEqual(cycle.appraisal_ids.employee_id, self.emp_b | self.emp_d)

    def test_hired_during_period(self):
        """Rule: hired after the midpoint (2025-02-14 for Q1) → skipped;
        hired on or before it → appraised with a prorated bonus."""
        self.emp_a.ops_hire_date = date(2025, 2, 15)  # after midpoint
        self.emp_b.ops_hire_date = date(2025, 2, 14)  # the midpoint itself
        self.emp_c.ops_hire_date = date(2024, 6, 1)  # before the period
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        self.assertEqual(cycle._ops_midpoint(), date(2025, 2, 14))
        cycle.action_start()
        self.assertFalse(self._appraisal(cycle, self.emp_a))
        self.assertIn(self.emp_a, cycle.skipped_employee_ids)
        appraisal_b = self._appraisal(cycle, self.emp_b)
        # 2025-02-14 → 2025-03-31 = 46 days of 90.
        self.assertAlmostEqual(appraisal_b.ops_prorata, round(46 / 90, 4))
        self.assertEqual(self._appraisal(cycle, self.emp_c).ops_prorata, 1.0)

    def test_only_hr_starts(self):
        cycle = self._make_cycle()
        with self.assertRaises(UserError):
            cycle.with_user(self.head_user).action_start()
        self.assertFalse(cycle.appraisal_ids)

    def test_cron_creates_period_cycle_once(self):
        Cycle = self.env["ops.appraisal.cycle"]
        Cycle._cron_start_cycles(today=date(2025, 4, 3))
        cycle = Cycle.search(
            [
                ("period_type", "=", "quarterly"),
                ("date_start", "=", date(2025, 1, 1)),
                ("date_end", "=", date(2025, 3, 31)),
            ]
        )
        self.assertEqual(len(cycle), 1)
        self.assertEqual(cycle.state, "in_progress")
        count = len(cycle.appraisal_ids)
        self.assertTrue(count)
        Cycle._cron_start_cycles(today=date(2025, 4, 3))
        self.assertEqual(Cycle.search_count([("date_start", "=", date(2025, 1, 1))]), 1)
        self.assertEqual(len(cycle.appraisal_ids), count)

    def test_no_self_assessment_without_user_or_when_template_says_so(self):
        no_user = self.env["hr.employee"].create(
            {
                "name": "Warehouse helper",
                "department_id": self.dept.id,
                "parent_id": self.head.id,
            }
        )
        self.env.ref("ops_appraisal.template_customer").self_assessment = False
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        self.assertEqual(self._appraisal(cycle, no_user).ops_state, "manager_review")
        self.assertEqual(self._appraisal(cycle, self.emp_b).ops_state, "manager_review")
        self.assertEqual(
            self._appraisal(cycle, self.emp_a).ops_state, "self_assessment"
        )
