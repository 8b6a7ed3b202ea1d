# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import AppraisalCase

FORGED_CONTEXT = {"ops_server": True, "skip_validation_check": True}


@tagged("post_install", "-at_install")
class TestPromotion(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr2_user = new_test_user(
            cls.env, login="t_appr_hr2", groups="ops_base.group_ops_hr"
        )
        cls.contract = cls.env["hr.contract"].create(
            {
                "name": "Contract A",
                "employee_id": cls.emp_a.id,
                "wage": 5000.0,
                "date_start": date(2024, 1, 1),
                "state": "open",
            }
        )
        cls.job_lead = cls.env["hr.job"].create({"name": "Marketing Lead"})
        cls.Request = cls.env["ops.promotion.request"]

    def _request(self, user, **vals):
        values = {
            "employee_id": self.emp_a.id,
            "new_job_id": self.job_lead.id,
            "new_wage": 6500.0,
            "reason": "Grade A two years running",
        }
        values.update(vals)
        return self.Request.with_user(user).create(values)

    def test_job_and_wage_change_only_after_the_last_approval(self):
        self.assertEqual(self.emp_a.contract_id, self.contract)
        request = self._request(self.head_user)
        self.assertEqual(request.current_wage, 5000.0)
        self.assertEqual(request.current_job_id, self.job_marketing)
        request.action_submit()
        # The head is A's manager and submitted: HR, then the GM.
        self.assertEqual(len(request.review_ids), 2)
        self.assertNotIn(self.head_user, request.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            request.with_user(self.exec_user).validate_tier()
        request.with_user(self.hr_user).validate_tier()
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.emp_a.job_id, self.job_marketing)
        self.assertEqual(self.contract.wage, 5000.0)
        request.with_user(self.exec_user).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.emp_a.job_id, self.job_lead)
        self.assertEqual(self.contract.wage, 6500.0)
        self.assertTrue(request.applied_date)
        # Logged on the employee (old -> new).
        self.assertTrue(
            self.emp_a.message_ids.filtered(
                lambda m: "5000" in (m.body or "") and "6500" in (m.body or "")
            )
        )
        # Approved: frozen for everyone.
        for user in (self.head_user, self.hr_user):
            with self.assertRaises(UserError):
                request.with_user(user).write({"new_wage": 9000.0})

    def test_manager_then_hr_then_general_manager(self):
        request = self._request(self.hr_user)
        request.action_submit()
        self.assertEqual(len(request.review_ids), 3)
        self.assertIn(self.head_user, request.review_ids.reviewer_ids)
        # HR and the GM wait for the manager; the requester never decides.
        with self.assertRaises(UserError):
            request.with_user(self.hr2_user).validate_tier()
        request.with_user(self.head_user).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.hr_user).validate_tier()
        request.with_user(self.hr2_user).validate_tier()
        self.assertEqual(self.contract.wage, 5000.0)
        request.with_user(self.exec_user).validate_tier()
        self.assertEqual(self.contract.wage, 6500.0)

    def test_rejection_changes_nothing(self):
        request = self._request(self.head_user)
        request.action_submit()
        with self.assertRaises(UserError):
            request.action_submit()
        request.with_user(self.hr_user).reject_tier()
        self.assertEqual(request.validation_status, "rejected")
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.contract.wage, 5000.0)
        self.assertEqual(self.emp_a.job_id, self.job_marketing)
        # Resubmitted after the rejection: the approval starts again.
        request.action_submit()
        self.assertEqual(request.validation_status, "pending")

    def test_who_may_request(self):
        # Not for oneself, not a peer, not another department's head.
        for user in (self.a_user, self.b_user, self.other_head_user):
            with self.assertRaises(AccessError):
                self._request(user)
        # Not on another employee's appraisal.
        other = self._request(self.head_user)
        appraisal_b = self.env["hr.appraisal"].create(
            {"employee_id": self.emp_b.id, "date_close": date(2025, 3, 31)}
        )
        with self.assertRaises(ValidationError):
            other.write({"appraisal_id": appraisal_b.id})
        # The employee never reads their promotion request (wages).
        request = self._request(self.head_user)
        with self.assertRaises(AccessError):
            request.with_user(self.a_user).read(["new_wage"])

    def test_client_cannot_forge_state_or_snapshot(self):
        request = self._request(self.head_user)
        forged = request.with_user(self.head_user).with_context(**FORGED_CONTEXT)
        with self.assertRaises(UserError):
            forged.write({"state": "approved"})
        with self.assertRaises(AccessError):
            forged.write({"current_wage": 1.0})
        with self.assertRaises(AccessError):
            forged.write({"applied_date": "2025-01-01 00:00:00"})
        with self.assertRaises(UserError):
            self.Request.with_user(self.head_user).create(
                {
                    "employee_id": self.emp_a.id,
                    "new_wage": 7000.0,
                    "reason": "x",
                    "state": "approved",
                }
            )
        # Applying directly is the server's, after the approval.
        with self.assertRaises(UserError):
            request.sudo()._ops_apply()
        self.assertEqual(self.contract.wage, 5000.0)

    def test_wage_change_needs_a_contract(self):
        request = self._request(self.head_user, employee_id=self.emp_b.id)
        with self.assertRaises(UserError):
            request.action_submit()
        nothing = self._request(
            self.head_user, employee_id=self.emp_b.id, new_wage=0.0, new_job_id=False
        )
        with self.assertRaises(UserError):
            nothing.action_submit()

    def test_from_the_annual_recommendation(self):
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
        self.assertEqual(appraisal.ops_recommendation, "promotion")
        with self.assertRaises(AccessError):
            appraisal.with_user(self.a_user).action_ops_request_promotion()
        action = appraisal.with_user(self.head_user).action_ops_request_promotion()
        ctx = action["context"]
        request = (
            self.Request.with_user(self.head_user)
            .with_context(**ctx)
            .create({"new_job_id": self.job_lead.id})
        )
        self.assertEqual(request.appraisal_id, appraisal)
        self.assertEqual(request.request_type, "promotion")
        self.assertEqual(appraisal.ops_promotion_request_ids, request)
