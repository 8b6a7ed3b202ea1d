# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestSecurity(OpsProjectCase):
    def test_department_separation_of_proposals(self):
        proposal_b = self._proposal(user=self.staff_b, name="B's secret plan")
        self.assertEqual(proposal_b.department_id, self.dept_b)
        with self.assertRaises(AccessError):
            proposal_b.with_user(self.staff_a).read(["name"])
        with self.assertRaises(AccessError):
            proposal_b.with_user(self.manager_a).read(["name"])
        self.assertFalse(
            self.Proposal.with_user(self.staff_a).search([("id", "=", proposal_b.id)])
        )
        proposal_b.with_user(self.gm).read(["name"])
        own = self._proposal(user=self.staff_a)
        own.with_user(self.manager_a).read(["name"])

    def test_reviewer_sees_what_they_review(self):
        proposal_b = self._proposal("non_standard", user=self.staff_b)
        with self.assertRaises(AccessError):
            proposal_b.with_user(self.product).read(["name"])
        proposal_b.request_validation()
        proposal_b.with_user(self.product).read(["name"])

    def test_department_separation_of_budgets(self):
        project_b = self._approved_project(user=self.staff_b)
        account_b = project_b.account_id
        self.assertEqual(account_b.ops_department_id, self.dept_b)
        with self.assertRaises(AccessError):
            account_b.with_user(self.staff_a).read(["ops_budget"])
        with self.assertRaises(AccessError):
            account_b.with_user(self.manager_a).read(["ops_budget"])
        with self.assertRaises(AccessError):
            project_b.with_user(self.staff_a).read(["name"])
        account_b.with_user(self.staff_b).read(["ops_budget"])
        finance = self.env["res.users"].create(
            {
                "name": "Finance",
                "login": "t_op_finance",
                "groups_id": [(6, 0, [self.env.ref("ops_base.group_ops_finance").id])],
            }
        )
        self.assertEqual(account_b.with_user(finance).ops_budget, 100000)

    def test_cannot_approve_review_of_someone_else(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).validate_tier()
        with self.assertRaises(UserError):
            proposal.with_user(self.manager_a).reject_tier()
        review = proposal.review_ids.filtered(lambda r: self.gm in r.reviewer_ids)
        with self.assertRaises(AccessError):
            review.with_user(self.sales).write({"status": "approved"})
        self.assertEqual(proposal.state, "under_review")
        self.assertEqual(review.status, "pending")

    def test_other_company_hidden(self):
        other = self.env["res.company"].create({"name": "Other Ops Co"})
        proposal = self.Proposal.create(
            {"name": "Elsewhere", "company_id": other.id, "kind": "standard"}
        )
        self.assertFalse(
            self.Proposal.with_user(self.gm).search([("id", "=", proposal.id)])
        )

    def test_project_records_follow_project_visibility(self):
        project_b = self._approved_project(user=self.staff_b)
        risk = self.env["ops.project.risk"].create(
            {
                "name": "B risk",
                "project_id": project_b.id,
                "category_id": self.env.ref("ops_project.risk_category_contract").id,
            }
        )
        risk.with_user(self.staff_b).read(["name"])
        with self.assertRaises(AccessError):
            risk.with_user(self.staff_a).read(["name"])
        with self.assertRaises(AccessError):
            project_b.ops_launch_id.with_user(self.staff_a).read(["name"])
        risk.with_user(self.gm).read(["name"])
