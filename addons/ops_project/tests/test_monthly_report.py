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
class TestMonthlyReport(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p1 = cls._make_project(cls, "Fixture P1")
        cls.p2 = cls._make_project(cls, "Fixture P2")
        # Both projects existed before the month reported.
        cls._backdate(cls, cls.p1 | cls.p2, date(2026, 1, 5))
        ms = cls.p1.milestone_ids.sorted("id")
        # (deadline, reached_date or None)
        plan = [
            (date(2026, 3, 5), date(2026, 3, 4)),  # due, done
            (date(2026, 3, 20), date(2026, 3, 25)),  # due, done
            (date(2026, 3, 28), None),  # due, late
            (date(2026, 2, 10), None),  # late from February
            (date(2026, 4, 15), None),  # next month
            (date(2026, 2, 1), date(2026, 3, 2)),  # done in March
        ]
        for milestone, (deadline, reached) in zip(ms, plan, strict=True):
            milestone.write({"deadline": deadline, "is_reached": bool(reached)})
            milestone.reached_date = reached
        for milestone in cls.p2.milestone_ids:
            milestone.deadline = date(2026, 6, 1)
        Line = cls.env["account.analytic.line"]
        for day, amount in [
            (date(2026, 2, 15), -1000),
            (date(2026, 3, 10), -2500),
            (date(2026, 3, 31), -500),
            (date(2026, 3, 15), 4000),  # revenue: not a cost
            (date(2026, 4, 1), -700),  # after the month
        ]:
            Line.create(
                {
                    "name": "Cost",
                    "account_id": cls.p1.account_id.id,
                    "date": day,
                    "amount": amount,
                }
            )
        Risk = cls.env["ops.project.risk"]
        category = cls.env.ref("ops_project.risk_category_schedule")
        for name, p, i, state in [
            ("High", "4", "3", "open"),
            ("Low", "1", "1", "open"),
            ("Closed", "5", "5", "closed"),
        ]:
            Risk.create(
                {
                    "name": name,
                    "project_id": cls.p1.id,
                    "category_id": category.id,
                    "probability": p,
                    "impact": i,
                    "state": state,
                }
            )
        Change = cls.env["ops.project.change"]
        for day, state in [
            (date(2026, 3, 3), "approved"),
            (date(2026, 3, 30), "draft"),
            (date(2026, 4, 2), "draft"),
        ]:
            Change.create(
                {
                    "name": "Change",
                    "project_id": cls.p1.id,
                    "description": "<p>x</p>",
                    "request_date": day,
                    "state": state,
                }
            )
        cls.Report = cls.env["ops.project.monthly.report"]

    def _make_project(self, name):
        proposal = self.Proposal.create(
            {
                "name": name,
                "kind": "standard",
                "contract_amount": 100000,
                "state": "approved",
            }
        )
        proposal.action_create_project()
        return proposal.project_id

    def _line(self, report, project):
        return report.line_ids.filtered(lambda line: line.project_id == project)

    def test_figures_match_fixture(self):
        report = self.Report._ops_build(self.company, date(2026, 3, 17))
        self.assertEqual(report.month, date(2026, 3, 1))
        line = self._line(report, self.p1)
        self.assertEqual(
            (line.milestones_due, line.milestones_done, line.milestones_late),
            (3, 3, 2),
        )
        self.assertEqual(line.budget, 100000)
        self.assertEqual(line.actual_month, 3000)
        self.assertEqual(line.actual_to_date, 4000)
        self.assertEqual(
            (line.risks_low, line.risks_medium, line.risks_high), (1, 0, 1)
        )
        self.assertEqual((line.changes_count, line.changes_approved), (2, 1))
        self.assertEqual(
            line.stage_id, self.env.ref("ops_project.stage_phase_research")
        )
        empty = self._line(report, self.p2)
        self.assertEqual(
            (
                empty.milestones_due,
                empty.milestones_late,
                empty.actual_to_date,
                empty.risks_high,
                empty.changes_count,
            ),
            (0, 0, 0, 0, 0),
        )

    def test_rebuild_replaces(self):
        first = self.Report._ops_build(self.company, date(2026, 3, 1))
        line_count = len(first.line_ids)
        self.env["account.analytic.line"].create(
            {
                "name": "Late invoice",
                "account_id": self.p1.account_id.id,
                "date": date(2026, 3, 20),
                "amount": -250,
            }
        )
        second = self.Report._ops_build(self.company, date(2026, 3, 31))
        self.assertEqual(first, second)
        self.assertEqual(
            self.Report.search_count(
                [("company_id", "=", self.company.id), ("month", "=", date(2026, 3, 1))]
            ),
            1,
        )
        self.assertEqual(len(second.line_ids), line_count)
        self.assertEqual(self._line(second, self.p1).actual_month, 3250)

    def _backdate(self, projects, day):
        projects.flush_recordset()
        self.env.cr.execute(
            "UPDATE project_project SET create_date = %s WHERE id IN %s",
            (day, tuple(projects.ids)),
        )
        projects.invalidate_recordset(["create_date"])

    def test_month_boundaries(self):
        """A project created the 1st of the next month is not in the month's
        report; one created the last day is."""
        late = self._make_project("Created in April")
        self._backdate(late, date(2026, 4, 1))
        last_day = self._make_project("Created 31 March")
        self._backdate(last_day, date(2026, 3, 31))
        report = self.Report._ops_build(self.company, date(2026, 3, 1))
        projects = report.line_ids.project_id
        self.assertNotIn(late, projects)
        self.assertIn(last_day, projects)
        self.assertIn(self.p1, projects)

    def _build(self, action):
        """Run a build button: it queues one job, which builds the report."""
        with trap_jobs() as trap:
            result = action()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        return result

    def test_wizard_and_exports(self):
        wizard = (
            self.env["ops.project.monthly.report.wizard"]
            .with_user(self.gm)
            .create({"month": date(2026, 3, 9)})
        )
        action = self._build(wizard.action_build)
        report = self.Report.browse(action["res_id"])
        self.assertTrue(report.line_ids, "built by the job")
        self.assertEqual(report.month, date(2026, 3, 1))
        xlsx, kind = self.env["ir.actions.report"]._render(
            "ops_project.monthly_report_xlsx", report.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Fixture P1", strings)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ops_project.report_monthly_report", report.ids
        )
        self.assertIn("Fixture P1", html.decode())

    def test_cron_builds_and_waits_for_commentary(self):
        """The cron builds the report and asks the operations managers for
        the commentary; nothing reaches senior management before it."""
        self.Report._cron_build_previous_month()
        report = self.Report.search([("company_id", "=", self.company.id)], limit=1)
        self.assertEqual(report.state, "built")
        self.assertFalse(report.message_ids.filtered(lambda m: m.partner_ids))
        self.assertIn(
            self.manager_a,
            report.activity_ids.user_id,
            "the operations manager is asked to write the commentary",
        )

    def _files(self, report):
        return self.env["ir.attachment"].search(
            [("res_model", "=", report._name), ("res_id", "=", report.id)]
        )

    def test_files_stored_and_replaced(self):
        wizard = (
            self.env["ops.project.monthly.report.wizard"]
            .with_user(self.gm)
            .create({"month": date(2026, 3, 9)})
        )
        report = self.Report.browse(self._build(wizard.action_build)["res_id"])
        files = self._files(report)
        self.assertEqual(len(files), 2)
        self.assertEqual(
            sorted(name.rsplit(".", 1)[1] for name in files.mapped("name")),
            ["pdf", "xlsx"],
        )
        self.assertEqual(report.xlsx_attachment_id | report.pdf_attachment_id, files)
        with zipfile.ZipFile(io.BytesIO(report.xlsx_attachment_id.raw)) as book:
            self.assertIn("Fixture P1", book.read("xl/sharedStrings.xml").decode())
        self.assertIn(b"Fixture P1", report.pdf_attachment_id.raw)
        # A new cost changes the figures; rebuilding rewrites the same two files.
        self.env["account.analytic.line"].create(
            {
                "name": "Late invoice",
                "account_id": self.p1.account_id.id,
                "date": date(2026, 3, 20),
                "amount": -250,
            }
        )
        old_pdf = report.pdf_attachment_id.raw
        self._build(report.with_user(self.gm).action_rebuild)
        self.assertEqual(self._files(report), files)
        self.assertEqual(len(self._files(report)), 2)
        self.assertNotEqual(report.pdf_attachment_id.raw, old_pdf)

    def test_cron_message_carries_the_files(self):
        self.Report._cron_build_previous_month()
        self.Report._cron_build_previous_month()
        report = self.Report.search([("company_id", "=", self.company.id)], limit=1)
        self.assertEqual(len(self._files(report)), 2)
        self.assertEqual(
            len(report.activity_ids.filtered(lambda a: a.user_id == self.manager_a)),
            1,
            "asked once",
        )
        as_manager = report.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "commentary"):
            as_manager.action_ops_send()
        as_manager.commentary = "<p>A quiet month; P1 is late.</p>"
        self.assertEqual(report.state, "commented")
        self.assertIs(as_manager.action_ops_send(), True)
        self.assertEqual(report.state, "sent")
        self.assertEqual(report.sent_by_id, self.manager_a)
        messages = report.message_ids.filtered(lambda m: m.partner_ids)
        self.assertEqual(len(messages), 1)
        self.assertEqual(
            messages.attachment_ids,
            report.xlsx_attachment_id | report.pdf_attachment_id,
        )
        self.assertIn(self.gm.partner_id, messages.partner_ids)
        self.assertIn("A quiet month", messages.body)
        with self.assertRaises(UserError):
            as_manager.action_ops_send()
        with self.assertRaises(UserError):
            as_manager.commentary = "<p>Rewritten after sending</p>"
        with self.assertRaises(UserError):
            self._build(report.with_user(self.gm).action_rebuild)
        self.assertEqual(
            len(report.message_ids.filtered(lambda m: m.partner_ids)),
            1,
            "the second run sends nothing again",
        )

    def test_commentary_rights(self):
        """Only an operations manager writes the commentary; nobody writes
        the figures or the state, whatever the client sends."""
        report = self.Report._ops_build(self.company, date(2026, 3, 1))
        self.assertEqual(report.state, "built")
        with self.assertRaises(AccessError):
            report.with_user(self.staff_a).commentary = "<p>x</p>"
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a).write({"budget_total": 1})
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a).write(
                {"state": "sent", "commentary": "<p>x</p>"}
            )
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a).with_context(ops_server=True).write(
                {"state": "commented"}
            )
        with self.assertRaises(AccessError):
            report.with_user(self.staff_a).action_ops_send()
        with self.assertRaises(AccessError):
            self.Report.with_user(self.gm).create(
                {"name": "Forged", "month": date(2026, 5, 1)}
            )
        self.assertEqual(report.state, "built")
        # An empty commentary is no commentary.
        report.with_user(self.manager_a).commentary = "<p><br></p>"
        with self.assertRaisesRegex(UserError, "commentary"):
            report.with_user(self.manager_a).action_ops_send()

    def test_totals_in_files(self):
        report = self.Report._ops_build(self.company, date(2026, 3, 1))
        xlsx, _kind = self.env["ir.actions.report"]._render(
            "ops_project.monthly_report_xlsx", report.ids, {}
        )
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("Total", strings)
        self.assertIn("<cols>", sheet, "column widths are set")
        # Totals row under the lines: the sum of every line's actual to date
        # (P1's 4000 among them).
        total_row = len(report.line_ids) + 5
        expected = sum(report.line_ids.mapped("actual_to_date"))
        self.assertGreaterEqual(expected, 4000)
        self.assertRegex(sheet, rf'<c r="I{total_row}"[^>]*><v>{expected:.16G}</v>')
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ops_project.report_monthly_report", report.ids
        )
        html = html.decode()
        self.assertIn("o_ops_total", html)
        self.assertIn("text-nowrap", html)
        self.assertIn("o_company_", html, "standard external layout")
