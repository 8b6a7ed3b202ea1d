#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the escalation cron of ops_service over 100,000 open tickets.

Creates a throwaway database with ops_service, generates 100,000 open
complaints of one SLA team in bulk (90 % past their deadlines), then times
the scheduled action and counts its SQL queries:

1. first run: breaches recorded, overdue tickets escalated to the team leader;
2. second run: nothing to do (once per level);
3. third run, after the second-escalation delay: escalated to the manager.

The work is batched: the query count does not grow with the number of tickets
(only with the number of batches of the ORM's bulk create/write).

Run: /var/lib/ops-suite/venv/bin/python tests/bench_ops_service.py
"""

import os
import sys
import time

import benchlib

TICKETS = int(os.environ.get("OPS_BENCH_TICKETS", "100000"))


def generate(env):
    Users = env["res.users"].with_context(no_reset_password=True)
    leader = Users.create({"name": "Bench Leader", "login": "bench.leader"})
    manager = Users.create({"name": "Bench Manager", "login": "bench.manager"})
    env.company.ops_service_manager_id = manager
    team = env["helpdesk.ticket.team"].create(
        {"name": "Bench Team", "use_sla": True, "user_id": leader.id}
    )
    category = env.ref("ops_service.category_complaint")
    stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
    response = env.ref("ops_service.sla_complaint_3_response")
    resolution = env.ref("ops_service.sla_complaint_3_resolution")
    env.flush_all()
    cr = env.cr
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            number, name, description, company_id, team_id, stage_id,
            category_id, service_kind, priority, active, rating_status,
            escalation_level, response_breached, resolution_breached,
            sla_breached, sla_compliance, kanban_state, sequence,
            create_uid, write_uid, create_date, write_date, last_stage_update
        )
        SELECT 'B' || g, 'Bench complaint ' || g, '<p>bench</p>', %(company)s,
               %(team)s, %(stage)s, %(category)s, 'complaint', '3', true,
               'stage_change', '0', false, false, false, 100, 'normal', 10,
               1, 1, now() - interval '3 days', now() - interval '3 days',
               now() - interval '3 days'
        FROM generate_series(1, %(n)s) g
        """,
        {
            "company": env.company.id,
            "team": team.id,
            "stage": stage.id,
            "category": category.id,
            "n": TICKETS,
        },
    )
    # Two SLA lines per ticket; one ticket in ten is still within its deadlines.
    cr.execute(
        """
        INSERT INTO helpdesk_ticket_sla (
            ticket_id, sla_id, deadline, hours, state, consumed_time,
            last_state_date, create_uid, write_uid, create_date, write_date
        )
        SELECT t.id, s.sla_id,
               CASE WHEN t.id %% 10 = 0 THEN now() + interval '2 days'
                    ELSE now() - interval '1 day' END,
               s.hours, 'in_progress', 0, t.create_date, 1, 1, now(), now()
        FROM helpdesk_ticket t
        CROSS JOIN (VALUES (%(resp)s, 2.0), (%(resol)s, 8.0)) AS s(sla_id, hours)
        WHERE t.team_id = %(team)s
        """,
        {"resp": response.id, "resol": resolution.id, "team": team.id},
    )
    cr.execute(
        "UPDATE helpdesk_ticket t SET response_deadline = s.deadline, "
        "resolution_deadline = s.deadline FROM helpdesk_ticket_sla s "
        "WHERE s.ticket_id = t.id"
    )
    env.invalidate_all()
    return team


def run(env, label):
    import odoo

    Ticket = env["helpdesk.ticket"]
    Activity = env["mail.activity"]
    activities = Activity.search_count([("res_model", "=", "helpdesk.ticket")])
    env.flush_all()
    env.invalidate_all()
    before = odoo.sql_db.sql_counter
    t0 = time.perf_counter()
    Ticket._cron_escalate_overdue()
    env.flush_all()
    elapsed = time.perf_counter() - t0
    queries = odoo.sql_db.sql_counter - before
    created = (
        Activity.search_count([("res_model", "=", "helpdesk.ticket")]) - activities
    )
    levels = dict(
        (level, count)
        for level, count in Ticket._read_group([], ["escalation_level"], ["__count"])
    )
    print(
        f"{label}: {elapsed:.1f} s, {queries} queries, {created} activities "
        f"created; escalation levels {levels}",
        flush=True,
    )
    return created, levels


def main():
    ok = False
    with benchlib.throwaway_env("ops_service") as env:
        t0 = time.perf_counter()
        generate(env)
        print(
            f"Generated {TICKETS} open tickets in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        overdue = TICKETS - TICKETS // 10
        created1, levels1 = run(env, "Run 1 (team leader)")
        created2, levels2 = run(env, "Run 2 (nothing new)")
        env.cr.execute(
            "UPDATE helpdesk_ticket SET escalation_date = "
            "escalation_date - interval '5 hours' WHERE escalation_level = '1'"
        )
        env.invalidate_all()
        created3, levels3 = run(env, "Run 3 (service manager)")
        created4, _levels4 = run(env, "Run 4 (nothing new)")
        ok = (
            created1 == overdue
            and levels1.get("1") == overdue
            and created2 == 0
            and created3 == overdue
            and levels3.get("2") == overdue
            and created4 == 0
        )
        print("OK" if ok else "UNEXPECTED COUNTS", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
