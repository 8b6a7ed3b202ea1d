#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: starting an appraisal cycle (ops_appraisal).

Creates a throwaway database with ops_appraisal, a KPI template of 10
indicators and N employees (5,000 by default), then times, in the same
process:

- ``cycle.action_start()``: one batched create of N appraisals × 10 lines;
- a naive loop that, one employee at a time, checks for an existing
  appraisal and creates it (with its lines), on a second cycle.

It prints time and SQL query count for both, then checks that starting the
cycle again creates nothing, and drops the database.

Run: /var/lib/ops-suite/venv/bin/python tests/bench_ops_appraisal.py [N]
"""

import sys
import time
from datetime import date

import benchlib

INDICATORS = 10


def generate(env, size):
    env = env(context=dict(env.context, tracking_disable=True))
    job = env["hr.job"].create({"name": "Bench position"})
    dims = ["results", "ability", "attitude"]
    env["ops.appraisal.template"].create(
        {
            "name": "Bench template",
            "job_ids": [(6, 0, job.ids)],
            "line_ids": [
                (0, 0, {"name": f"KPI {i}", "dimension": dims[i % 3], "weight": 10})
                for i in range(INDICATORS)
            ],
        }
    )
    department = env["hr.department"].create({"name": "Bench department"})
    manager = env["hr.employee"].create(
        {"name": "Bench manager", "department_id": department.id, "job_id": job.id}
    )
    env["hr.employee"].create(
        [
            {
                "name": f"Bench employee {i}",
                "department_id": department.id,
                "job_id": job.id,
                "parent_id": manager.id,
            }
            for i in range(size - 1)
        ]
    )
    return department


def measure(env, label, func):
    import odoo

    env.flush_all()
    before = odoo.sql_db.sql_counter
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = odoo.sql_db.sql_counter - before
    print(f"{label:<42} {elapsed:9.2f} s {queries:9d} queries")
    return result


def naive_start(env, cycle):
    """One employee at a time: search, then create the appraisal."""
    Appraisal = env["hr.appraisal"]
    templates = env["ops.appraisal.template"]._ops_template_by_job(cycle.company_id)
    for employee in env["hr.employee"].search(cycle._ops_employee_domain()):
        if Appraisal.search_count(
            [("ops_cycle_id", "=", cycle.id), ("employee_id", "=", employee.id)]
        ):
            continue
        template = templates.get(employee.job_id.id) or templates.get(False)
        Appraisal.create(
            {
                "employee_id": employee.id,
                "ops_cycle_id": cycle.id,
                "ops_template_id": template.id,
                "date_close": cycle.date_end,
                "ops_line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": ln.name,
                            "dimension": ln.dimension,
                            "weight": ln.weight,
                        },
                    )
                    for ln in template.line_ids
                ],
            }
        )
        env.flush_all()


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with benchlib.throwaway_env("ops_appraisal") as env:
        department = generate(env, size)
        Cycle = env["ops.appraisal.cycle"]
        scope = [(6, 0, department.ids)]
        batched = Cycle.create(
            {
                "name": "Bench Q1",
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 3, 31),
                "department_ids": scope,
            }
        )
        naive = Cycle.create(
            {
                "name": "Bench Q2",
                "date_start": date(2025, 4, 1),
                "date_end": date(2025, 6, 30),
                "department_ids": scope,
            }
        )
        print(f"{size} employees x {INDICATORS} indicators")
        measure(env, "start cycle (batched, action_start)", batched.action_start)
        measure(
            env,
            "naive loop, one employee at a time",
            lambda: naive_start(env, naive),
        )
        measure(env, "start the same cycle again (idempotent)", batched.action_start)
        count = env["hr.appraisal"].search_count([("ops_cycle_id", "=", batched.id)])
        lines = env["ops.appraisal.line"].search_count(
            [("appraisal_id.ops_cycle_id", "=", batched.id)]
        )
        print(f"appraisals in the batched cycle: {count}, indicator lines: {lines}")
        assert count == size and lines == size * INDICATORS


if __name__ == "__main__":
    main()
