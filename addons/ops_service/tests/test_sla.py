# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestSla(ServiceCase):
    def test_deadlines_over_weekend(self):
        """Urgent complaint on Friday 16:00: 2 working hours and 1 working day.

        Friday 16-17 gives 1 hour; Monday 8-9 the second hour -> Monday 09:00.
        Resolution (8 h): Friday 1 h + Monday 8-12 (4 h) + 13-16 (3 h) ->
        Monday 16:00.
        """
        ticket = self._ticket(self.cat_complaint, priority="3")
        self._set_create_date(ticket, datetime(2026, 11, 20, 16, 0))  # Friday
        self.assertEqual(len(ticket.ticket_sla_ids), 2)
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 23, 9, 0))
        self.assertEqual(ticket.resolution_deadline, datetime(2026, 11, 23, 16, 0))

    def test_deadlines_within_week(self):
        """High fault on Tuesday 11:00: 2 working hours and 2 working days.

        Response: Tuesday 11-12 + 13-14 -> Tuesday 14:00. Resolution (16 h):
        Tuesday 5 h, Wednesday 8 h, Thursday 8-11 (3 h) -> Thursday 11:00.
        """
        ticket = self._ticket(self.cat_fault, priority="2")
        self._set_create_date(ticket, datetime(2026, 11, 17, 11, 0))  # Tuesday
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 17, 14, 0))
        self.assertEqual(ticket.resolution_deadline, datetime(2026, 11, 19, 11, 0))

    def test_priority_change_refreshes_sla(self):
        ticket = self._ticket(self.cat_complaint, priority="0")
        self.assertEqual(ticket.sla_ids.mapped("ticket_priority"), ["0", "0"])
        ticket.priority = "3"
        self.assertEqual(ticket.sla_ids.mapped("ticket_priority"), ["3", "3"])

    def _escalation_activities(self, tickets):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "in", tickets.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("ops_service.mail_activity_type_escalation").id,
                ),
            ]
        )

    def test_escalation_once_per_level(self):
        late = self._ticket(self.cat_complaint, priority="3")
        self._set_create_date(late, fields.Datetime.now() - timedelta(days=30))
        on_time = self._ticket(self.cat_complaint, priority="0")
        closed_late = self._ticket(self.cat_fault, priority="3")
        self._set_create_date(closed_late, fields.Datetime.now() - timedelta(days=30))
        closed_late.with_user(self.leader).stage_id = self.stage_done
        Ticket = self.env["helpdesk.ticket"]
        tickets = late | on_time | closed_late

        Ticket._cron_escalate_overdue()
        self.assertTrue(late.response_breached)
        self.assertTrue(late.resolution_breached)
        self.assertEqual(late.escalation_level, "1")
        self.assertFalse(on_time.sla_breached)
        self.assertEqual(on_time.escalation_level, "0")
        # Closing after the deadline records the breach but does not escalate.
        self.assertTrue(closed_late.sla_breached)
        self.assertEqual(closed_late.escalation_level, "0")
        activities = self._escalation_activities(tickets)
        self.assertEqual(activities.res_id, late.id)
        self.assertEqual(activities.user_id, self.leader)

        # Running again adds nothing.
        Ticket._cron_escalate_overdue()
        self.assertEqual(late.escalation_level, "1")
        self.assertEqual(self._escalation_activities(tickets), activities)

        # Still overdue after the delay: the service manager, once.
        late.escalation_date = fields.Datetime.now() - timedelta(hours=5)
        Ticket._cron_escalate_overdue()
        self.assertEqual(late.escalation_level, "2")
        level2 = self._escalation_activities(tickets) - activities
        self.assertEqual(len(level2), 1)
        self.assertEqual(level2.user_id, self.manager)
        Ticket._cron_escalate_overdue()
        self.assertEqual(len(self._escalation_activities(tickets)), 2)
        self.assertEqual(late.sla_compliance, 0.0)
        self.assertEqual(on_time.sla_compliance, 100.0)

    def test_escalation_in_batches(self):
        tickets = self.env["helpdesk.ticket"]
        for _i in range(3):
            ticket = self._ticket(self.cat_complaint, priority="3")
            self._set_create_date(ticket, fields.Datetime.now() - timedelta(days=30))
            tickets |= ticket
        Ticket = self.env["helpdesk.ticket"]
        Ticket._cron_escalate_overdue(batch_size=2)
        self.assertEqual(sorted(tickets.mapped("escalation_level")), ["0", "1", "1"])
        Ticket._cron_escalate_overdue(batch_size=2)
        self.assertEqual(set(tickets.mapped("escalation_level")), {"1"})
        self.assertEqual(len(self._escalation_activities(tickets)), 3)

    def test_first_response_recorded(self):
        ticket = self._ticket(self.cat_complaint, priority="1")
        self.assertFalse(ticket.first_response_date)
        ticket.with_user(self.agent).stage_id = self.stage_progress
        self.assertTrue(ticket.first_response_date)
        self.assertGreaterEqual(ticket.response_hours, 0.0)
