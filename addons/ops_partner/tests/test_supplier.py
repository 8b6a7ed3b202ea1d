# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import timedelta

from openpyxl import load_workbook

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OpsPartnerCase


@tagged("post_install", "-at_install")
class TestSupplier(OpsPartnerCase):
    def _po(self, user=None, partner=None):
        return (
            self.env["purchase.order"]
            .with_user(user or self.buyer)
            .create(
                {
                    "partner_id": (partner or self.supplier).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_qty": 5,
                                "price_unit": 40.0,
                            }
                        )
                    ],
                }
            )
        )

    def test_scorecard_is_weighted(self):
        evaluation = self._evaluation(score=0)
        lines = evaluation.line_ids
        self.assertEqual(len(lines), 5)
        quality = lines.filtered(lambda line: line.criterion_id.code == "quality")
        quality.with_user(self.buyer).score = 100  # weight 30 of 100
        self.assertAlmostEqual(evaluation.score, 30.0)

    def test_admission_approved_by_departments_then_decision(self):
        evaluation = self._evaluation()
        evaluation.with_user(self.buyer).request_validation()
        # The buyer does not decide their own evaluation.
        with self.assertRaises(UserError):
            self._decide(evaluation, self.buyer)
        # The qualification decision waits for the three departments.
        with self.assertRaises(UserError):
            self._decide(evaluation, self.buyer_manager)
        # The scorecard is frozen once submitted.
        with self.assertRaises(UserError):
            evaluation.line_ids[:1].with_user(self.buyer).write({"score": 100})
        with self.assertRaises(UserError):
            evaluation.with_user(self.buyer).write({"decision": "conditional"})
        for reviewer in (self.quality, self.finance, self.technical):
            self._decide(evaluation, reviewer)
        self.assertEqual(evaluation.state, "draft")
        self._decide(evaluation, self.buyer_manager)
        self.assertEqual(evaluation.state, "approved")
        self.assertGreater(
            evaluation.valid_until, fields.Date.context_today(evaluation)
        )
        self.assertEqual(
            self.supplier.with_user(self.buyer).ops_supplier_status, "qualified"
        )

    def test_rpc_bypass_on_evaluation(self):
        evaluation = self._evaluation()
        with self.assertRaises(UserError):
            evaluation.with_user(self.buyer).write({"state": "approved"})
        with self.assertRaises(AccessError):
            evaluation.with_user(self.buyer).write(
                {"valid_until": fields.Date.today() + timedelta(days=900)}
            )
        with self.assertRaises(UserError):
            self.env["ops.supplier.evaluation"].with_user(self.buyer).create(
                {"partner_id": self.supplier.id, "state": "approved"}
            )
        # Only purchasing submits an evaluation.
        with self.assertRaises(AccessError):
            evaluation.with_user(self.quality).request_validation()

    def test_po_to_unqualified_supplier_refused(self):
        po = self._po()
        with self.assertRaisesRegex(UserError, "not a qualified supplier"):
            po.button_confirm()
        self.assertEqual(po.state, "draft")
        # Writing the state over RPC meets the same rule.
        with self.assertRaises(UserError):
            po.write({"state": "purchase"})
        self._qualify(self._evaluation())
        po.button_confirm()
        self.assertIn(po.state, ("purchase", "to approve"))

    def test_po_to_expired_supplier_refused(self):
        evaluation = self._qualify(self._evaluation())
        self.assertEqual(evaluation.state, "approved")
        evaluation.sudo().valid_until = fields.Date.today() - timedelta(days=1)
        po = self._po()
        with self.assertRaisesRegex(UserError, "expired"):
            po.button_confirm()

    def test_rejected_supplier_refused(self):
        evaluation = self._evaluation(decision="rejected", score=20)
        self._qualify(evaluation)
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(self.supplier.ops_supplier_status, "rejected")
        with self.assertRaises(UserError):
            self._po().button_confirm()

    def test_setting_off_keeps_purchase_as_is(self):
        self.company.ops_supplier_qualification_required = False
        po = self._po()
        po.button_confirm()
        self.assertIn(po.state, ("purchase", "to approve"))

    def test_reevaluation_cron_is_idempotent(self):
        evaluation = self._qualify(self._evaluation())
        other = self._qualify(
            self._evaluation(
                partner=self.env["res.partner"].create(
                    {"name": "Far Supplier", "is_company": True}
                )
            )
        )
        evaluation.sudo().valid_until = fields.Date.today() + timedelta(days=10)
        Evaluation = self.env["ops.supplier.evaluation"]
        before = Evaluation.search_count([])
        Evaluation._cron_open_reevaluations()
        created = Evaluation.search([("previous_id", "=", evaluation.id)])
        self.assertEqual(len(created), 1)
        self.assertEqual(created.kind, "periodic")
        self.assertEqual(created.state, "draft")
        self.assertEqual(len(created.line_ids), 5)
        self.assertEqual(created.activity_ids.user_id, self.buyer)
        self.assertFalse(Evaluation.search([("previous_id", "=", other.id)]))
        Evaluation._cron_open_reevaluations()
        self.assertEqual(Evaluation.search_count([]), before + 1)
        self.assertEqual(len(created.activity_ids), 1)

    def test_score_trend_and_visibility(self):
        self._qualify(self._evaluation(score=70))
        # Outside purchasing, quality, technical and finance nobody reads scores.
        with self.assertRaises(AccessError):
            self.env["ops.supplier.evaluation"].with_user(self.staff).search([])
        groups = (
            self.env["ops.supplier.evaluation"]
            .with_user(self.gm)
            .read_group(
                [("partner_id", "=", self.supplier.id)], ["score:avg"], ["date:month"]
            )
        )
        self.assertEqual(groups[0]["score"], 70.0)

    def test_xlsx_export(self):
        evaluation = self._qualify(self._evaluation(score=70))
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.buyer)
            ._render_xlsx("ops_partner.supplier_evaluation_xlsx", evaluation.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.max_row, 2)
        self.assertEqual(sheet.cell(2, 1).value, self.supplier.display_name)
        self.assertEqual(sheet.cell(2, 5).value, 70)
