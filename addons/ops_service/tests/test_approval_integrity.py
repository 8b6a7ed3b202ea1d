# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""System-maintained ticket fields are written by the server only, the
escalation cron is safe in two processes at once, and public methods return
values the external API can marshal."""

from datetime import timedelta

from odoo import Command, fields, sql_db
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import ServiceCase

# Field -> a value a client might try to set.
SERVER_VALUES = {
    "escalation_level": "0",
    "escalation_date": "2026-01-01 00:00:00",
    "first_response_date": "2026-01-01 00:00:00",
    "response_breached": False,
    "resolution_breached": False,
    "sla_breached": False,
    "sla_compliance": 100.0,
    "response_deadline": "2099-01-01 00:00:00",
    "resolution_deadline": "2099-01-01 00:00:00",
    "response_hours": 0.0,
    "resolution_hours": 0.0,
    "service_kind": "consultation",
}


@tagged("post_install", "-at_install")
class TestServerFields(ServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Agent At Fault", "user_id": cls.agent.id}
        )

    def _late_escalated_ticket(self):
        ticket = self._ticket(self.cat_complaint, priority="3")
        self._set_create_date(ticket, fields.Datetime.now() - timedelta(days=30))
        self.env["helpdesk.ticket"]._cron_escalate_overdue()
        self.assertEqual(ticket.escalation_level, "1")
        self.assertTrue(ticket.sla_breached)
        return ticket

    def test_agent_cannot_write_server_fields(self):
        ticket = self._late_escalated_ticket()
        before = ticket.read(list(SERVER_VALUES) + ["accountability_id"])[0]
        for user in (self.agent, self.leader, self.manager):
            for fname, value in SERVER_VALUES.items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(AccessError):
                        ticket.with_user(user).write({fname: value})
        record = self.env["ops.accountability"].create(
            {
                "name": "Forged",
                "employee_id": self.employee.id,
                "decision": "reward",
                "amount": 500,
                "company_id": self.env.company.id,
            }
        )
        with self.assertRaises(AccessError):
            ticket.with_user(self.manager).write({"accountability_id": record.id})
        ticket.invalidate_recordset()
        self.assertEqual(
            ticket.read(list(SERVER_VALUES) + ["accountability_id"])[0], before
        )

    def test_agent_cannot_move_the_sla_clock(self):
        ticket = self._late_escalated_ticket()
        line = ticket.ticket_sla_ids[:1]
        before = line.read(["deadline", "state", "consumed_time"])[0]
        Line = self.env["helpdesk.ticket.sla"].with_user(self.agent)
        for vals in (
            {"deadline": "2099-01-01 00:00:00"},
            {"state": "accomplished"},
            {"consumed_time": 0.0},
            {"sla_id": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                line.with_user(self.agent).write(vals)
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                ticket.with_user(self.agent).write(
                    {"ticket_sla_ids": [Command.update(line.id, vals)]}
                )
        with self.assertRaises(AccessError):
            Line.create({"ticket_id": ticket.id, "sla_id": line.sla_id.id})
        line.invalidate_recordset()
        self.assertEqual(line.read(["deadline", "state", "consumed_time"])[0], before)
        # The agent's own work still moves the clock and re-matches policies.
        ticket.with_user(self.agent).priority = "0"
        self.assertEqual(ticket.sla_ids.mapped("ticket_priority"), ["0", "0"])
        ticket.with_user(self.agent).stage_id = self.stage_progress
        self.assertTrue(ticket.first_response_date)

    def test_agent_cannot_create_with_server_fields(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent)
        for fname, value in (
            ("escalation_level", "2"),
            ("first_response_date", "2026-01-01 00:00:00"),
            ("response_breached", True),
        ):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                Ticket.create(
                    {
                        "name": "Forged",
                        "team_id": self.team.id,
                        "category_id": self.cat_fault.id,
                        fname: value,
                    }
                )
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged")]))

    def test_client_context_key_unlocks_nothing(self):
        ticket = self._late_escalated_ticket()
        for key in ("ops_server", "ops_service_escalation"):
            forged = ticket.with_user(self.leader).with_context(**{key: True})
            with self.assertRaises(AccessError):
                forged.write({"escalation_level": "0"})
        self.assertEqual(ticket.escalation_level, "1")

    def test_server_flows_still_write_them(self):
        """What the fields are for keeps working for those same users."""
        ticket = self._ticket(self.cat_complaint)
        # First response recorded when the agent answers.
        ticket.with_user(self.agent).stage_id = self.stage_progress
        self.assertTrue(ticket.first_response_date)
        # The accountability record linked when the team leader closes.
        ticket.with_user(self.leader).write(
            {
                "complaint_cause": "service",
                "root_cause": "Impolite answer",
                "solution": "Apology",
                "staff_at_fault": True,
                "responsible_employee_id": self.employee.id,
                "accountability_decision": "penalty",
                "accountability_points": -2,
            }
        )
        ticket.with_user(self.leader).stage_id = self.stage_done
        self.assertEqual(ticket.accountability_id.res_id, ticket.id)

    def test_public_methods_return_marshallable_values(self):
        ticket = self._ticket(self.cat_fault, user_id=False)
        self.assertIs(ticket.with_user(self.agent).assign_to_me(), True)
        self.assertEqual(ticket.user_id, self.agent)
        self.assertIs(ticket.set_sla(), True)
        self.assertIs(ticket.refresh_sla(), True)
        self.assertIs(
            ticket.with_context(active_ids=ticket.ids).action_duplicate_tickets(),
            True,
        )
        self.assertIs(self.env["helpdesk.ticket"]._cron_escalate_overdue(), True)
        other = self._ticket(self.cat_fault)
        wizard = (
            self.env["helpdesk.ticket.duplicate.wizard"]
            .with_user(self.leader)
            .create({"ticket_id": other.id, "duplicate_of_id": ticket.id})
        )
        self.assertIs(wizard.action_confirm(), True)
        self.assertEqual(other.duplicate_id, ticket)


@tagged("post_install", "-at_install")
class TestConcurrentEscalation(ServiceCase):
    """Two cron processes at once: rows the other one holds are left to it."""

    def _other_process_locks(self, ticket):
        """Lock ``ticket`` from a second database connection, as a concurrent
        cron run would. Only rows committed before the test are visible to
        it: the demo data's escalated ticket is one."""
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cr.close)
        self.addCleanup(cr.rollback)
        cr.execute(
            "SELECT id FROM helpdesk_ticket WHERE id = %s FOR UPDATE NOWAIT",
            [ticket.id],
        )
        self.assertEqual(cr.fetchall(), [(ticket.id,)])
        return cr

    def test_locked_rows_are_skipped(self):
        demo = self.env.ref("ops_service.ticket_breached", raise_if_not_found=False)
        if not demo or demo.escalation_level != "1" or demo.closed:
            self.skipTest("needs the demo data's escalated ticket")
        # A bug that waits for the lock fails the test instead of hanging it.
        self.env.cr.execute("SET lock_timeout = '5s'")
        self.addCleanup(self.env.cr.execute, "RESET lock_timeout")
        demo.company_id.ops_service_escalation_hours = 0
        mine = self._ticket(self.cat_complaint, priority="3")
        self._set_create_date(mine, fields.Datetime.now() - timedelta(days=30))
        Ticket = self.env["helpdesk.ticket"]

        other = self._other_process_locks(demo)
        self.assertEqual((demo | mine)._ops_lock_rows(), mine)
        Ticket._cron_escalate_overdue()
        # Ours went through both levels; the locked one was left alone.
        self.assertEqual(mine.escalation_level, "2")
        self.assertEqual(demo.escalation_level, "1")

        # Once the other process is done, the next run handles it, once.
        other.rollback()
        Ticket._cron_escalate_overdue()
        self.assertEqual(demo.escalation_level, "2")
        activity_type = self.env.ref("ops_service.mail_activity_type_escalation")
        level2 = demo.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
            and "service manager" in (a.summary or "")
        )
        self.assertEqual(len(level2), 1)
        Ticket._cron_escalate_overdue()
        self.assertEqual(
            len(
                demo.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                    and "service manager" in (a.summary or "")
                )
            ),
            1,
        )


@tagged("post_install", "-at_install")
class TestServerFieldsRpc(HttpCase):
    def test_agent_json_rpc_write_refused(self):
        agent = new_test_user(
            self.env,
            login="t_srv_rpc_agent",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "RPC ticket",
                "description": "<p>RPC</p>",
                "user_id": agent.id,
                "category_id": self.env.ref("ops_service.category_fault").id,
            }
        )
        self.authenticate("t_srv_rpc_agent", "t_srv_rpc_agent")

        def call(method, args):
            return self.make_jsonrpc_request(
                f"/web/dataset/call_kw/helpdesk.ticket/{method}",
                {
                    "model": "helpdesk.ticket",
                    "method": method,
                    "args": args,
                    "kwargs": {"context": {"ops_server": True}},
                },
            )

        # Allowed fields go through: the agent's session works.
        self.assertIs(call("write", [ticket.ids, {"name": "Renamed"}]), True)
        for vals in (
            {"escalation_level": "2"},
            {"first_response_date": "2026-01-01 00:00:00"},
            {"resolution_breached": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(JsonRpcException) as err:
                call("write", [ticket.ids, vals])
            self.assertIn("AccessError", str(err.exception))
        with self.assertRaises(JsonRpcException) as err:
            call(
                "create",
                [
                    {
                        "name": "Forged",
                        "description": "<p>x</p>",
                        "escalation_level": "2",
                    }
                ],
            )
        self.assertIn("AccessError", str(err.exception))
        ticket.invalidate_recordset()
        self.assertEqual(ticket.name, "Renamed")
        self.assertEqual(ticket.escalation_level, "0")
        self.assertFalse(ticket.first_response_date)
        self.assertFalse(ticket.resolution_breached)
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged")]))
        # Public methods answer something JSON/XML-RPC can carry.
        self.assertIs(call("assign_to_me", [ticket.ids]), True)
