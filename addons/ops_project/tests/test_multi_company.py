# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A second company's proposals and their reviewers stay within it."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsProjectCase


@tagged("post_install", "-at_install")
class TestMultiCompany(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Ops Co B"})

        def user_b(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company_b.id,
                company_ids=[Command.set(cls.company_b.ids)],
                context=CTX,
            )

        cls.staff_cb = user_b("t_op_staff_cb", "ops_base.group_ops_user")
        cls.manager_cb = user_b("t_op_manager_cb", "ops_base.group_ops_manager")
        cls.gm_cb = user_b("t_op_gm_cb", "ops_base.group_ops_executive")
        cls.sales_cb = user_b("t_op_sales_cb", "ops_base.group_ops_user")
        cls.product_cb = user_b("t_op_product_cb", "ops_base.group_ops_user")
        cls.dept_cb = cls.env["hr.department"].create(
            {"name": "Dept B (company B)", "company_id": cls.company_b.id}
        )
        Employee = cls.env["hr.employee"].with_company(cls.company_b)
        boss = Employee.create(
            {
                "name": "Manager CB",
                "user_id": cls.manager_cb.id,
                "department_id": cls.dept_cb.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.dept_cb.manager_id = boss
        Employee.create(
            {
                "name": "Staff CB",
                "user_id": cls.staff_cb.id,
                "department_id": cls.dept_cb.id,
                "company_id": cls.company_b.id,
                "parent_id": boss.id,
            }
        )
        cls.company_b.write(
            {
                "ops_general_manager_id": cls.gm_cb.id,
                "ops_sales_manager_id": cls.sales_cb.id,
                "ops_product_manager_id": cls.product_cb.id,
            }
        )

    def _proposal_b(self, kind):
        return (
            self.Proposal.with_user(self.staff_cb)
            .with_company(self.company_b)
            .create(
                {
                    "name": f"B {kind}",
                    "kind": kind,
                    "contract_amount": 1000,
                    "company_id": self.company_b.id,
                }
            )
        )

    def test_committee_of_the_second_company(self):
        proposal = self._proposal_b("non_standard")
        proposal.request_validation()
        reviewers = proposal.review_ids.reviewer_ids
        self.assertEqual(reviewers, self.gm_cb | self.sales_cb | self.product_cb)
        self.assertFalse(reviewers & (self.gm | self.sales | self.product))
        # Company A's people neither see nor decide it.
        with self.assertRaises(AccessError):
            proposal.with_user(self.gm).read(["name"])
        self.assertFalse(
            self.Proposal.with_user(self.manager_a).search([("id", "=", proposal.id)])
        )

    def test_standard_reviewers_within_the_company(self):
        proposal = self._proposal_b("standard")
        self.assertEqual(proposal.department_id, self.dept_cb)
        proposal.request_validation()
        reviewers = proposal.review_ids.reviewer_ids
        self.assertTrue(reviewers)
        self.assertFalse(
            reviewers.filtered(lambda u: self.company_b not in u.company_ids)
        )
        self.assertIn(self.manager_cb, reviewers)
        self.assertNotIn(self.manager_a, reviewers)
