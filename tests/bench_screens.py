#!/usr/bin/env python3
# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: every screen of the Operations menu beside Odoo's own.

Creates a throwaway database with every suite addon, generates data (by
default 90 of each main record, ``--scale`` multiplies it), then, as a
non-admin user holding every operations role, calls each list, kanban and
form reachable from the Operations menu the way the web client does
(``get_views`` then ``web_search_read`` / ``web_read`` with the view's field
specification) and does the same for the vanilla screens of the same family
(project.task, crm.lead, res.partner, hr.employee).

Printed per screen: the SQL queries at 8 and at 80 records (they must be
equal or differ by a constant: a list must not compute per row), the p95
time of the 80-record call and its ratio to the slowest vanilla screen of its
family. Targets: list and kanban query counts independent of the rows; each
suite screen's p95 at most 1.2x the slowest vanilla screen of its family.
"""

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import benchlib
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
# Every addon of the suite: all their screens are measured.
ADDONS = ",".join(
    sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))
)
SMALL, LARGE = 8, 80
REPEAT = 15
RATIO = 1.2
# Query growth from 8 to 80 rows allowed for a list: a prefetch batch or two
# of a related model, never one query per row.
GROWTH = 4
VANILLA = {
    "project": ("project.task", "project.action_view_all_task"),
    "crm": ("crm.lead", "crm.crm_lead_all_leads"),
    "partner": ("res.partner", "contacts.action_contacts"),
    "employee": ("hr.employee", "hr.open_view_employee_list_my"),
}
FAMILY_BY_PREFIX = (
    ("hr.appraisal", "employee"),
    ("ops.appraisal", "employee"),
    ("ops.disciplinary", "employee"),
    ("ops.honour", "employee"),
    ("ops.marketing.customer", "partner"),
    ("ops.marketing", "crm"),
    ("ops.brand", "crm"),
    ("res.brand", "crm"),
    ("utm.", "crm"),
    ("crm.", "crm"),
    ("res.partner", "partner"),
)


def family(model):
    for prefix, fam in FAMILY_BY_PREFIX:
        if model.startswith(prefix):
            return fam
    return "project"


# Data ------------------------------------------------------------------------


def make_user(env):
    groups = [
        "base.group_user",
        "ops_base.group_ops_executive",
        "ops_base.group_ops_manager",
        "ops_base.group_ops_hr",
        "project.group_project_manager",
        "sales_team.group_sale_manager",
        "helpdesk_mgmt.group_helpdesk_manager",
        "hr.group_hr_manager",
    ]
    ids = [env.ref(x).id for x in groups if env.ref(x, raise_if_not_found=False)]
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Bench operations user",
                "login": "bench_screens",
                "groups_id": [(6, 0, ids)],
            }
        )
    )


def generate(env, size):
    env = env(context=dict(env.context, tracking_disable=True))
    partners = env["res.partner"].create(
        [{"name": f"Bench customer {i}", "is_company": True} for i in range(size)]
    )
    department = env["hr.department"].create({"name": "Bench operations"})
    env["hr.employee"].create(
        [
            {"name": f"Bench employee {i}", "department_id": department.id}
            for i in range(size)
        ]
    )
    Proposal = env["ops.project.proposal"]
    proposals = Proposal.create(
        [
            {
                "name": f"Bench proposal {i}",
                "kind": "standard",
                "contract_amount": 1000 + i,
                "partner_id": partners[i].id,
                "department_id": department.id,
                # Nine in ten approved (the superuser acts as the server).
                "state": "approved" if i % 10 else "draft",
            }
            for i in range(size)
        ]
    )
    approved = proposals.filtered(lambda p: p.state == "approved")
    for proposal in approved:
        proposal.action_create_project()
    projects = approved.project_id
    env["project.task"].create(
        [
            {"name": f"Bench task {i}", "project_id": projects[i % len(projects)].id}
            for i in range(size * 5)
        ]
    )
    env["crm.lead"].create(
        [
            {"name": f"Bench lead {i}", "partner_id": partners[i % size].id}
            for i in range(size)
        ]
    )
    team = env["helpdesk.ticket.team"].search([], limit=1)
    env["helpdesk.ticket"].create(
        [
            {
                "name": f"Bench ticket {i}",
                "description": "Bench",
                "partner_id": partners[i].id,
                "team_id": team.id,
            }
            for i in range(size)
        ]
    )
    brand = env["res.brand"].create({"name": "Bench brand"})
    campaigns = env["ops.marketing.campaign"].create(
        [
            {
                "name": f"Bench campaign {i}",
                "brand_id": brand.id,
                "date_start": date.today() - timedelta(days=30),
                "date_end": date.today() + timedelta(days=30),
                "budget": 1000,
            }
            for i in range(size)
        ]
    )
    channel = env["ops.marketing.channel"].search([], limit=1)
    env["ops.marketing.metric"].create(
        [
            {
                "campaign_id": campaigns[i % size].id,
                "channel_id": channel.id,
                "date": date.today() - timedelta(days=i // size),
                "impressions": 100,
                "clicks": 10,
            }
            for i in range(size * 5)
        ]
    )
    cycle = env["ops.appraisal.cycle"].create(
        {
            "name": "Bench cycle",
            "period_type": "quarterly",
            "date_start": date(2020, 1, 1),
            "date_end": date(2020, 3, 31),
            "department_ids": [(6, 0, department.ids)],
        }
    )
    cycle._ops_start()
    env.flush_all()


# Screens ---------------------------------------------------------------------


def field_spec(node, fields):
    """The web client's specification for the fields of ``node`` (not those
    of the x2many subviews inside it, which become nested specifications)."""
    spec = {}
    for child in node.iterchildren(tag=etree.Element):
        if child.tag == "field":
            name = child.get("name")
            info = fields.get(name)
            if not info:
                continue
            kind = info["type"]
            if kind == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif kind in ("one2many", "many2many"):
                sub = {}
                for view in child.iterchildren(tag=etree.Element):
                    if view.tag in ("list", "kanban", "form"):
                        sub.update(field_spec(view, {}))
                spec[name] = {"fields": sub or {"display_name": {}}, "limit": 40}
            else:
                spec[name] = {}
        else:
            spec.update(field_spec(child, fields))
    return spec


def screens(env, user):
    """(label, model, view type, domain, context) for every list, kanban and
    form of the Operations menu."""
    from odoo.tools.safe_eval import safe_eval

    root = env.ref("ops_base.menu_ops_root")
    menus = env["ir.ui.menu"].with_user(user).search([("id", "child_of", root.id)])
    seen, result = set(), []
    for menu in menus:
        action = menu.action
        if not action or action._name != "ir.actions.act_window":
            continue
        action = action.sudo()
        model = action.res_model
        eval_ctx = {"uid": user.id, "context_today": date.today, "active_id": False}
        try:
            domain = safe_eval(action.domain or "[]", eval_ctx)
            context = safe_eval(action.context or "{}", eval_ctx)
        except Exception:  # noqa: BLE001 - an action needing a record id
            continue
        for view_type in action.view_mode.split(","):
            if view_type not in ("list", "kanban", "form"):
                continue
            key = (model, view_type, str(domain))
            if key in seen:
                continue
            seen.add(key)
            result.append((menu.complete_name, model, view_type, domain, context))
    return result


def measure(env, user, model, view_type, domain, context):
    import odoo.sql_db

    Model = env[model].with_user(user).with_context(**context)
    views = Model.get_views([(False, view_type)], {})
    arch = etree.fromstring(views["views"][view_type]["arch"])
    fields = views["models"][model]["fields"]
    spec = field_spec(arch, fields)
    ids = Model.search(domain, limit=LARGE).ids
    if not ids:
        return None

    def call(n):
        if view_type == "form":
            return Model.browse(ids[:n]).web_read(spec)
        return Model.web_search_read(domain, spec, limit=n)

    counts = {}
    for n in (SMALL, LARGE):
        call(n)  # warm the caches of the metadata, not of the records
        env.invalidate_all()
        before = odoo.sql_db.sql_counter
        call(n)
        counts[n] = odoo.sql_db.sql_counter - before

    def timer():
        env.invalidate_all()
        t0 = time.perf_counter()
        call(1 if view_type == "form" else LARGE)
        return time.perf_counter() - t0

    return len(ids), counts[SMALL], counts[LARGE], timer


def p95(times):
    return statistics.quantiles(times, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    size = max(int(90 * args.scale), LARGE + 10)
    ok = True
    with benchlib.throwaway_env(ADDONS, name="screens") as env:
        t0 = time.perf_counter()
        generate(env, size)
        user = make_user(env)
        print(
            f"Generated {size} of each main record in {time.perf_counter() - t0:.0f} s"
        )
        vanilla = {}
        for fam, (model, xmlid) in VANILLA.items():
            for view_type in ("list", "kanban", "form"):
                if not env.ref(xmlid, raise_if_not_found=False):
                    continue
                res = measure(env, user, model, view_type, [], {})
                if res:
                    rows, q8, q80, timer = res
                    times = [timer() for _i in range(REPEAT)]
                    vanilla.setdefault(fam, {})[view_type] = (
                        rows,
                        q8,
                        q80,
                        timer,
                        p95(times),
                    )
        header = (
            f"{'screen':58} {'type':6} {'rows':>5} {'q@8':>5} {'q@80':>5} "
            f"{'p95 ms':>8} {'ratio':>6}"
        )
        print("\nVanilla Odoo screens")
        print(header)
        for fam, per_type in vanilla.items():
            for view_type, (rows, q8, q80, _timer, t95) in per_type.items():
                name = f"{VANILLA[fam][0]} ({fam})"
                print(
                    f"{name:58} {view_type:6} {rows:>5} {q8:>5} {q80:>5} "
                    f"{t95 * 1000:>8.1f} {'':>6}"
                )
        # Each suite screen is timed alternately with the slowest vanilla
        # screen of its family, so that both see the same machine load.
        reference = {
            fam: max(per_type.values(), key=lambda r: r[4])[3]
            for fam, per_type in vanilla.items()
        }
        print("\nOperations screens (ratio: p95 / p95 of the slowest vanilla screen")
        print("of the family, timed alternately)")
        print(header)
        for label, model, view_type, domain, context in screens(env, user):
            try:
                res = measure(env, user, model, view_type, domain, context)
            except Exception as e:  # noqa: BLE001 - report and go on
                print(f"{label[:58]:58} {view_type:6} error: {e}")
                ok = False
                continue
            if not res:
                print(f"{label[:58]:58} {view_type:6} {'0':>5} (no records)")
                continue
            rows, q8, q80, timer = res
            ref = reference[family(model)]
            ours, theirs = [], []
            for _i in range(REPEAT):
                ours.append(timer())
                theirs.append(ref())
            t95 = p95(ours)
            ratio = t95 / p95(theirs)
            flags = []
            if rows >= LARGE and q80 - q8 > GROWTH:
                flags.append(
                    "queries grow with rows"
                    if view_type != "form"
                    else "per-record compute"
                )
            if ratio > RATIO:
                flags.append(f"slower than {RATIO}x vanilla")
            ok = ok and not flags
            print(
                f"{label[:58]:58} {view_type:6} {rows:>5} {q8:>5} {q80:>5} "
                f"{t95 * 1000:>8.1f} {ratio:>6.2f}"
                + (f"  <- {', '.join(flags)}" if flags else "")
            )
    print(
        f"\nTargets: list/kanban/form query counts at {SMALL} and {LARGE} records "
        f"equal or within {GROWTH}; each screen's p95 at most {RATIO}x the "
        "slowest vanilla screen of its family (project.task, crm.lead, "
        "res.partner, hr.employee)."
    )
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
