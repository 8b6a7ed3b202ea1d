"""Run the suite's tests and print one closing summary in pytest's form.

Two parts, each on its own throwaway database (dropped afterwards):
1. the suite-wide tests under tests/ (pytest): e.g. a clean install log;
2. on ONE database where every ops_* addon is installed once (`-i`, with demo
   data): every ops_* addon's Odoo tests (TransactionCase and HttpCase browser
   tours), then the post_install tests of the host apps the suite lives in
   (UPSTREAM below): the suite must not break them. Upstream tests that fail
   without the suite too are left out, each with its cause, in ONE place:
   tests/upstream_exclusions.py.
   With OPS_AT_INSTALL=1, a second pass on the same database runs the host
   apps' at_install tests in the full registry (every addon loaded; Odoo
   itself only runs them while installing each app, before the suite is
   there).

A skipped ops_* test counts as a failure: Odoo silently skips browser tours
when Chromium or websocket-client is missing, and a tour that did not run
proved nothing. Upstream skips are upstream's choice: listed, not failures.

The two parts run side by side (OPS_TEST_JOBS=1: one after the other).

Environment: OPS_EXTRA_TEST_TAGS replaces the upstream test tags (empty: no
upstream test); OPS_TEST_DB names the database; OPS_TEST_HTTP_PORT its port.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import dbutil  # noqa: E402
from upstream_exclusions import exclusion_tags  # noqa: E402

# The host apps whose post_install tests run with the whole suite installed.
UPSTREAM = (
    "project",
    "hr",
    "crm",
    "base_tier_validation",
    "hr_appraisal_oca",
    "brand",
    "report_xlsx",
)
# Installed beside the suite so that what it does only when they are present
# is tested too (approval delegation on approved leave).
OPTIONAL_HOSTS = ("hr_holidays",)
# The OCA helpdesk suites: all their tests, as make test always ran them.
UPSTREAM_HELPDESK = (
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_project",
    "helpdesk_mgmt_rating",
)

# The OCA (and Odoo) apps each newer addon builds on: all their tests, with
# that addon installed, so that the suite is a good guest there too.
UPSTREAM_BY_ADDON = {
    "ops_appraisal": ("hr_course",),
    "ops_admin": (
        "hr_expense",
        "hr_expense_tier_validation",
        "purchase_request",
        "purchase_request_tier_validation",
    ),
    "ops_partner": (
        "sale_tier_validation",
        "purchase_tier_validation",
        "partner_tier_validation",
        "agreement_legal",
        "mgmtsystem_audit",
    ),
    "ops_store": ("stock_request", "stock_request_tier_validation"),
}

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>\S+): (?P<msg>.*)$"
)
STARTING = re.compile(r"^Starting (?P<test>\S+) \.\.\.")
FAILED = re.compile(r"^(?:FAIL|ERROR): (?:Subtest )?(?P<test>\S+)")
SKIPPED = re.compile(r"^skipped (?P<test>\S+)")


def ops_addons():
    return sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))


def start_pytest(junit, output):
    """Start the suite-wide tests; with output (a file), in the background."""
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"]
    cmd += ["-rA", f"--junitxml={junit}", str(ROOT / "tests")]
    if output is None:
        return subprocess.Popen(cmd, cwd=ROOT)
    return subprocess.Popen(cmd, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)


def finish_pytest(proc, junit):
    rc = proc.wait()
    if rc == 5:  # pytest: no tests collected
        return 0, 0, 0
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, fail = int(suite.get("tests")), int(suite.get("failures"))
    err, skip = int(suite.get("errors")), int(suite.get("skipped"))
    failed = fail + err + (1 if rc and not (fail or err) else 0)
    return total - fail - err - skip, failed, skip


def odoo_cmd(db, tags, install=None, full_registry=False):
    """odoo-bin running tests; full_registry: the at_install tests too, after
    every installed addon is loaded (see full_registry_main)."""
    if full_registry:
        cmd = [sys.executable, __file__, "--odoo-full-registry"]
    else:
        cmd = [os.environ["ODOO_BIN"]]
    cmd += ["-c", os.environ["OPS_CONF"], "-d", db]
    if install:
        cmd += ["-i", ",".join(install)]
    return cmd + [
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--log-level=info",
        "--http-port=" + os.environ.get("OPS_TEST_HTTP_PORT", "8169"),
    ]


def full_registry_main(argv):
    """odoo-bin, except that every test the tags select, at_install ones
    included, runs once all addons are loaded (in Odoo's post-install phase)
    and none while loading. Used on a database where everything is installed
    already (no -i/-u)."""
    from odoo import cli  # pylint: disable=import-outside-toplevel
    from odoo.tests import loader  # pylint: disable=import-outside-toplevel

    make_suite = loader.make_suite

    def make_full_registry_suite(module_names, position="at_install"):
        if position == "at_install":
            return loader.OdooSuite([])
        tests = list(make_suite(module_names, "at_install"))
        tests += list(make_suite(module_names, "post_install"))
        return loader.OdooSuite(sorted(tests, key=lambda t: t.test_sequence))

    loader.make_suite = make_full_registry_suite
    sys.argv = ["odoo", *argv]
    return cli.main()


def run_odoo_tests(cmd, log_path):
    started, failed, skipped, stray_errors = [], set(), set(), []
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for line in proc.stdout:
            log.write(line)
            m = LOG_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            msg, level = m["msg"], m["level"]
            # "odoo.addons.<addon>.tests...": name tests "<addon>: Class.method"
            parts = m["logger"].split(".")
            addon = parts[2] if parts[:2] == ["odoo", "addons"] else "?"
            if s := STARTING.match(msg):
                started.append(f"{addon}: {s['test']}")
                print(f"  {addon}: {s['test']}", flush=True)
            elif f := FAILED.match(msg):
                failed.add(f"{addon}: {f['test']}")
            elif k := SKIPPED.match(msg):
                skipped.add(f"{addon}: {k['test']}")
            if level in ("WARNING", "ERROR", "CRITICAL"):
                print(f"    {level} {m['logger']}: {msg[:400]}", flush=True)
                if level != "WARNING" and not msg.startswith(("FAIL:", "ERROR:")):
                    stray_errors.append(msg)
        rc = proc.wait()
    return rc, started, failed, skipped, stray_errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--addons", help="comma-separated addons (default: all ops_*)")
    parser.add_argument("--no-suite", action="store_true", help="skip tests/")
    args = parser.parse_args()
    addons = args.addons.split(",") if args.addons else ops_addons()
    upstream = upstream_tags(addons, whole_suite=not args.addons)
    tags = ",".join([f"/{a}" for a in addons] + upstream + exclusion_tags())

    logs = Path(os.environ["OPS_STATE"]) / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    passed = failed = skipped = 0

    # tests/ and the Odoo tests each use one core most of the time: with
    # OPS_TEST_JOBS=2 (default) tests/ runs beside the Odoo tests, its output
    # shown when it ends.
    pytest = pytest_out = None
    junit = logs / f"pytest-{stamp}.xml"
    if not args.no_suite:
        parallel = int(os.environ.get("OPS_TEST_JOBS", "2")) > 1
        pytest_log = logs / f"pytest-{stamp}.log"
        if parallel:
            pytest_out = open(pytest_log, "w+", encoding="utf-8")  # noqa: SIM115
            print(f"== suite-wide tests (tests/), in the background: {pytest_log}")
        else:
            print("== suite-wide tests (tests/)", flush=True)
        pytest = start_pytest(junit, pytest_out)
        if not parallel:
            p, f, s = finish_pytest(pytest, junit)
            passed, failed, skipped = passed + p, failed + f, skipped + s
            pytest = None

    db = os.environ.get("OPS_TEST_DB") or f"ops_test_{os.getpid()}"
    log_path = logs / f"odoo-tests-{stamp}.log"
    print(f"== Odoo tests of {', '.join(addons)} on {db} (log: {log_path})", flush=True)
    if upstream:
        print(f"   and upstream: {','.join(upstream)}", flush=True)
    at_install = os.environ.get("OPS_AT_INSTALL") == "1" and upstream
    try:
        install = list(addons) + list(OPTIONAL_HOSTS)
        result = run_odoo_tests(odoo_cmd(db, tags, install=install), log_path)
        p, f, s = summarize("Odoo", result)
        passed, failed, skipped = passed + p, failed + f, skipped + s
        if at_install:
            modules = sorted({t.split("/")[-1].split(":")[0] for t in upstream})
            at_tags = [f"at_install/{m}" for m in modules if m]
            at_tags = ",".join(at_tags + exclusion_tags())
            at_log = logs / f"odoo-at-install-{stamp}.log"
            print(f"== OPS_AT_INSTALL: {at_tags} (log: {at_log})", flush=True)
            cmd = odoo_cmd(db, at_tags, full_registry=True)
            p, f, s = summarize("at_install", run_odoo_tests(cmd, at_log))
            passed, failed, skipped = passed + p, failed + f, skipped + s
    finally:
        dbutil.drop(db)
        if pytest is not None:
            print("== suite-wide tests (tests/)", flush=True)
            p, f, s = finish_pytest(pytest, junit)
            passed, failed, skipped = passed + p, failed + f, skipped + s
            pytest_out.seek(0)
            print(pytest_out.read(), flush=True)
            pytest_out.close()
    print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
    return 1 if failed else 0


def upstream_tags(addons, whole_suite):
    """Test tags of the host apps' suites run beside the ops_* tests."""
    if "OPS_EXTRA_TEST_TAGS" in os.environ:
        return [t for t in os.environ["OPS_EXTRA_TEST_TAGS"].split(",") if t]
    tags = []
    if whole_suite:
        tags += [f"post_install/{m}" for m in UPSTREAM]
    if "ops_service" in addons:
        # The OCA helpdesk suites must still pass with ops_service installed.
        tags += [f"/{m}" for m in UPSTREAM_HELPDESK]
    for addon in addons:
        tags += [f"/{m}" for m in UPSTREAM_BY_ADDON.get(addon, ())]
    return tags


def is_ops_test(test):
    return test.startswith("ops_")


def summarize(label, result):
    """Print one pass's failures and counts; return (passed, failed, skipped)
    as they enter the closing summary."""
    rc, started, bad, skips, stray = result
    tours = [t for t in started if ".test_tour" in t]
    ops_skips = {t for t in skips if is_ops_test(t)}
    odoo_failed = len(bad)
    if stray and not bad:
        odoo_failed += 1  # an error outside any test (install, data, registry)
    if rc and not odoo_failed:
        odoo_failed += 1
    if not started:
        print("  no Odoo test ran: see the log", flush=True)
        odoo_failed += 1
    odoo_passed = len(started) - len(bad - skips) - len(skips)
    for test in sorted(bad):
        print(f"  FAILED {test}")
    for test in sorted(skips):
        if test in ops_skips:
            print(f"  SKIPPED (counts as a failure) {test}")
        else:
            print(f"  skipped upstream (not a failure) {test}")
    print(
        f"== {label}: {len(started)} tests ({len(tours)} browser tours), "
        f"{odoo_passed} passed, {odoo_failed} failed, {len(skips)} skipped",
        flush=True,
    )
    return odoo_passed, odoo_failed + len(ops_skips), len(skips)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--odoo-full-registry"]:
        sys.exit(full_registry_main(sys.argv[2:]))
    sys.exit(main())
