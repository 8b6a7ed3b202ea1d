# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsPartnerCase


@tagged("post_install", "-at_install")
class TestOperator(OpsPartnerCase):
    def _diligence(self, complete=True):
        Diligence = self.env["ops.operator.diligence"].with_user(self.buyer)
        diligence = Diligence.create(
            {
                "partner_id": self.operator.id,
                "line_ids": Diligence.default_get(["line_ids"])["line_ids"],
            }
        )
        if complete:
            diligence.line_ids.write({"result": "pass", "finding": "Checked"})
            diligence.conclusion = "Fit for selection"
        return diligence

    def _approve_diligence(self, diligence):
        diligence.with_user(self.buyer).request_validation()
        self._decide(diligence, self.legal)
        self._decide(diligence, self.gm)
        return diligence

    def _contract(self, partner=None, kind="operator", clauses=()):
        agreement = (
            self.env["agreement"]
            .with_user(self.legal)
            .create(
                {
                    "name": "Operations contract",
                    "partner_id": (partner or self.operator).id,
                    "ops_contract_kind": kind,
                }
            )
        )
        for clause_kind in clauses:
            self.env["agreement.clause"].with_user(self.legal).create(
                {
                    "name": clause_kind,
                    "agreement_id": agreement.id,
                    "ops_clause_kind": clause_kind,
                }
            )
        return agreement

    def test_due_diligence_required_before_approval(self):
        diligence = self._diligence(complete=False)
        self.assertEqual(len(diligence.line_ids), 6)
        with self.assertRaisesRegex(UserError, "incomplete"):
            diligence.with_user(self.buyer).request_validation()
        diligence.line_ids.write({"result": "pass", "finding": "Checked"})
        diligence.line_ids[:1].with_user(self.legal).unlink()
        diligence.conclusion = "OK"
        with self.assertRaisesRegex(UserError, "incomplete"):
            diligence.with_user(self.buyer).request_validation()

    def test_due_diligence_approval(self):
        diligence = self._diligence()
        diligence.with_user(self.buyer).request_validation()
        with self.assertRaises(UserError):
            self._decide(diligence, self.buyer)
        with self.assertRaises(UserError):
            diligence.with_user(self.buyer).write({"state": "approved"})
        with self.assertRaises(UserError):
            diligence.line_ids[:1].with_user(self.buyer).write({"result": "fail"})
        self._decide(diligence, self.legal)
        self._decide(diligence, self.gm)
        self.assertEqual(diligence.state, "approved")
        self.assertEqual(self.operator.ops_operator_status, "approved")

    def test_nobody_outside_reads_due_diligence(self):
        diligence = self._diligence()
        for user in (self.staff, self.seller, self.quality, self.finance):
            with self.assertRaises(AccessError):
                diligence.with_user(user).read(["conclusion"])
            with self.assertRaises(AccessError):
                diligence.line_ids.with_user(user).read(["finding"])
        self.assertTrue(diligence.with_user(self.legal).read(["conclusion"]))

    def test_contract_without_clauses_cannot_be_activated(self):
        self._approve_diligence(self._diligence())
        contract = self._contract(clauses=("confidentiality",))
        with self.assertRaisesRegex(UserError, "Data Security"):
            contract.with_user(self.legal).write({"state": "active"})
        active_stage = self.env.ref("agreement_legal.agreement_stage_active")
        with self.assertRaises(UserError):
            contract.with_user(self.legal).write({"stage_id": active_stage.id})
        with self.assertRaises(UserError):
            self._contract(clauses=()).with_user(self.legal).write({"state": "active"})
        self.env["agreement.clause"].with_user(self.legal).create(
            {
                "name": "Data",
                "agreement_id": contract.id,
                "ops_clause_kind": "data_security",
            }
        )
        contract.with_user(self.legal).write({"stage_id": active_stage.id})
        self.assertEqual(contract.stage_id, active_stage)
        # Once active, its required clauses stay.
        clause = contract.clauses_ids.filtered(
            lambda c: c.ops_clause_kind == "confidentiality"
        )
        with self.assertRaises(UserError):
            clause.with_user(self.legal).write({"ops_clause_kind": "other"})
        with self.assertRaises(UserError):
            clause.with_user(self.legal).unlink()

    def test_contract_needs_approved_operator(self):
        contract = self._contract(clauses=("confidentiality", "data_security"))
        with self.assertRaisesRegex(UserError, "due diligence"):
            contract.with_user(self.legal).write({"state": "active"})

    def test_supply_contract_needs_qualified_supplier(self):
        contract = self._contract(partner=self.supplier, kind="supply")
        with self.assertRaisesRegex(UserError, "qualified"):
            contract.with_user(self.legal).write({"state": "active"})
        self._qualify(self._evaluation())
        contract.with_user(self.legal).write({"state": "active"})
        self.assertEqual(contract.state, "active")

    def test_operator_evaluation_needs_actions_for_weak_scores(self):
        evaluation = (
            self.env["ops.operator.evaluation"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.operator.id,
                    "compliance_score": 90,
                    "security_score": 50,
                    "service_score": 80,
                }
            )
        )
        self.assertAlmostEqual(evaluation.score, 73.33)
        with self.assertRaises(UserError):
            evaluation.action_done()
        with self.assertRaises(UserError):
            evaluation.write({"state": "done"})
        evaluation.write(
            {
                "action_ids": [
                    Command.create(
                        {
                            "name": "Encrypt backups",
                            "owner_id": self.legal.id,
                            "deadline": "2030-01-01",
                        }
                    )
                ]
            }
        )
        evaluation.action_done()
        self.assertEqual(evaluation.state, "done")
        with self.assertRaises(UserError):
            evaluation.write({"security_score": 90})

    def test_dispute_negotiation_first(self):
        dispute = (
            self.env["ops.partner.dispute"]
            .with_user(self.legal)
            .create({"name": "Late report", "partner_id": self.operator.id})
        )
        with self.assertRaisesRegex(UserError, "negotiation"):
            dispute.action_escalate()
        with self.assertRaises(UserError):
            dispute.write({"path": "arbitration"})
        dispute.negotiation_note = "Met twice, no agreement"
        dispute.action_escalate()
        self.assertEqual(dispute.path, "mediation")
        with self.assertRaises(UserError):
            dispute.action_resolve()
        dispute.resolution = "Mediated settlement"
        dispute.action_resolve()
        self.assertEqual(dispute.state, "resolved")

    def test_incident_goes_to_accountability(self):
        employee = self.env["hr.employee"].create({"name": "Buyer in charge"})
        incident = (
            self.env["ops.partner.incident"]
            .with_user(self.buyer)
            .create(
                {
                    "name": "Supplier delivered faulty batch",
                    "partner_id": self.supplier.id,
                    "employee_id": employee.id,
                    "decision": "penalty",
                    "points": -2,
                }
            )
        )
        with self.assertRaises(UserError):
            incident.action_announce()
        with self.assertRaises(UserError):
            incident.write({"state": "announced"})
        incident.with_user(self.buyer_manager).action_announce()
        accountability = incident.sudo().accountability_id
        self.assertEqual(accountability.employee_id, employee)
        self.assertEqual(accountability.decision, "penalty")
        self.assertEqual(accountability.res_model, "ops.partner.incident")
        self.assertEqual(accountability.res_id, incident.id)
        with self.assertRaises(UserError):
            incident.with_user(self.buyer_manager).write({"points": 5})

    def test_other_company_records_hidden(self):
        other = self.env["res.company"].create({"name": "Other Co T"})
        diligence = self._diligence()
        diligence.sudo().company_id = other
        with self.assertRaises(AccessError):
            diligence.with_user(self.legal).read(["conclusion"])
