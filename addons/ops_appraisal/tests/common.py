# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import TransactionCase, new_test_user


class AppraisalCase(TransactionCase):
    """Two departments with their heads, staff of three roles, HR and the
    general manager, all non-admin users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}

        def user(login, groups):
            return new_test_user(cls.env, login=login, groups=groups, context=ctx)

        cls.hr_user = user("t_appr_hr", "ops_base.group_ops_hr")
        cls.exec_user = user("t_appr_exec", "ops_base.group_ops_executive")
        cls.head_user = user("t_appr_head", "ops_base.group_ops_manager")
        cls.a_user = user("t_appr_a", "ops_base.group_ops_user")
        cls.b_user = user("t_appr_b", "ops_base.group_ops_user")
        cls.c_user = user("t_appr_c", "ops_base.group_ops_user")
        cls.other_head_user = user("t_appr_other_head", "ops_base.group_ops_manager")
        cls.d_user = user("t_appr_d", "ops_base.group_ops_user")

        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        cls.dept = Department.create({"name": "Test Operations"})
        cls.other_dept = Department.create({"name": "Test Finance"})
        cls.head = Employee.create(
            {"name": "Head", "user_id": cls.head_user.id, "department_id": cls.dept.id}
        )
        cls.dept.manager_id = cls.head
        cls.other_head = Employee.create(
            {
                "name": "Other Head",
                "user_id": cls.other_head_user.id,
                "department_id": cls.other_dept.id,
            }
        )
        cls.other_dept.manager_id = cls.other_head
        cls.job_marketing = cls.env.ref("ops_appraisal.job_marketing_promoter")
        cls.job_customer = cls.env.ref("ops_appraisal.job_customer_operations")
        cls.job_product = cls.env.ref("ops_appraisal.job_product_operations")

        def staff(name, user, job, dept, parent):
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "job_id": job.id,
                    "department_id": dept.id,
                    "parent_id": parent.id,
                }
            )

        cls.emp_a = staff(
            "Employee A", cls.a_user, cls.job_marketing, cls.dept, cls.head
        )
        cls.emp_b = staff(
            "Employee B", cls.b_user, cls.job_customer, cls.dept, cls.head
        )
        cls.emp_c = staff("Employee C", cls.c_user, cls.job_product, cls.dept, cls.head)
        cls.emp_d = staff(
            "Employee D", cls.d_user, cls.job_customer, cls.other_dept, cls.other_head
        )
        cls.hr_employee = Employee.create({"name": "HR", "user_id": cls.hr_user.id})
        cls.exec_employee = Employee.create(
            {"name": "General Manager", "user_id": cls.exec_user.id}
        )

    @classmethod
    def _make_cycle(cls, **vals):
        values = {
            "name": "2025 Q1",
            "period_type": "quarterly",
            "date_start": date(2025, 1, 1),
            "date_end": date(2025, 3, 31),
            "department_ids": [(6, 0, (cls.dept | cls.other_dept).ids)],
            "base_bonus": 1000.0,
        }
        values.update(vals)
        return cls.env["ops.appraisal.cycle"].with_user(cls.hr_user).create(values)

    def _appraisal(self, cycle, employee):
        return self.env["hr.appraisal"].search(
            [("ops_cycle_id", "=", cycle.id), ("employee_id", "=", employee.id)]
        )

    def _score(self, appraisal, scores, field="manager_score", user=None):
        """Write scores (one per line, in order) as ``user``."""
        appraisal = appraisal.with_user(user) if user else appraisal
        appraisal.write(
            {
                "ops_line_ids": [
                    (1, line.id, {field: score})
                    for line, score in zip(appraisal.ops_line_ids, scores, strict=True)
                ]
            }
        )

    def _publish(self, appraisal, manager_scores):
        """Self-assessment, manager scoring and both approvals."""
        n = len(appraisal.ops_line_ids)
        if appraisal.ops_state == "self_assessment":
            self._score(
                appraisal, [70] * n, "self_score", appraisal.employee_id.user_id
            )
            appraisal.with_user(
                appraisal.employee_id.user_id
            ).action_ops_submit_self_assessment()
        manager = appraisal.employee_id.parent_id.user_id
        self._score(appraisal, manager_scores, user=manager)
        appraisal.with_user(manager).action_ops_submit_approval()
        # The head calibrates unless they submitted the scores themselves.
        head = appraisal.ops_department_head_user_id
        if head and head in appraisal.review_ids.reviewer_ids:
            appraisal.with_user(head).validate_tier()
        appraisal.with_user(self.hr_user).validate_tier()
        self.assertEqual(appraisal.ops_state, "published")
        return appraisal
