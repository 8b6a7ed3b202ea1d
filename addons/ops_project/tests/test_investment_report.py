# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import OpsProjectCase


@tagged("post_install", "-at_install")
class TestInvestmentReport(OpsProjectCase):
    """Quarterly and half-year reports of non-consolidated investments,
    against figures computed by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Invest Fixture Co"})
        for user in (cls.manager_a, cls.gm, cls.staff_a):
            user.company_ids |= cls.company
        cls.inv1 = cls._investment(cls, "Hotel stake", 500000)
        cls.inv2 = cls._investment(cls, "Port stake", 200000)
        cls.consolidated = cls._investment(cls, "Subsidiary", 900000)
        cls.consolidated.ops_investment_consolidated = True
        standard = cls.Proposal.create(
            {
                "name": "Not an investment",
                "kind": "standard",
                "contract_amount": 1000,
                "state": "approved",
                "company_id": cls.company.id,
            }
        )
        standard.action_create_project()
        cls.standard = standard.project_id
        projects = cls.inv1 | cls.inv2 | cls.consolidated | cls.standard
        projects.flush_recordset()
        cls.env.cr.execute(
            "UPDATE project_project SET create_date = '2025-12-01' WHERE id IN %s",
            (tuple(projects.ids),),
        )
        projects.invalidate_recordset(["create_date"])
        Line = cls.env["account.analytic.line"]
        for project, day, amount in [
            (cls.inv1, date(2025, 12, 20), -10000),  # before: to date only
            (cls.inv1, date(2026, 1, 10), -3000),  # Q1 cost
            (cls.inv1, date(2026, 3, 31), 8000),  # Q1 revenue
            (cls.inv1, date(2026, 4, 1), -999),  # Q2: outside Q1
            (cls.inv2, date(2026, 2, 14), -1500),  # Q1 cost
            (cls.inv2, date(2026, 5, 5), 2500),  # Q2 revenue
            (cls.consolidated, date(2026, 2, 1), -77777),  # not reported
        ]:
            Line.create(
                {
                    "name": "Fixture",
                    "account_id": project.account_id.id,
                    "date": day,
                    "amount": amount,
                    "company_id": cls.company.id,
                }
            )
        cls.Report = cls.env["ops.project.investment.report"]

    def _investment(self, name, amount):
        proposal = self.Proposal.create(
            {
                "name": name,
                "kind": "investment",
                "investment_amount": amount,
                "state": "approved",
                "company_id": self.company.id,
            }
        )
        proposal.action_create_project()
        return proposal.project_id

    def _figures(self, report):
        return {
            line.project_id.name: (
                line.investment_amount,
                line.cost_period,
                line.revenue_period,
                line.cost_to_date,
                line.revenue_to_date,
                line.result_to_date,
            )
            for line in report.line_ids
        }

    def test_quarter_figures_match_fixture(self):
        report = self.Report._ops_build(self.company, "quarter", date(2026, 2, 11))
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertEqual(report.name, "Investment report 2026-Q1")
        self.assertEqual(
            self._figures(report),
            {
                # cost Q1 3000, revenue Q1 8000; to date cost 13000.
                "Hotel stake": (500000, 3000, 8000, 13000, 8000, -5000),
                "Port stake": (200000, 1500, 0, 1500, 0, -1500),
            },
        )
        self.assertEqual(
            (
                report.project_count,
                report.investment_total,
                report.cost_total,
                report.revenue_total,
                report.result_total,
            ),
            (2, 700000, 4500, 8000, -6500),
        )
        self.assertEqual(report.state, "built")

    def test_half_year_figures_match_fixture(self):
        report = self.Report._ops_build(self.company, "half", date(2026, 6, 30))
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 6, 30))
        )
        self.assertEqual(
            self._figures(report),
            {
                "Hotel stake": (500000, 3999, 8000, 13999, 8000, -5999),
                "Port stake": (200000, 1500, 2500, 1500, 2500, 1000),
            },
        )

    def test_rebuild_keeps_one_record(self):
        first = self.Report._ops_build(self.company, "quarter", date(2026, 1, 1))
        first.with_user(self.manager_a).commentary = "<p>On track.</p>"
        self.env["account.analytic.line"].create(
            {
                "name": "Late cost",
                "account_id": self.inv2.account_id.id,
                "date": date(2026, 3, 1),
                "amount": -500,
                "company_id": self.company.id,
            }
        )
        second = self.Report._ops_build(self.company, "quarter", date(2026, 3, 31))
        self.assertEqual(first, second)
        self.assertEqual(
            self.Report.search_count([("company_id", "=", self.company.id)]), 1
        )
        self.assertEqual(len(second.line_ids), 2)
        self.assertEqual(self._figures(second)["Port stake"][1], 2000)
        self.assertEqual(second.state, "commented", "the commentary is kept")

    def test_cron_files_commentary_and_send(self):
        # The cron builds last quarter and, at a half-year end, the
        # half-year; a second run builds nothing again.
        today = date(2026, 7, 2)
        self.Report._cron_build_previous_periods(today)
        self.Report._cron_build_previous_periods(today)
        reports = self.Report.search([("company_id", "=", self.company.id)])
        self.assertEqual(
            sorted(reports.mapped("period_type")), ["half", "quarter"], "once each"
        )
        quarter = reports.filtered(lambda r: r.period_type == "quarter")
        self.assertEqual(quarter.date_from, date(2026, 4, 1))
        self.assertTrue(quarter.xlsx_attachment_id and quarter.pdf_attachment_id)
        with zipfile.ZipFile(io.BytesIO(quarter.xlsx_attachment_id.raw)) as book:
            self.assertIn("Hotel stake", book.read("xl/sharedStrings.xml").decode())
        self.assertIn(b"Hotel stake", quarter.pdf_attachment_id.raw)
        as_manager = quarter.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "commentary"):
            as_manager.action_ops_send()
        with self.assertRaises(AccessError):
            quarter.with_user(self.staff_a).commentary = "<p>x</p>"
        as_manager.commentary = "<p>Port revenue started.</p>"
        self.assertIs(as_manager.action_ops_send(), True)
        message = quarter.message_ids.filtered(lambda m: m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(self.gm.partner_id, message.partner_ids)
        self.assertEqual(
            message.attachment_ids,
            quarter.xlsx_attachment_id | quarter.pdf_attachment_id,
        )

    def test_rebuild_button_for_executives_only(self):
        report = self.Report._ops_build(self.company, "quarter", date(2026, 1, 1))
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a).action_rebuild()
        with trap_jobs() as trap:
            report.with_user(self.gm).action_rebuild()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertTrue(report.pdf_attachment_id)
