#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: campaign KPI aggregation of ops_marketing.

Creates a throwaway database with ops_marketing, generates 200 campaigns ×
365 daily metric rows (73,000 rows) plus leads and analytic costs, then times
the batched KPI aggregation for growing numbers of campaigns and counts its
SQL queries. The query count must not grow with the number of campaigns.

Run: /var/lib/ops-suite/venv/bin/python tests/bench_ops_marketing.py
"""

import sys
import time
from datetime import date, timedelta

import benchlib

CAMPAIGNS = 200
DAYS = 365


def generate(env):
    cr = env.cr
    brand = env["res.brand"].create({"name": "Bench Brand"})
    channels = env["ops.marketing.channel"].search([], limit=3).ids
    plan = env["account.analytic.plan"].create({"name": "Bench"})
    accounts = env["account.analytic.account"].create(
        [{"name": f"Bench {i}", "plan_id": plan.id} for i in range(CAMPAIGNS)]
    )
    utms = env["utm.campaign"].create(
        [{"name": f"Bench UTM {i}"} for i in range(CAMPAIGNS)]
    )
    start = date.today() - timedelta(days=DAYS)
    campaigns = env["ops.marketing.campaign"].create(
        [
            {
                "name": f"Bench campaign {i}",
                "brand_id": brand.id,
                "date_start": start,
                "date_end": date.today(),
                "budget": 10000,
                "state": "running",
                "analytic_account_id": accounts[i].id,
                "utm_campaign_id": utms[i].id,
            }
            for i in range(CAMPAIGNS)
        ]
    )
    # 73,000 daily rows in bulk (one statement per campaign).
    company_id = env.company.id
    for n, campaign in enumerate(campaigns):
        cr.execute(
            """
            INSERT INTO ops_marketing_metric
                (campaign_id, channel_id, date, brand_id, company_id,
                 impressions, clicks, conversions, followers, cost,
                 ctr, conversion_rate, create_uid, write_uid,
                 create_date, write_date)
            SELECT %(campaign)s, %(channel)s, %(start)s::date + d,
                   %(brand)s, %(company)s,
                   1000 + d, 50 + d %% 7, 5, 2, 10,
                   (50 + d %% 7) * 100.0 / (1000 + d), 500.0 / (50 + d %% 7),
                   1, 1, now(), now()
              FROM generate_series(0, %(days)s - 1) AS d
            """,
            {
                "campaign": campaign.id,
                "channel": channels[n % len(channels)],
                "start": start,
                "brand": brand.id,
                "company": company_id,
                "days": DAYS,
            },
        )
    won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
    env["crm.lead"].create(
        [
            {
                "name": f"Lead {i}",
                "type": "opportunity",
                "campaign_id": utms[i % CAMPAIGNS].id,
                "expected_revenue": 1000,
                "stage_id": won_stage.id if i % 3 == 0 else False,
            }
            for i in range(CAMPAIGNS * 5)
        ]
    )
    env["account.analytic.line"].create(
        [
            {"name": "Cost", "account_id": accounts[i % CAMPAIGNS].id, "amount": -50}
            for i in range(CAMPAIGNS * 5)
        ]
    )
    env.flush_all()
    return campaigns


def measure(env, campaigns):
    import odoo.sql_db

    Campaign = env["ops.marketing.campaign"]
    results = []
    for size in (10, 50, CAMPAIGNS):
        ids = campaigns[:size].ids
        env.invalidate_all()
        before = odoo.sql_db.sql_counter
        t0 = time.perf_counter()
        values = Campaign._ops_kpi_values(ids)
        elapsed = time.perf_counter() - t0
        queries = odoo.sql_db.sql_counter - before
        assert len(values) == size
        results.append((size, elapsed, queries))
        print(
            f"KPI aggregation: {size:4d} campaigns × {DAYS} days: "
            f"{elapsed * 1000:8.1f} ms, {queries} queries"
        )
    # The pivot/graph source: one SQL view over all campaigns.
    env.invalidate_all()
    before = odoo.sql_db.sql_counter
    t0 = time.perf_counter()
    env["ops.marketing.campaign.report"].read_group(
        [], ["won_revenue:sum", "cost:sum", "impressions:sum"], ["brand_id"]
    )
    elapsed = time.perf_counter() - t0
    print(
        f"ROI analysis read_group over {CAMPAIGNS} campaigns: "
        f"{elapsed * 1000:8.1f} ms, {odoo.sql_db.sql_counter - before} queries"
    )
    counts = {q for _s, _e, q in results}
    if len(counts) != 1:
        print(f"FAIL: the query count grows with the number of campaigns: {results}")
        return False
    print("OK: the query count does not grow with the number of campaigns")
    return True


def main():
    ok = False
    with benchlib.throwaway_env("ops_marketing") as env:
        t0 = time.perf_counter()
        campaigns = generate(env)
        rows = env["ops.marketing.metric"].search_count([])
        print(
            f"Generated {len(campaigns)} campaigns and {rows} daily rows "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        ok = measure(env, campaigns)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
