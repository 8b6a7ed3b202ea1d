# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestSolutionLibrary(OpsProjectCase):
    """A non-standard solution enters the library as a draft at the technical
    handover of the won project and matures into a standard one by the
    product manager's approval; only standard solutions start proposals."""

    def _won_non_standard_project(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        for member in (self.gm, self.sales, self.product):
            self._approve(proposal, member)
        proposal.with_user(self.manager_a).action_create_project()
        return proposal.project_id

    def _draft_solution(self):
        project = self._won_non_standard_project()
        action = project.with_user(self.manager_a).action_ops_promote_solution()
        return self.env["ops.project.solution"].browse(action["res_id"])

    def test_handover_enters_a_draft(self):
        project = self._won_non_standard_project()
        # Staff cannot put a solution into the library.
        with self.assertRaises(AccessError):
            project.with_user(self.staff_a).action_ops_promote_solution()
        action = project.with_user(self.manager_a).action_ops_promote_solution()
        solution = self.env["ops.project.solution"].browse(action["res_id"])
        self.assertEqual(solution.state, "draft")
        self.assertEqual(solution.source_project_id, project)
        self.assertEqual(solution.create_uid, self.manager_a)

    def test_client_cannot_create_standard_or_link_projects(self):
        Solution = self.env["ops.project.solution"].with_user(self.manager_a)
        with self.assertRaises(UserError):
            Solution.create({"name": "Shortcut", "state": "standard"})
        with self.assertRaises(AccessError):
            Solution.create(
                {"name": "Forged", "source_project_id": self._approved_project().id}
            )
        solution = Solution.create({"name": "Hand-made"})
        with self.assertRaises(UserError):
            solution.write({"state": "standard"})
        with self.assertRaises(UserError):
            solution.with_context(skip_validation_check=True).write(
                {"state": "standard"}
            )
        self.assertEqual(solution.state, "draft")

    def test_draft_is_not_offered_to_standard_proposals(self):
        solution = self._draft_solution()
        with self.assertRaisesRegex(UserError, "not a standard solution"):
            solution.with_user(self.staff_a).action_new_proposal()
        proposal = self._proposal(solution_id=solution.id)
        with self.assertRaisesRegex(UserError, "not a standard solution"):
            proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "draft")
        field = self.env["ops.project.proposal"]._fields["solution_id"]
        self.assertIn(("state", "=", "standard"), field.domain)

    def test_matures_by_approval(self):
        solution = self._draft_solution()
        with self.assertRaises(AccessError):
            solution.with_user(self.staff_a).request_validation()
        solution.with_user(self.manager_a).request_validation()
        self.assertEqual(solution.review_ids.reviewer_ids, self.product)
        self.assertTrue(solution.review_ids.definition_id.ops_managed)
        # Who submitted it is no reviewer; nor is anybody else.
        with self.assertRaises(UserError):
            self._approve(solution, self.manager_a)
        with self.assertRaises(UserError):
            self._approve(solution, self.staff_b)
        self.assertEqual(solution.state, "draft")
        self._approve(solution, self.product)
        self.assertEqual(solution.state, "standard")
        # What was approved is frozen.
        with self.assertRaises(UserError):
            solution.with_user(self.manager_a).write({"name": "Renamed"})
        action = solution.with_user(self.staff_a).action_new_proposal()
        proposal = (
            self.env["ops.project.proposal"]
            .with_user(self.staff_a)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(proposal.solution_id, solution)
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")

    def test_rejected_solution_stays_draft(self):
        solution = self._draft_solution()
        solution.with_user(self.manager_a).request_validation()
        self._reject(solution, self.product)
        self.assertEqual(solution.state, "draft")
        with self.assertRaises(UserError):
            solution.with_user(self.staff_a).action_new_proposal()

    def test_needs_a_product_manager(self):
        solution = self._draft_solution()
        self.company.ops_product_manager_id = False
        with self.assertRaisesRegex(UserError, "product manager"):
            solution.with_user(self.manager_a).request_validation()

    def test_upgrade_keeps_existing_solutions_standard(self):
        """A database from before the maturity flow keeps its library
        standard, once: later drafts stay drafts."""
        Solution = self.env["ops.project.solution"]
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("ops_project.solution_maturity", False)
        legacy = Solution.create({"name": "Legacy gates"})
        self.assertEqual(legacy.state, "draft")
        self.assertIs(Solution._ops_upgrade_library(), True)
        self.assertEqual(legacy.state, "standard")
        later = Solution.create({"name": "Later draft"})
        Solution._ops_upgrade_library()
        self.assertEqual(later.state, "draft")
