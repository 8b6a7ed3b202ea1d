# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command, fields

from .common import StoreCase

FRIDAY = date(2026, 11, 20)
WEDNESDAY = date(2026, 11, 18)


class TestCadence(StoreCase):
    def _activities(self, model, xmlid, user=None):
        domain = [
            ("res_model", "=", model),
            ("activity_type_id", "=", self.env.ref(xmlid).id),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)

    def test_weekly_visit_activity_once(self):
        Duty = self.env["ops.store.duty"]
        Duty._cron_weekly_visits(today=WEDNESDAY)
        self.assertFalse(
            self._activities("ops.store.duty", "ops_store.activity_weekly_visit")
        )
        # merch visited a store this week; merch2 did not
        visit = (
            self.env["ops.store.visit"]
            .with_user(self.merch)
            .create(
                {
                    "kind": "merchandising",
                    "store_id": self.store.id,
                    "date": WEDNESDAY,
                    "report": "<p>Display fine, summer series low.</p>",
                }
            )
        )
        visit.with_user(self.merch).action_done()
        Duty._cron_weekly_visits(today=FRIDAY)
        Duty._cron_weekly_visits(today=FRIDAY)
        self.assertEqual(
            len(
                self._activities(
                    "ops.store.duty", "ops_store.activity_weekly_visit", self.merch2
                )
            ),
            1,
        )
        self.assertFalse(
            self._activities(
                "ops.store.duty", "ops_store.activity_weekly_visit", self.merch
            )
        )
        # merch2 records the visit: the duty is done, the activity closed
        visit2 = (
            self.env["ops.store.visit"]
            .with_user(self.merch2)
            .create(
                {
                    "kind": "merchandising",
                    "store_id": self.stores[1].id,
                    "date": FRIDAY,
                    "report": "<p>Visited.</p>",
                }
            )
        )
        visit2.with_user(self.merch2).action_done()
        duty = Duty.search([("user_id", "=", self.merch2.id)])
        self.assertEqual(duty.state, "done")
        self.assertFalse(
            self._activities(
                "ops.store.duty", "ops_store.activity_weekly_visit", self.merch2
            )
        )

    def test_visit_report_required(self):
        visit = (
            self.env["ops.store.visit"]
            .with_user(self.merch)
            .create({"kind": "merchandising", "store_id": self.store.id})
        )
        with self.assertRaisesMsg(Exception, "visit report"):
            visit.with_user(self.merch).action_done()

    def test_monthly_analysis_once_then_escalated_once(self):
        Duty = self.env["ops.store.duty"]
        Duty._cron_monthly_analysis(today=date(2026, 11, 2))
        Duty._cron_monthly_analysis(today=date(2026, 11, 3))
        xmlid = "ops_store.activity_monthly_analysis"
        self.assertEqual(len(self._activities("ops.store.duty", xmlid, self.merch2)), 1)
        duty = Duty.search([("kind", "=", "monthly_analysis")])
        self.assertEqual(str(duty.period_start), "2026-10-01")
        self.assertEqual(str(duty.deadline), "2026-11-05")
        Duty._cron_monthly_analysis(today=date(2026, 11, 6))
        Duty._cron_monthly_analysis(today=date(2026, 11, 7))
        self.assertEqual(
            len(self._activities("ops.store.duty", xmlid, self.director)), 1
        )
        # the analysis is written and submitted: the duty is done
        analysis = (
            self.env["ops.store.analysis"]
            .with_user(self.merch2)
            .create(
                {
                    "kind": "monthly",
                    "period_start": "2026-10-01",
                    "period_end": "2026-10-31",
                    "summary": "<p>October: summer series cleared.</p>",
                }
            )
        )
        analysis.with_user(self.merch2).action_submit()
        self.assertEqual(duty.state, "done")
        # its activities (the manager's and the escalation) are closed, and
        # the next runs create none
        self.assertFalse(self._activities("ops.store.duty", xmlid))
        Duty._cron_monthly_analysis(today=date(2026, 11, 8))
        self.assertFalse(self._activities("ops.store.duty", xmlid))

    def test_monthly_analysis_submitted_in_time_no_duty(self):
        self.env["ops.store.analysis"].with_user(self.merch2).create(
            {
                "kind": "monthly",
                "period_start": "2026-10-01",
                "period_end": "2026-10-31",
                "summary": "<p>Done early.</p>",
            }
        ).with_user(self.merch2).action_submit()
        self.env["ops.store.duty"]._cron_monthly_analysis(today=date(2026, 11, 2))
        self.assertFalse(
            self.env["ops.store.duty"].search([("kind", "=", "monthly_analysis")])
        )

    def test_daily_summary_once_per_day(self):
        region = self.env["ops.store.region"].create(
            {
                "name": "West",
                "area": "Chengdu",
                "manager_id": self.regional.id,
                "store_ids": [Command.set(self.stores[:4].ids)],
            }
        )
        Summary = self.env["ops.store.summary"]
        today = date.today()
        Summary._cron_daily_summary(today=today)
        Summary._cron_daily_summary(today=today)
        summary = Summary.search([("date", "=", today)])
        self.assertEqual(len(summary), 1)
        # 5 stores and the central warehouse (beside any demo store)
        lines = summary.line_ids.filtered(
            lambda line: line.store_id in self.stores
            or line.warehouse_id == self.central
        )
        self.assertEqual(len(lines), 6)
        line = summary.line_ids.filtered(lambda line: line.store_id == self.store)
        self.assertEqual(line.stock_qty, 44)
        self.assertEqual(line.sales_28d_qty, 56)
        self.assertEqual(line.region_id, region)
        self.assertTrue(summary.attachment_id.datas)
        self.assertIn(self.regional.partner_id, summary.recipient_ids)
        self.assertIn(self.merch.partner_id, summary.recipient_ids)
        self.assertNotIn(self.store_manager.partner_id, summary.recipient_ids)
        messages = summary.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.attachment_ids, summary.attachment_id)
        # the next day, a new one
        Summary._cron_daily_summary(today=date.fromordinal(today.toordinal() + 1))
        self.assertEqual(
            Summary.search_count([("company_id", "=", self.company.id)]), 2
        )
        # store staff do not read the summaries
        self.assertFalse(
            self.env["ops.store.summary"]
            .with_user(self.store_manager)
            .has_access("read")
        )

    def test_weekly_sellers(self):
        today = date.today()
        Analysis = self.env["ops.store.analysis"]
        # the setup's sales move to today (this week): last week only has 4
        self.env["stock.move"].search(
            [("location_id", "=", self.store.warehouse_id.lot_stock_id.id)]
        ).date = fields.Datetime.now()
        self._sell(self.store, self.product, 4, days_ago=today.weekday() + 3)
        Analysis._cron_weekly_sellers(today=today)
        Analysis._cron_weekly_sellers(today=today)
        weekly = Analysis.search([("kind", "=", "weekly")])
        self.assertEqual(len(weekly), 1)
        best = weekly.line_ids.filtered(
            lambda line: line.kind == "best" and line.store_id == self.store
        )
        self.assertEqual(best.product_id, self.product)
        self.assertEqual(best.qty_sold, 4)
