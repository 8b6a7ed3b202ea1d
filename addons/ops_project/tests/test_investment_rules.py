# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestInvestmentRules(OpsProjectCase):
    """Control over the asset, the five investment risks and the documents
    of large investments, checked when the proposal is submitted."""

    def _investment(self, amount=800000, **vals):
        values = self._investment_docs()
        values.update(vals)
        return self._proposal("investment", investment_amount=amount, **values)

    def test_risk_categories_are_data(self):
        categories = self.env["ops.project.risk.category"].search(
            [("investment", "=", True)]
        )
        self.assertEqual(
            set(categories.get_external_id().values()),
            {
                f"ops_project.risk_category_invest_{name}"
                for name in (
                    "political",
                    "exchange_rate",
                    "market",
                    "operating",
                    "purchasing_power",
                )
            },
        )

    def test_no_control_refused(self):
        proposal = self._investment(investment_control="no")
        with self.assertRaisesRegex(UserError, "no control"):
            proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "draft")
        proposal.with_user(self.staff_a).investment_control = False
        with self.assertRaisesRegex(UserError, "controls"):
            proposal.with_user(self.staff_a).request_validation()
        proposal.with_user(self.staff_a).investment_control = "yes"
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")
        self.assertEqual(proposal.state, "under_review")

    def test_every_risk_assessed(self):
        proposal = self._investment()
        political = self.env.ref("ops_project.risk_category_invest_political")
        proposal.investment_risk_ids.filtered(
            lambda r: r.category_id == political
        ).with_user(self.staff_a).unlink()
        with self.assertRaisesRegex(UserError, political.name):
            proposal.with_user(self.staff_a).request_validation()
        # A project risk category is not an investment risk.
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).investment_risk_ids = [
                Command.create(
                    {
                        "category_id": self.env.ref(
                            "ops_project.risk_category_schedule"
                        ).id,
                        "assessment": "x",
                    }
                )
            ]
        proposal.with_user(self.staff_a).investment_risk_ids = [
            Command.create({"category_id": political.id, "assessment": "Stable"})
        ]
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")
        # Submitted: the assessments are frozen, whoever asks.
        with self.assertRaises(UserError):
            proposal.investment_risk_ids[:1].with_user(self.staff_a).level = "low"
        with self.assertRaises(UserError):
            proposal.investment_risk_ids[:1].with_user(self.manager_a).unlink()

    def test_large_investment_needs_full_documents(self):
        self.assertEqual(self.company.ops_invest_docs_limit, 1000000)
        small = self._investment(
            900000, doc_proposal=False, doc_feasibility=False, doc_implementation=False
        )
        small.with_user(self.staff_a).request_validation()
        self.assertEqual(small.state, "under_review")
        large = self._investment(1200000, doc_feasibility=False)
        with self.assertRaisesRegex(UserError, "Feasibility Report"):
            large.with_user(self.staff_a).request_validation()
        self.company.ops_invest_docs_limit = 2000000
        large.with_user(self.staff_a).request_validation()
        self.assertEqual(large.state, "under_review")

    def test_assessments_of_others_hidden(self):
        proposal = self._investment()
        risks = proposal.investment_risk_ids
        with self.assertRaises(AccessError):
            risks.with_user(self.staff_b).read(["assessment"])
        with self.assertRaises(AccessError):
            self.env["ops.project.proposal.risk"].with_user(self.staff_b).create(
                {
                    "proposal_id": proposal.id,
                    "category_id": risks[:1].category_id.id,
                    "assessment": "x",
                }
            )
