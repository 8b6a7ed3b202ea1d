# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestDisciplineDowngrade(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr2_user = new_test_user(
            cls.env, login="t_appr_hr2", groups="ops_base.group_ops_hr"
        )
        cls.Measure = cls.env["ops.disciplinary.measure"]

    def _critical_warning(self, user, reason="First offence, full cooperation"):
        return self.Measure.with_user(user).create(
            {
                "name": "Leaked a report",
                "employee_id": self.emp_b.id,
                "incident": "Sent the monthly figures to a supplier.",
                "severity": "critical",
                "measure": "verbal_warning",
                "downgrade_reason": reason,
            }
        )

    def test_lighter_measure_needs_a_reason(self):
        with self.assertRaises(ValidationError):
            self._critical_warning(self.hr_user, reason="")
        measure = self._critical_warning(self.hr_user)
        self.assertTrue(measure.ops_downgraded)
        self.assertEqual(measure.minimum_measure, "dismissal")
        # The minimum itself, or heavier, is not a downgrade.
        normal = self.Measure.with_user(self.hr_user).create(
            {
                "name": "Late",
                "employee_id": self.emp_b.id,
                "incident": "Late.",
                "severity": "moderate",
                "measure": "demotion",
            }
        )
        self.assertFalse(normal.ops_downgraded)

    def test_critical_downgrade_needs_hr_and_general_manager(self):
        measure = self._critical_warning(self.hr_user)
        measure.request_validation()
        # Manager (warning), then HR, then the GM (downgrade of a critical).
        self.assertEqual(len(measure.review_ids), 3)
        measure.with_user(self.head_user).validate_tier()
        # The manager's approval alone does not put it in force.
        with self.assertRaises(ValidationError):
            measure.with_user(self.head_user).action_put_in_force()
        measure.with_user(self.hr2_user).validate_tier()
        with self.assertRaises(ValidationError):
            measure.with_user(self.head_user).action_put_in_force()
        measure.with_user(self.exec_user).validate_tier()
        self.assertEqual(measure.validation_status, "validated")
        measure.with_user(self.head_user).action_put_in_force()
        self.assertEqual(measure.state, "in_force")

    def test_downgrade_refused_when_the_tiers_are_missing(self):
        # A company that removed the downgrade tiers: the manager approves
        # the warning alone, but the server still refuses the downgrade.
        self.env.ref(
            "ops_appraisal.tier_definition_measure_downgrade_hr"
        ).active = False
        self.env.ref(
            "ops_appraisal.tier_definition_measure_downgrade_executive"
        ).active = False
        measure = self._critical_warning(self.hr_user)
        measure.request_validation()
        measure.with_user(self.head_user).validate_tier()
        self.assertEqual(measure.validation_status, "validated")
        with self.assertRaises(UserError):
            measure.with_user(self.head_user).action_put_in_force()
        with self.assertRaises(UserError):
            measure.with_user(self.hr_user).action_put_in_force()
        self.assertEqual(measure.state, "draft")

    def test_reason_frozen_once_in_force(self):
        measure = self._critical_warning(self.hr_user)
        measure.request_validation()
        measure.with_user(self.head_user).validate_tier()
        measure.with_user(self.hr2_user).validate_tier()
        measure.with_user(self.exec_user).validate_tier()
        measure.with_user(self.hr_user).action_put_in_force()
        with self.assertRaises(UserError):
            measure.with_user(self.hr_user).write({"downgrade_reason": "Other"})
