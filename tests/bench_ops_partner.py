#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the supplier re-evaluation cron of ops_partner.

Creates a throwaway database with ops_partner, generates qualified suppliers
in bulk (each with an approved evaluation expiring within the notice period),
then times the scheduled action and counts its SQL queries:

1. 500 suppliers due: 500 re-evaluations (with their scorecards) and 500
   activities;
2. 5,000 more suppliers due: 5,000 re-evaluations; no query per supplier:
   beyond run 1's, only the ORM's bulk INSERT/UPDATE batches (100 rows each:
   evaluations, scorecard lines, activities, followers) are added;
3. again: nothing to do (idempotent).

Run: /var/lib/ops-suite/venv/bin/python tests/bench_ops_partner.py
"""

import os
import sys
import time

import benchlib

SUPPLIERS = int(os.environ.get("OPS_BENCH_SUPPLIERS", "5000"))
SMALL = 500


def generate(env, count, tag):
    """``count`` suppliers with an approved evaluation expiring in 5 days."""
    buyer = env.ref("base.user_admin")
    env.flush_all()
    cr = env.cr
    cr.execute(
        """
        WITH partners AS (
            INSERT INTO res_partner (name, complete_name, is_company, active,
                                     type, autopost_bills, create_uid, write_uid,
                                     create_date, write_date)
            SELECT %(tag)s || g, %(tag)s || g, true, true, 'contact', 'ask',
                   1, 1, now(), now()
              FROM generate_series(1, %(n)s) g
            RETURNING id
        )
        INSERT INTO ops_supplier_evaluation (
            partner_id, kind, date, user_id, company_id, score, decision,
            state, decision_date, valid_until, create_uid, write_uid,
            create_date, write_date)
        SELECT id, 'admission', current_date - 360, %(buyer)s, %(company)s,
               80, 'qualified', 'approved', current_date - 360,
               current_date + 5, 1, 1, now(), now()
          FROM partners
        """,
        {"tag": tag, "n": count, "buyer": buyer.id, "company": env.company.id},
    )
    env.invalidate_all()


def run(env, label):
    import odoo

    Evaluation = env["ops.supplier.evaluation"]
    Activity = env["mail.activity"]
    before_eval = Evaluation.search_count([("kind", "=", "periodic")])
    before_act = Activity.search_count([("res_model", "=", Evaluation._name)])
    env.flush_all()
    env.invalidate_all()
    before = odoo.sql_db.sql_counter
    t0 = time.perf_counter()
    Evaluation._cron_open_reevaluations()
    env.flush_all()
    elapsed = time.perf_counter() - t0
    queries = odoo.sql_db.sql_counter - before
    created = Evaluation.search_count([("kind", "=", "periodic")]) - before_eval
    activities = (
        Activity.search_count([("res_model", "=", Evaluation._name)]) - before_act
    )
    print(
        f"{label}: {elapsed:.1f} s, {queries} queries, {created} re-evaluations, "
        f"{activities} activities",
        flush=True,
    )
    return queries, created, activities


def main():
    ok = False
    with benchlib.throwaway_env("ops_partner") as env:
        generate(env, SMALL, "Bench small supplier ")
        q1, c1, a1 = run(env, f"Run 1 ({SMALL} suppliers due)")
        generate(env, SUPPLIERS, "Bench supplier ")
        q2, c2, a2 = run(env, f"Run 2 ({SUPPLIERS} suppliers due)")
        q3, c3, a3 = run(env, "Run 3 (nothing new)")
        # Ten times the suppliers: the count may grow only with the ORM's
        # batches of 100 rows (per 100 suppliers: evaluations, their 5
        # scorecard lines each, activities and followers, about 15 queries),
        # never with one query (or more) per supplier.
        batches = -(-SUPPLIERS // 100) - -(-SMALL // 100)
        print(
            f"Queries per extra 100 suppliers: {(q2 - q1) / max(batches, 1):.1f}",
            flush=True,
        )
        ok = (
            c1 == a1 == SMALL
            and c2 == a2 == SUPPLIERS
            and c3 == a3 == 0
            and q2 - q1 <= 16 * batches
        )
        print("OK" if ok else "UNEXPECTED COUNTS", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
