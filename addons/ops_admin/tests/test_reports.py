# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CTX, OpsAdminCase


@tagged("post_install", "-at_install")
class TestReportsAndCompanies(OpsAdminCase):
    def _xlsx_strings(self, report, records, user):
        xlsx, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(report, records.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            return book.read("xl/sharedStrings.xml").decode()

    def test_xlsx_exports(self):
        travel = self._approved_travel(destination="Chengdu")
        self.assertIn(
            "Chengdu",
            self._xlsx_strings("ops_admin.travel_xlsx", travel, self.head_a),
        )
        loan = self._loan(destination="Partner lab")
        self.assertIn(
            "Spectrometer S1",
            self._xlsx_strings("ops_admin.loan_xlsx", loan, self.staff_a),
        )
        # the export reads what the user may read, nothing more
        with self.assertRaises(AccessError):
            self._xlsx_strings("ops_admin.loan_xlsx", loan, self.staff_b)

    def test_other_company_records_stay_there(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        outsider = new_test_user(
            self.env,
            login="t_adm_other_exec",
            groups="ops_base.group_ops_executive",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
            context=CTX,
        )
        travel = self._travel()
        loan = self._loan()
        self.assertFalse(
            self.Travel.with_user(outsider).search([("id", "=", travel.id)])
        )
        self.assertFalse(self.Loan.with_user(outsider).search([("id", "=", loan.id)]))
        with self.assertRaises(AccessError):
            travel.with_user(outsider).read(["destination"])
