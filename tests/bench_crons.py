#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the suite's scheduled actions, first and second run.

Creates a throwaway database with every suite addon, then:

- escalates overdue proposals at 40 and at 400 (group reviews reaching
  ten managers each, and their own managers): the query count must not grow
  with the number of proposals, 400 must take under 2 s;
- runs every scheduled action of the suite twice: the second run, with
  nothing new to do, must stay under 20 queries and write nothing;
- classifies 2,000 customers twice: the second run writes no layer.

Run: make bench (or $OPS_VENV/bin/python tests/bench_crons.py)
"""

import sys
import time
from datetime import date, timedelta
from pathlib import Path

import benchlib

ROOT = Path(__file__).resolve().parent.parent
# Every addon of the suite: each one's scheduled actions are run twice.
ADDONS = ",".join(
    sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))
)
SMALL, LARGE = 40, 400
CUSTOMERS = 2000
TARGET_SECONDS = 2.0
SECOND_RUN_QUERIES = 20
TODAY = date.today()


def count(env, func):
    import odoo.sql_db

    env.invalidate_all()
    env.flush_all()
    before = odoo.sql_db.sql_counter
    t0 = time.perf_counter()
    result = func()
    env.flush_all()
    return result, time.perf_counter() - t0, odoo.sql_db.sql_counter - before


def make_managers(env):
    from odoo.addons.ops_base.models.ops_guard import as_server

    Users = env["res.users"].with_context(no_reset_password=True)
    group = env.ref("ops_base.group_ops_manager")
    boss = Users.create({"name": "Bench director", "login": "bench_director"})
    boss_emp = env["hr.employee"].create({"name": boss.name, "user_id": boss.id})
    managers = Users.create(
        [
            {
                "name": f"Bench manager {i}",
                "login": f"bench_manager_{i}",
                "groups_id": [(4, group.id)],
            }
            for i in range(10)
        ]
    )
    env["hr.employee"].create(
        [{"name": u.name, "user_id": u.id, "parent_id": boss_emp.id} for u in managers]
    )
    applicant = Users.create(
        {
            "name": "Bench applicant",
            "login": "bench_applicant",
            "groups_id": [(4, env.ref("ops_base.group_ops_user").id)],
        }
    )
    department = env["hr.department"].create(
        {"name": "Bench operations", "manager_id": boss_emp.id}
    )
    env["hr.employee"].create(
        {
            "name": applicant.name,
            "user_id": applicant.id,
            "department_id": department.id,
        }
    )
    boss.groups_id = [(4, group.id)]
    return as_server, applicant, department


def make_proposals(env, applicant, department, size, as_server):
    Proposal = env["ops.project.proposal"]
    proposals = Proposal.with_user(applicant).create(
        [
            {
                "name": f"Bench proposal {i}",
                "kind": "standard",
                "contract_amount": 1000,
                "department_id": department.id,
            }
            for i in range(size)
        ]
    )
    for proposal in proposals:
        proposal.with_user(applicant).request_validation()
    as_server(proposals.sudo()).write({"submitted_on": TODAY - timedelta(days=30)})
    return proposals


def bench_escalation(env):
    as_server, applicant, department = make_managers(env)
    Proposal = env["ops.project.proposal"].sudo()
    rows, ok = [], True
    make_proposals(env, applicant, department, SMALL, as_server)
    day = TODAY
    for size in (SMALL, LARGE):
        if size == LARGE:
            make_proposals(env, applicant, department, LARGE - SMALL, as_server)
            day = TODAY + timedelta(days=1)  # everything overdue again
        reviews, secs, queries = count(
            env, lambda d=day: Proposal._cron_escalate_overdue(d)
        )
        activities = env["mail.activity"].search_count(
            [("res_model", "=", "ops.project.proposal"), ("date_deadline", "=", day)]
        )
        _r2, secs2, queries2 = count(
            env, lambda d=day: Proposal._cron_escalate_overdue(d)
        )
        rows.append((size, len(reviews), activities, secs, queries, secs2, queries2))
    print("\nProposal answer-deadline escalation")
    print(
        f"{'proposals':>10} {'reviews':>8} {'activities':>10} {'1st s':>8} "
        f"{'1st q':>7} {'2nd s':>8} {'2nd q':>7}"
    )
    for size, n, acts, s1, q1, s2, q2 in rows:
        print(f"{size:>10} {n:>8} {acts:>10} {s1:>8.2f} {q1:>7} {s2:>8.3f} {q2:>7}")
    (
        (_s, _n, _a, _t, q_small, _t2, _q2),
        (_s, _n, _a, t_large, q_large, _t3, q2_large),
    ) = rows
    if q_large > q_small + 10:
        print(f"FAIL: queries grow with the proposals ({q_small} -> {q_large})")
        ok = False
    if t_large > TARGET_SECONDS:
        print(
            f"FAIL: {LARGE} proposals took {t_large:.2f} s (target {TARGET_SECONDS} s)"
        )
        ok = False
    if q2_large > SECOND_RUN_QUERIES:
        print(f"FAIL: second run {q2_large} queries (target < {SECOND_RUN_QUERIES})")
        ok = False
    return ok


def make_customers(env):
    partners = env["res.partner"].create(
        [{"name": f"Bench customer {i}", "is_company": True} for i in range(CUSTOMERS)]
    )
    stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
    env["crm.lead"].create(
        [
            {
                "name": f"Bench deal {i}",
                "type": "opportunity",
                "partner_id": partners[i % CUSTOMERS].id,
                "expected_revenue": 1000 * (i % 300),
                "company_id": env.company.id,
                "stage_id": stage.id if i % 3 == 0 else False,
            }
            for i in range(CUSTOMERS * 2)
        ]
    )


def bench_all_crons(env):
    make_customers(env)
    ok = True
    Layer = env["ops.marketing.customer.layer"].sudo()
    (written1, _s, _q) = count(env, lambda: Layer._ops_update_layers(env.company))
    (written2, _s, q) = count(env, lambda: Layer._ops_update_layers(env.company))
    print(
        f"\nCustomer layers: first run wrote {len(written1)} layers, "
        f"second run wrote {len(written2)} in {q} queries"
    )
    if written2:
        print("FAIL: the second run rewrites unchanged customers")
        ok = False
    crons = (
        env["ir.cron"]
        .search([])
        .filtered(lambda c: (c.get_external_id().get(c.id) or "").startswith("ops_"))
    )
    print("\nEvery scheduled action of the suite, run twice")
    print(
        f"{'scheduled action':55} {'1st q':>7} {'1st s':>7} {'2nd q':>7} {'2nd s':>7}"
    )
    for cron in crons.sorted(lambda c: c.get_external_id()[c.id]):
        action = cron.ir_actions_server_id.sudo()
        runs = [count(env, action.run) for _ in range(2)]
        (_r1, s1, q1), (_r2, s2, q2) = runs
        name = cron.get_external_id()[cron.id]
        # The customer layers read every customer of each company (one query
        # per 1,000 rows); what they must not do is write: checked below.
        limit = SECOND_RUN_QUERIES * (3 if "customer_layers" in name else 1)
        flag = "" if q2 < limit else "  <- FAIL"
        print(f"{name:55} {q1:>7} {s1:>7.2f} {q2:>7} {s2:>7.2f}{flag}")
        if flag:
            ok = False
    return ok


def main():
    with benchlib.throwaway_env(ADDONS, name="crons") as env:
        ok = bench_escalation(env)
        ok = bench_all_crons(env) and ok
    print(
        f"\nTargets: escalation of {LARGE} proposals under {TARGET_SECONDS:.1f} s "
        "with a query count independent of their number; every second run "
        f"under {SECOND_RUN_QUERIES} queries, writing nothing."
    )
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
