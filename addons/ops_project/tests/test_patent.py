# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CTX, DOC, OpsProjectCase


@tagged("post_install", "-at_install")
class TestPatentSearch(OpsProjectCase):
    def _search(self, proposal, user=None, **vals):
        values = {
            "name": "Prior art: smart locker",
            "proposal_id": proposal.id,
            "document": DOC,
            "document_name": "search.pdf",
            "result": "risk",
            "conclusion": "Two similar utility models; design around the latch.",
        }
        values.update(vals)
        return (
            self.env["ops.project.patent.search"]
            .with_user(user or self.staff_a)
            .create(values)
        )

    def test_new_product_needs_patent_search(self):
        proposal = self._proposal("non_standard", ops_new_product=True)
        self.assertTrue(proposal.patent_search_required)
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).request_validation()
        # an incomplete search (no report, or no conclusion) is not enough
        incomplete = self._search(proposal, document=False)
        self._search(proposal, conclusion="  ")
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).request_validation()
        incomplete.with_user(self.staff_a).document = DOC
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")
        # the search the reviewers read no longer changes, nor the flag
        with self.assertRaises(UserError):
            incomplete.with_user(self.staff_a).conclusion = "No risk at all"
        with self.assertRaises(UserError):
            self._search(proposal)
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).ops_new_product = False

    def test_investment_new_product_needs_patent_search(self):
        proposal = self._proposal(
            "investment",
            ops_new_product=True,
            investment_amount=500000,
            **self._investment_docs(),
        )
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_a).request_validation()
        self._search(proposal)
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")

    def test_other_proposals_need_none(self):
        proposal = self._proposal("standard", ops_new_product=True)
        self.assertFalse(proposal.patent_search_required)
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")
        proposal = self._proposal("non_standard")
        proposal.with_user(self.staff_a).request_validation()
        self.assertEqual(proposal.state, "under_review")

    def test_search_visibility_follows_the_proposal(self):
        proposal = self._proposal("non_standard", ops_new_product=True)
        search = self._search(proposal)
        Search = self.env["ops.project.patent.search"]
        self.assertFalse(
            Search.with_user(self.staff_b).search([("id", "=", search.id)])
        )
        with self.assertRaises(AccessError):
            self._search(proposal, user=self.staff_b)


@tagged("post_install", "-at_install")
class TestInvention(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.legal = new_test_user(
            cls.env,
            login="t_op_legal",
            groups="ops_project.group_ops_legal",
            context=CTX,
        )
        cls.project = cls.env["project.project"].create(
            {
                "name": "Smart locker",
                "user_id": cls.manager_a.id,
                "ops_is_operations": True,
            }
        )
        cls.Invention = cls.env["ops.project.invention"]

    def _invention(self, **vals):
        values = {
            "name": "Latch with wake-up sensor",
            "project_id": self.project.id,
            "inventor_ids": [(6, 0, self.staff_a.ids)],
        }
        values.update(vals)
        return self.Invention.with_user(self.manager_a).create(values)

    def _searched(self, invention):
        invention.with_user(self.manager_a).write(
            {"search_document": DOC, "search_conclusion": "No prior art found."}
        )

    def test_confidential_until_filed(self):
        invention = self._invention()
        for user in (self.staff_a, self.staff_b, self.manager_b):
            self.assertFalse(
                self.Invention.with_user(user).search([("id", "=", invention.id)])
            )
            with self.assertRaises(AccessError):
                invention.with_user(user).read(["name"])
        for user in (self.manager_a, self.legal, self.gm):
            self.assertEqual(
                self.Invention.with_user(user).search([("id", "=", invention.id)]),
                invention,
            )
        # searched again before any decision
        with self.assertRaises(UserError):
            invention.with_user(self.manager_a).action_decide_patent()
        self._searched(invention)
        invention.with_user(self.manager_a).action_decide_patent()
        self.assertEqual(invention.state, "patent")
        self.assertEqual(invention.decided_by_id, self.manager_a)
        # only legal (or an executive) files, with the application number
        with self.assertRaises(AccessError):
            invention.with_user(self.manager_a).action_file()
        with self.assertRaises(UserError):
            invention.with_user(self.legal).action_file()
        invention.with_user(self.legal).application_number = "CN202610000001.X"
        invention.with_user(self.legal).action_file()
        self.assertEqual(invention.state, "filed")
        # filed: readable by the operations staff, still not theirs to change
        self.assertEqual(
            self.Invention.with_user(self.staff_b).search([("id", "=", invention.id)]),
            invention,
        )
        with self.assertRaises(AccessError):
            invention.with_user(self.staff_b).write({"name": "x"})

    def test_trade_secret_stays_confidential(self):
        invention = self._invention()
        self._searched(invention)
        invention.with_user(self.manager_a).action_decide_trade_secret()
        self.assertEqual(invention.state, "secret")
        with self.assertRaises(UserError):
            invention.with_user(self.legal).action_file()
        with self.assertRaises(AccessError):
            invention.with_user(self.staff_a).read(["name"])

    def test_rpc_bypass(self):
        invention = self._invention()
        for vals in ({"state": "filed"}, {"decision": "patent"}):
            with self.assertRaises(AccessError):
                invention.with_user(self.manager_a).write(vals)
            with self.assertRaises(AccessError):
                invention.with_user(self.manager_a).with_context(ops_server=True).write(
                    vals
                )
        with self.assertRaises(AccessError):
            self.Invention.with_user(self.staff_a).create(
                {"name": "Mine", "project_id": self.project.id}
            )
        self._searched(invention)
        with self.assertRaises(AccessError):
            invention.with_user(self.staff_a).action_decide_patent()
