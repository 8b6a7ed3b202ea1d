# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestSecurity(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle()
        cls.cycle.action_start()
        cls.Appraisal = cls.env["hr.appraisal"]

    def _read(self, appraisal, user):
        appraisal.with_user(user).invalidate_recordset()
        return appraisal.with_user(user).read(["ops_total_score", "ops_line_ids"])

    def _visible(self, user):
        return self.Appraisal.with_user(user).search(
            [("ops_cycle_id", "=", self.cycle.id)]
        )

    def test_employee_reads_own_only_when_allowed(self):
        own = self._appraisal(self.cycle, self.emp_a)
        other = self._appraisal(self.cycle, self.emp_b)
        # B's appraisal: never.
        with self.assertRaises(AccessError):
            self._read(other, self.a_user)
        self.assertEqual(self._visible(self.a_user), own)
        # Own, during self-assessment: yes (to fill it in).
        self._read(own, self.a_user)
        self._score(own, [80] * 9, "self_score", self.a_user)
        own.with_user(self.a_user).action_ops_submit_self_assessment()
        # Own, while scored and approved: no, not even its indicators.
        with self.assertRaises(AccessError):
            self._read(own, self.a_user)
        with self.assertRaises(AccessError):
            own.ops_line_ids[0].with_user(self.a_user).read(["manager_score"])
        self.assertFalse(self._visible(self.a_user))
        self._score(own, [80] * 9, user=self.head_user)
        own.with_user(self.head_user).action_ops_submit_approval()
        with self.assertRaises(AccessError):
            self._read(own, self.a_user)
        own.with_user(self.hr_user).validate_tier()
        # Published: readable, with the scores.
        data = self._read(own, self.a_user)
        self.assertAlmostEqual(data[0]["ops_total_score"], 80.0)
        with self.assertRaises(AccessError):
            self._read(other, self.a_user)

    def test_manager_reads_team_not_other_department(self):
        team = self._visible(self.head_user)
        self.assertEqual(
            team.employee_id, self.head | self.emp_a | self.emp_b | self.emp_c
        )
        appraisal_d = self._appraisal(self.cycle, self.emp_d)
        with self.assertRaises(AccessError):
            self._read(appraisal_d, self.head_user)
        self._read(appraisal_d, self.other_head_user)
        self.assertEqual(
            self._visible(self.other_head_user).employee_id,
            self.other_head | self.emp_d,
        )

    def test_hr_reads_all_executive_by_hierarchy_only(self):
        # Both departments: two heads and four staff.
        self.assertEqual(len(self.cycle.appraisal_ids), 6)
        self.assertEqual(self._visible(self.hr_user), self.cycle.appraisal_ids)
        # The general manager is no one's manager here: sees nothing.
        self.assertFalse(self._visible(self.exec_user))

    def test_employee_never_reads_disciplinary_records(self):
        Measure = self.env["ops.disciplinary.measure"]
        on_b = Measure.with_user(self.head_user).create(
            {"name": "Late", "employee_id": self.emp_b.id, "incident": "Late 3 times"}
        )
        on_a = Measure.with_user(self.hr_user).create(
            {
                "name": "Rude",
                "employee_id": self.emp_a.id,
                "incident": "Rude to a client",
            }
        )
        for measure in (on_a, on_b):
            with self.assertRaises(AccessError):
                measure.with_user(self.a_user).read(["name"])
        self.assertFalse(Measure.with_user(self.a_user).search([]))
        # Not even their own record.
        self.assertFalse(Measure.with_user(self.a_user).search([("id", "=", on_a.id)]))
        # Managers of the employee and HR read it; another department's head
        # does not.
        on_b.with_user(self.head_user).read(["name"])
        on_b.with_user(self.hr_user).read(["name"])
        with self.assertRaises(AccessError):
            on_b.with_user(self.other_head_user).read(["name"])

    def test_measures_shown_to_appraiser_only(self):
        from datetime import date

        measure = self.env["ops.disciplinary.measure"].create(
            {
                "name": "Warning",
                "employee_id": self.emp_a.id,
                "incident": "Missed the weekly report",
                "measure": "verbal_warning",
                "state": "in_force",
                "effective_date": date(2025, 2, 1),
            }
        )
        penalty = self.env["ops.accountability"].create(
            {
                "name": "Complaint closed at fault",
                "employee_id": self.emp_a.id,
                "decision": "penalty",
                "points": -2,
                "date": date(2025, 3, 1),
            }
        )
        appraisal = self._appraisal(self.cycle, self.emp_a)
        as_head = appraisal.with_user(self.head_user)
        self.assertEqual(as_head.ops_disciplinary_ids, measure)
        self.assertEqual(as_head.ops_accountability_ids, penalty)
        as_a = appraisal.with_user(self.a_user)
        self.assertFalse(as_a.ops_disciplinary_ids)
        self.assertFalse(as_a.ops_accountability_ids)
