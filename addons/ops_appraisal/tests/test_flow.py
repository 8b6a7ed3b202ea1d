# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestFlow(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()

    def test_full_flow(self):
        # A team lead between the head and the employee: the lead scores, the
        # department head calibrates, HR approves (three different people;
        # nobody approves what they submitted).
        lead_user = new_test_user(
            self.env, login="t_appr_lead", groups="ops_base.group_ops_manager"
        )
        lead = self.env["hr.employee"].create(
            {
                "name": "Team Lead",
                "user_id": lead_user.id,
                "department_id": self.dept.id,
                "parent_id": self.head.id,
            }
        )
        self.emp_a.parent_id = lead
        appraisal = self._appraisal(self.cycle, self.emp_a)
        as_a = appraisal.with_user(self.a_user)
        as_lead = appraisal.with_user(lead_user)
        as_head = appraisal.with_user(self.head_user)
        # Self-assessment: the employee only, self scores only.
        with self.assertRaises(UserError):
            self._score(appraisal, [80] * 9, user=self.a_user)  # manager scores
        with self.assertRaises(UserError):
            as_a.action_ops_submit_self_assessment()  # nothing scored yet
        self._score(appraisal, [80] * 9, "self_score", self.a_user)
        with self.assertRaises(UserError):
            self._score(appraisal, [60] * 9, "self_score", lead_user)
        with self.assertRaises(UserError):
            as_lead.action_ops_submit_self_assessment()
        as_a.action_ops_submit_self_assessment()
        self.assertEqual(appraisal.ops_state, "manager_review")
        # Manager scoring: the employee no longer even reads the appraisal.
        with self.assertRaises(AccessError):
            self._score(appraisal, [90] * 9, "self_score", self.a_user)
        with self.assertRaises(UserError):
            self._score(appraisal, [90] * 9, user=self.other_head_user)
        self._score(appraisal, [85] * 9, user=lead_user)
        self.assertIs(as_lead.action_ops_submit_approval(), True)
        self.assertEqual(appraisal.validation_status, "pending")
        reviews = appraisal.review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 2)
        self.assertIn(self.head_user, reviews[0].reviewer_ids)
        self.assertIn(self.hr_user, reviews[1].reviewer_ids)
        # The lead who submitted decides nothing; HR not before the head;
        # nobody else at all.
        with self.assertRaises(UserError):
            as_lead.validate_tier()
        with self.assertRaises(UserError):
            appraisal.with_user(self.hr_user).validate_tier()
        with self.assertRaises(UserError):
            appraisal.with_user(self.b_user).validate_tier()
        # Calibration by the current reviewer (the department head).
        self._score(appraisal, [88] + [85] * 8, user=self.head_user)
        self.assertIs(as_head.validate_tier(), True)
        self.assertEqual(appraisal.ops_state, "manager_review")
        with self.assertRaises(UserError):
            self._score(appraisal, [70] * 9, user=self.head_user)  # HR's turn now
        appraisal.with_user(self.hr_user).validate_tier()
        self.assertEqual(appraisal.ops_state, "published")
        self.assertAlmostEqual(appraisal.ops_total_score, (20 * 88 + 80 * 85) / 100)
        # After approval: managers cannot change scores any more.
        with self.assertRaises(UserError):
            self._score(appraisal, [99] * 9, user=self.head_user)
        # The employee acknowledges.
        with self.assertRaises(UserError):
            as_head.action_ops_acknowledge()
        self.assertIs(as_a.action_ops_acknowledge(), True)
        self.assertEqual(appraisal.ops_state, "acknowledged")
        self.assertEqual(appraisal.state, "3_done")

    def test_stage_changes_only_through_buttons(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        with self.assertRaises(UserError):
            appraisal.with_user(self.a_user).write({"ops_state": "published"})
        with self.assertRaises(UserError):
            appraisal.with_user(self.head_user).write({"ops_state": "manager_review"})
        for vals in ({"note": "I am great"}, {"ops_recommendation": "promotion"}):
            with self.assertRaises(UserError):
                appraisal.with_user(self.a_user).write(vals)
        appraisal.with_user(self.head_user).write({"note": "Strong quarter"})

    def test_dispute_once_back_to_manager(self):
        appraisal = self._publish(self._appraisal(self.cycle, self.emp_b), [70] * 9)
        as_b = appraisal.with_user(self.b_user)
        with self.assertRaises(UserError):
            appraisal.with_user(self.head_user)._ops_dispute("not me")
        with self.assertRaises(UserError):
            as_b._ops_dispute("  ")
        wizard = (
            self.env["ops.appraisal.dispute.wizard"]
            .with_user(self.b_user)
            .create({"appraisal_id": appraisal.id, "reason": "Loyalty was 95%."})
        )
        wizard.action_confirm()
        self.assertEqual(appraisal.ops_state, "manager_review")
        self.assertTrue(appraisal.ops_disputed)
        self.assertFalse(appraisal.review_ids, "the approval starts again")
        self.assertTrue(
            appraisal.activity_ids.filtered(lambda a: a.user_id == self.head_user)
        )
        # Re-scored, re-approved, published again: no second dispute.
        self._publish(appraisal, [75] * 9)
        with self.assertRaises(UserError):
            as_b.action_ops_open_dispute()
        with self.assertRaises(UserError):
            as_b._ops_dispute("again")
        as_b.action_ops_acknowledge()
        self.assertEqual(appraisal.ops_state, "acknowledged")

    def test_rejection_returns_to_manager(self):
        appraisal = self._appraisal(self.cycle, self.emp_c)
        self._score(appraisal, [70] * 9, "self_score", self.c_user)
        appraisal.with_user(self.c_user).action_ops_submit_self_assessment()
        self._score(appraisal, [70] * 9, user=self.head_user)
        appraisal.with_user(self.head_user).action_ops_submit_approval()
        # The head submitted (as the direct manager): HR decides, and rejects.
        with self.assertRaises(UserError):
            appraisal.with_user(self.head_user).reject_tier()
        appraisal.with_user(self.hr_user).reject_tier()
        self.assertEqual(appraisal.validation_status, "rejected")
        # The manager rescoring is allowed again and the approval restarts.
        self._score(appraisal, [72] * 9, user=self.head_user)
        appraisal.with_user(self.head_user).action_ops_submit_approval()
        self.assertEqual(appraisal.validation_status, "pending")

    def test_hr_adjusts_after_approval_with_logged_reason(self):
        appraisal = self._publish(self._appraisal(self.cycle, self.emp_a), [80] * 9)
        line = appraisal.ops_line_ids[0]
        # Not through the line, not by the manager, not without the wizard.
        with self.assertRaises(UserError):
            line.with_user(self.hr_user).write({"manager_score": 90})
        with self.assertRaises(UserError):
            appraisal.with_user(self.head_user).action_ops_adjust_score()
        Wizard = self.env["ops.appraisal.score.adjust.wizard"]
        wizard = Wizard.with_user(self.hr_user).create(
            {
                "appraisal_id": appraisal.id,
                "line_id": line.id,
                "new_score": 100,
                "reason": "Sales figures corrected by finance.",
            }
        )
        wizard.action_confirm()
        self.assertEqual(line.manager_score, 100)
        self.assertAlmostEqual(appraisal.ops_total_score, 84.0)  # +20·20/100
        self.assertTrue(
            any(
                "Sales figures corrected by finance." in (m.body or "")
                and "80.0 → 100.0" in (m.body or "")
                for m in appraisal.message_ids
            )
        )

    def test_department_head_not_own_approver(self):
        """The head of the department is appraised by HR alone; the HR member
        who scores and submits does not approve it too (another HR does)."""
        hr2_user = new_test_user(
            self.env, login="t_appr_hr2", groups="ops_base.group_ops_hr"
        )
        appraisal = self._appraisal(self.cycle, self.head)
        self.assertFalse(appraisal.ops_department_head_user_id)
        self._score(appraisal, [80] * 9, "self_score", self.head_user)
        appraisal.with_user(self.head_user).action_ops_submit_self_assessment()
        # Nobody above the head: only HR scores.
        with self.assertRaises(AccessError):
            self._score(appraisal, [80] * 9, user=self.head_user)
        self._score(appraisal, [82] * 9, user=self.hr_user)
        appraisal.with_user(self.hr_user).action_ops_submit_approval()
        self.assertEqual(len(appraisal.review_ids), 1)
        self.assertNotIn(self.hr_user, appraisal.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            appraisal.with_user(self.hr_user).validate_tier()
        appraisal.with_user(hr2_user).validate_tier()
        self.assertEqual(appraisal.ops_state, "published")
