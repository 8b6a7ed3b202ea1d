# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.ops_base.models.ops_guard import as_server

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestCrons(MarketingCase):
    def _activities(self, record, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def test_evaluation_reminder_once_per_day(self):
        self.company.ops_campaign_evaluation_days = 7
        late = self._campaign(
            name="Ended long ago",
            state="ended",
            date_start=self.today - timedelta(days=30),
            date_end=self.today - timedelta(days=8),
        )
        recent = self._campaign(
            name="Ended yesterday",
            state="ended",
            date_start=self.today - timedelta(days=30),
            date_end=self.today - timedelta(days=1),
        )
        evaluated = self._campaign(
            name="Evaluated",
            state="evaluated",
            date_start=self.today - timedelta(days=30),
            date_end=self.today - timedelta(days=20),
        )
        Campaign = self.env["ops.marketing.campaign"]
        Campaign._cron_evaluation_reminder()
        Campaign._cron_evaluation_reminder()
        xmlid = "ops_marketing.mail_activity_campaign_evaluation"
        reminders = self._activities(late, xmlid)
        self.assertEqual(len(reminders), 1, "two runs the same day remind once")
        self.assertEqual(reminders.user_id, self.user_a)
        self.assertEqual(late.last_reminder_date, self.today)
        self.assertFalse(self._activities(recent, xmlid))
        self.assertFalse(self._activities(evaluated, xmlid))
        # The next day, the owner is reminded again. (The reminder date is
        # written by the server only: the test moves it back as the server.)
        as_server(late).last_reminder_date = self.today - timedelta(days=1)
        reminders.date_deadline = self.today - timedelta(days=1)
        Campaign._cron_evaluation_reminder()
        self.assertEqual(len(self._activities(late, xmlid)), 2)
        # Closing the evaluation marks the reminders done.
        late.write({"evaluation_summary": "<p>S</p>", "evaluation_lessons": "<p>L</p>"})
        late.action_evaluate()
        self.assertFalse(self._activities(late, xmlid))

    def test_overdue_incident_escalates_once(self):
        boss = self.manager
        self.user_b.employee_id.parent_id = boss.employee_id
        Incident = self.env["ops.brand.incident"].with_user(self.user_b)
        overdue = Incident.create(
            {
                "name": "Fake shop",
                "brand_id": self.brand.id,
                "incident_type": "infringement",
                "user_id": self.user_b.id,
                "deadline": self.today - timedelta(days=1),
            }
        )
        on_time = Incident.create(
            {
                "name": "Bad review",
                "brand_id": self.brand.id,
                "user_id": self.user_b.id,
                "deadline": self.today + timedelta(days=3),
            }
        )
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(on_time.is_overdue)
        escalated = self.env["ops.brand.incident"]._cron_escalate_overdue()
        self.env["ops.brand.incident"]._cron_escalate_overdue()
        self.assertEqual(escalated, overdue)
        xmlid = "ops_marketing.mail_activity_incident_escalation"
        activity = self._activities(overdue, xmlid)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, boss)
        self.assertEqual(overdue.escalated_date, self.today)
        self.assertFalse(self._activities(on_time, xmlid))

    def test_customer_layers_and_revisits(self):
        self.company.write(
            {
                "ops_layer_important_revenue": 10000,
                "ops_layer_potential_opportunities": 1,
                "ops_churn_days": 30,
            }
        )
        Partner = self.env["res.partner"]
        big, prospect, quiet = Partner.create(
            [{"name": "Big buyer"}, {"name": "Prospect"}, {"name": "Quiet one"}]
        )
        Lead = self.env["crm.lead"]
        won = Lead.create(
            {
                "name": "Big deal",
                "type": "opportunity",
                "partner_id": big.id,
                "expected_revenue": 12000,
            }
        )
        won.action_set_won()
        Lead.create({"name": "Maybe", "type": "opportunity", "partner_id": prospect.id})
        old = Lead.create(
            {
                "name": "Old small deal",
                "type": "opportunity",
                "partner_id": quiet.id,
                "expected_revenue": 500,
            }
        )
        old.action_set_won()
        long_ago = fields.Datetime.now() - timedelta(days=60)
        old.write({"date_last_stage_update": long_ago, "date_closed": long_ago})
        Partner._ops_update_customer_layers()
        self.assertEqual(big.ops_customer_layer, "important")
        self.assertEqual(big.ops_revenue_12m, 12000)
        self.assertEqual(prospect.ops_customer_layer, "potential")
        self.assertEqual(prospect.ops_open_opportunity_count, 1)
        self.assertEqual(quiet.ops_customer_layer, "ordinary")
        self.assertTrue(quiet.ops_churn_risk)
        self.assertFalse(big.ops_churn_risk)
        # Manual override wins over the rules.
        quiet.ops_layer_manual = "important"
        self.assertEqual(quiet.ops_customer_layer, "important")
        # One revisit, however often the action runs.
        Partner._ops_update_customer_layers()
        xmlid = "ops_marketing.mail_activity_customer_revisit"
        self.assertEqual(len(self._activities(quiet, xmlid)), 1)
        self.assertFalse(self._activities(big, xmlid))
        self.assertEqual(quiet.ops_customer_layer, "important")
