#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the two daily crons of ops_admin over 10,000 records each.

Creates a throwaway database with ops_admin, generates in bulk 10,000 lent-out
equipment loans (nine in ten past their return date) and 10,000 travel
requests waiting for their department head for three days, then times each
scheduled action and counts its SQL queries:

1. overdue loans: one reminder to the borrower and one to the lab head per
   overdue loan; a second run the same day reminds nobody;
2. approval reminders: one reminder to the pending reviewer per request; a
   second run the same day reminds nobody.

The work is batched: the query count does not grow with the number of
records (only with the number of batches of the ORM's bulk create/write);
the script checks it by running the crons on a tenth of the records first.

Run: /var/lib/ops-suite/venv/bin/python tests/bench_ops_admin.py
"""

import os
import sys
import time

import benchlib

RECORDS = int(os.environ.get("OPS_BENCH_RECORDS", "10000"))
# Queries may grow with the ORM's batches (prefetch and bulk inserts of
# 1,000 rows or so), never per record: measured 0.05 extra query per extra
# record; one query per record (what a per-record check costs) fails.
MAX_QUERIES_PER_EXTRA_RECORD = 0.1


def users(env):
    Users = env["res.users"].with_context(no_reset_password=True)
    group = env.ref("ops_base.group_ops_user")
    manager_group = env.ref("ops_base.group_ops_manager")
    borrowers = Users.create(
        [
            {
                "name": f"Bench borrower {i}",
                "login": f"bench.borrower{i}",
                "groups_id": [(4, group.id)],
            }
            for i in range(10)
        ]
    )
    lab_head = Users.create(
        {
            "name": "Bench lab head",
            "login": "bench.labhead",
            "groups_id": [(4, group.id)],
        }
    )
    head = Users.create(
        {
            "name": "Bench head",
            "login": "bench.head",
            "groups_id": [(4, manager_group.id)],
        }
    )
    return borrowers, lab_head, head


def generate(env, people, count, tag):
    """``count`` overdue-or-not loans and waiting travel requests."""
    borrowers, lab_head, head = people
    category = env["maintenance.equipment.category"].create(
        {"name": f"Bench lab {tag}", "ops_lab_head_id": lab_head.id}
    )
    equipment = env["maintenance.equipment"].create(
        {"name": f"Bench instrument {tag}", "category_id": category.id}
    )
    env.flush_all()
    cr = env.cr
    cr.execute(
        """
        INSERT INTO ops_admin_equipment_loan (
            name, company_id, user_id, equipment_id, lab_head_id,
            responsible_id, state, destination, date_start, date_due,
            issue_slip, issued_on, create_uid, write_uid, create_date, write_date
        )
        SELECT 'BL' || %(tag)s || g, %(company)s, (%(borrowers)s)[1 + g %% 10],
               %(equipment)s, %(lab_head)s, %(head)s, 'issued', 'Site',
               current_date - 20,
               CASE WHEN g %% 10 = 0 THEN current_date + 5
                    ELSE current_date - 2 END,
               'OUT' || g, now(), 1, 1, now(), now()
        FROM generate_series(1, %(n)s) g
        """,
        {
            "tag": tag,
            "company": env.company.id,
            "borrowers": borrowers.ids,
            "equipment": equipment.id,
            "lab_head": lab_head.id,
            "head": head.id,
            "n": count,
        },
    )
    cr.execute(
        """
        INSERT INTO ops_admin_travel (
            name, company_id, user_id, state, destination, date_start,
            date_end, purpose, submitted_on, create_uid, write_uid,
            create_date, write_date
        )
        SELECT 'BT' || %(tag)s || g, %(company)s, (%(borrowers)s)[1 + g %% 10],
               'under_review', 'Bench city', current_date + 5, current_date + 7,
               'Bench trip', current_date - 3, 1, 1, now(), now()
        FROM generate_series(1, %(n)s) g
        RETURNING id
        """,
        {"tag": tag, "company": env.company.id, "borrowers": borrowers.ids, "n": count},
    )
    travel_ids = [row[0] for row in cr.fetchall()]
    definition = env.ref("ops_admin.tier_travel_department")
    cr.execute(
        """
        INSERT INTO tier_review (
            model, res_id, definition_id, company_id, sequence, status,
            review_type, approve_sequence, requested_by, create_uid, write_uid,
            create_date, write_date
        )
        SELECT 'ops.admin.travel', t, %(definition)s, %(company)s, 1, 'pending',
               'group', true, 1, 1, 1, now(), now()
        FROM unnest(%(ids)s) t
        RETURNING id
        """,
        {"definition": definition.id, "company": env.company.id, "ids": travel_ids},
    )
    review_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "INSERT INTO res_users_tier_review_rel (tier_review_id, res_users_id) "
        "SELECT r, %s FROM unnest(%s) r",
        (head.id, review_ids),
    )
    env.invalidate_all()


def run(env, label, method):
    import odoo

    Activity = env["mail.activity"]
    before_count = Activity.search_count([])
    env.flush_all()
    env.invalidate_all()
    before = odoo.sql_db.sql_counter
    t0 = time.perf_counter()
    method()
    env.flush_all()
    elapsed = time.perf_counter() - t0
    queries = odoo.sql_db.sql_counter - before
    created = Activity.search_count([]) - before_count
    print(
        f"{label}: {elapsed:.1f} s, {queries} queries, {created} activities",
        flush=True,
    )
    return queries, created


def main():
    ok = False
    with benchlib.throwaway_env("ops_admin") as env:
        people = users(env)
        Loan = env["ops.admin.equipment.loan"]
        Request = env["ops.admin.request"]
        results = {}
        for tag, count in (("s", RECORDS // 10), ("l", RECORDS)):
            t0 = time.perf_counter()
            generate(env, people, count, tag)
            print(
                f"Generated {count} loans and {count} travel requests in "
                f"{time.perf_counter() - t0:.1f} s",
                flush=True,
            )
            overdue = count - count // 10
            q1, c1 = run(env, f"Overdue loans ({count})", Loan._cron_remind_overdue)
            q2, c2 = run(
                env, f"Overdue loans again ({count})", Loan._cron_remind_overdue
            )
            q3, c3 = run(
                env, f"Approval reminders ({count})", Request._cron_remind_reviewers
            )
            q4, c4 = run(
                env,
                f"Approval reminders again ({count})",
                Request._cron_remind_reviewers,
            )
            results[tag] = (q1, q3)
            # Overdue loans: borrower + lab head each; the lab head is the
            # same for every loan but gets one activity per loan.
            if not (c1 == 2 * overdue and c2 == 0 and c3 == count and c4 == 0):
                print("UNEXPECTED COUNTS", flush=True)
                return 1
            # the next size starts from nothing to remind
            env.cr.execute(
                "UPDATE ops_admin_equipment_loan SET state = 'returned'; "
                "UPDATE ops_admin_travel SET state = 'approved'"
            )
            env.invalidate_all()
        small, large = results["s"], results["l"]
        extra = RECORDS - RECORDS // 10
        ok = all(
            (b - a) / extra <= MAX_QUERIES_PER_EXTRA_RECORD
            for a, b in zip(small, large, strict=True)
        )
        print(
            f"Queries for {RECORDS // 10} vs {RECORDS} records: overdue loans "
            f"{small[0]} vs {large[0]}, approval reminders {small[1]} vs {large[1]}",
            flush=True,
        )
        print("OK" if ok else "QUERY COUNT GROWS WITH THE RECORDS", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
