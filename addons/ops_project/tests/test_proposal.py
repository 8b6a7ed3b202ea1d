# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestProposal(OpsProjectCase):
    def test_standard_manager_approves(self):
        proposal = self._proposal()
        proposal.request_validation()
        self.assertEqual(proposal.state, "under_review")
        self.assertEqual(proposal.submitted_on, fields.Date.today())
        self.assertEqual(
            proposal.answer_deadline, fields.Date.today() + timedelta(days=5)
        )
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).validate_tier()
        self._approve(proposal, self.manager_a)
        self.assertEqual(proposal.state, "approved")
        self.assertEqual(proposal.answered_on, fields.Date.today())

    def test_committee_unanimity_initiates(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self.assertEqual(len(proposal.review_ids), 3)
        self.assertTrue(
            all(r.status == "pending" for r in proposal.review_ids),
            "the committee reviews in parallel",
        )
        self._approve(proposal, self.gm, "Good margin")
        self._approve(proposal, self.sales)
        self.assertEqual(proposal.state, "under_review", "2 of 3 do not initiate")
        self.assertIn(
            "Good margin",
            proposal.review_ids.mapped("comment"),
            "reviews carry comments",
        )
        self._approve(proposal, self.product)
        self.assertEqual(proposal.state, "approved", "the third approval initiates")

        proposal.with_user(self.manager_a).action_create_project()
        project = proposal.project_id
        self.assertEqual(proposal.state, "project")
        self.assertEqual(project.ops_proposal_id, proposal, "linked both ways")
        self.assertEqual(
            project.stage_id, self.env.ref("ops_project.stage_phase_research")
        )
        self.assertEqual(
            project.type_ids.mapped("name"),
            [
                "Market Research and Requirement Analysis",
                "Product Planning and Design",
                "Development and Testing",
                "Launch and Promotion",
                "Operation and Optimisation",
            ],
            "the five phases",
        )
        self.assertEqual(len(project.milestone_ids), 6)
        self.assertIn("Customer training", project.milestone_ids.mapped("name"))
        self.assertEqual(project.user_id, self.staff_a, "project lead")
        self.assertEqual(project.account_id.ops_budget, 100000)
        self.assertEqual(project.ops_budget, 100000)
        self.assertEqual(len(project.ops_launch_id.line_ids), 6)

    def test_appointed_project_lead(self):
        proposal = self._proposal(project_lead_id=self.leader.id)
        proposal.request_validation()
        self._approve(proposal, self.manager_a)
        proposal.with_user(self.manager_a).action_create_project()
        self.assertEqual(proposal.project_id.user_id, self.leader)
        self.assertIn(
            self.leader.partner_id, proposal.project_id.sudo().message_partner_ids
        )

    def test_committee_rejection_terminates(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self._approve(proposal, self.gm)
        self._approve(proposal, self.sales)
        self._reject(proposal, self.product, "Too risky")
        self.assertEqual(proposal.state, "rejected")
        with self.assertRaises(UserError):
            proposal.with_user(self.manager_a).action_create_project()

    def test_first_rejection_terminates_at_once(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self._reject(proposal, self.sales, "No control over the technology")
        self.assertEqual(proposal.state, "rejected")
        self.assertEqual(
            sorted(proposal.review_ids.mapped("status")),
            ["cancel", "cancel", "rejected"],
            "the other members are not asked any more",
        )
        self.assertFalse(proposal.with_user(self.gm).can_review)

    def test_committee_must_be_configured(self):
        self.company.ops_product_manager_id = False
        proposal = self._proposal("non_standard")
        with self.assertRaises(UserError):
            proposal.request_validation()

    def test_investment_needs_five_documents(self):
        docs = self._investment_docs()
        docs.pop("doc_business_plan")
        proposal = self._proposal("investment", investment_amount=500000, **docs)
        self.assertEqual(proposal.missing_document_count, 1)
        with self.assertRaises(UserError) as err:
            proposal.request_validation()
        self.assertIn("Business Plan", str(err.exception))
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.review_ids)
        proposal.doc_business_plan = self._investment_docs()["doc_business_plan"]
        proposal.request_validation()
        self.assertEqual(proposal.state, "under_review")

    def _final_reviewer(self, amount):
        proposal = self._proposal(
            "investment", investment_amount=amount, **self._investment_docs()
        )
        proposal.request_validation()
        reviews = proposal.review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 3)
        self.assertEqual(reviews[0].status, "pending")
        self.assertEqual(reviews[1].status, "waiting")
        self.assertIn(self.investor, reviews[0].reviewer_ids)
        self.assertEqual(reviews[1].reviewer_ids, self.leader)
        return proposal, reviews[2].reviewer_ids

    def test_investment_authority_by_amount(self):
        cases = [
            (999999.99, "gm", self.gm),
            (1000000.0, "gm", self.gm),
            (1000000.01, "gm_office", self.office),
            (4999999.99, "gm_office", self.office),
            (5000000.01, "board", self.board),
        ]
        for amount, authority, user in cases:
            with self.subTest(amount=amount):
                proposal, reviewers = self._final_reviewer(amount)
                self.assertEqual(proposal.final_authority, authority)
                self.assertIn(user, reviewers)
                for other in (self.gm | self.office | self.board) - user:
                    self.assertNotIn(other, reviewers)

    def test_investment_chain_in_order(self):
        proposal, _reviewers = self._final_reviewer(6000000)
        with self.assertRaises(UserError):
            proposal.with_user(self.leader).validate_tier()
        with self.assertRaises(UserError):
            proposal.with_user(self.board).validate_tier()
        self._approve(proposal, self.investor)
        with self.assertRaises(UserError):
            proposal.with_user(self.board).validate_tier()
        self._approve(proposal, self.leader)
        self.assertEqual(proposal.state, "under_review")
        self._approve(proposal, self.board)
        self.assertEqual(proposal.state, "approved")

    def test_escalation_once_per_day(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self._approve(proposal, self.gm)
        today = fields.Date.today()
        # The submission date is the server's (a user's write is refused, see
        # test_approval_integrity): back-date it as the server does.
        proposal.sudo().write({"submitted_on": today - timedelta(days=6)})
        self.assertTrue(proposal.is_overdue)
        Activity = self.env["mail.activity"]

        def activities():
            return Activity.search(
                [("res_model", "=", proposal._name), ("res_id", "=", proposal.id)]
            )

        def notes():
            return proposal.message_ids.filtered(
                lambda m: "overdue since" in (m.body or "")
            )

        before = len(activities())
        self.Proposal._cron_escalate_overdue(today)
        # Two pending reviews (sales, product); sales has a manager.
        self.assertEqual(len(activities()) - before, 3)
        self.assertEqual(
            set(activities().mapped("user_id").ids),
            {self.sales.id, self.product.id, self.sales_boss.id},
        )
        # One note per proposal and run, naming both steps.
        self.assertEqual(len(notes()), 1)
        self.Proposal._cron_escalate_overdue(today)
        self.assertEqual(len(activities()) - before, 3, "nothing twice the same day")
        self.assertEqual(len(notes()), 1)
        self.Proposal._cron_escalate_overdue(today + timedelta(days=1))
        self.assertEqual(len(activities()) - before, 6, "once again the next day")
        self.assertEqual(len(notes()), 2)

    def test_not_overdue_not_escalated(self):
        proposal = self._proposal()
        proposal.request_validation()
        proposal.sudo().write({"submitted_on": fields.Date.today() - timedelta(days=5)})
        self.assertFalse(self.Proposal._cron_escalate_overdue())

    def test_reserve_is_an_answer(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).action_reserve()
        action = proposal.with_user(self.sales).action_reserve()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.sales)
            .with_context(**action["context"])
            .create({"reason": "Market not ready"})
        )
        wizard.action_confirm()
        self.assertEqual(proposal.state, "reserve")
        self.assertEqual(proposal.reserve_reason, "Market not ready")
        self.assertEqual(proposal.answered_on, fields.Date.today())
        proposal.sudo().write({"submitted_on": fields.Date.today() - timedelta(days=9)})
        self.assertFalse(self.Proposal._cron_escalate_overdue())

    def test_proposal_from_library(self):
        solution = self.env["ops.project.solution"].create(
            {
                "name": "Campus gates",
                "description": "<p>Gates and badges</p>",
                "state": "standard",
            }
        )
        action = solution.action_new_proposal()
        proposal = self.Proposal.with_context(**action["context"]).create({})
        self.assertEqual(proposal.solution_id, solution)
        self.assertEqual(proposal.kind, "standard")
        self.assertIn("Gates and badges", proposal.background)
