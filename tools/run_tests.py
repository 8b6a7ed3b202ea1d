"""Run the suite's tests and print one closing summary in pytest's form.

Two parts, each on its own throwaway database (dropped afterwards):
1. the suite-wide tests under tests/ (pytest): e.g. a clean install log;
2. every ops_* addon's Odoo tests (TransactionCase and HttpCase browser tours),
   installed together with their demo data.

A skipped test counts as a failure: Odoo silently skips browser tours when
Chromium or websocket-client is missing, and a tour that did not run proved
nothing.
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
import dbutil  # noqa: E402

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>\S+): (?P<msg>.*)$"
)
STARTING = re.compile(r"^Starting (?P<test>\S+) \.\.\.")
FAILED = re.compile(r"^(?:FAIL|ERROR): (?:Subtest )?(?P<test>\S+)")
SKIPPED = re.compile(r"^skipped (?P<test>\S+)")


def ops_addons():
    return sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))


def run_pytest(junit):
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"]
    cmd += ["-rA", f"--junitxml={junit}", str(ROOT / "tests")]
    rc = subprocess.call(cmd, cwd=ROOT)
    if rc == 5:  # pytest: no tests collected
        return 0, 0, 0
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, fail = int(suite.get("tests")), int(suite.get("failures"))
    err, skip = int(suite.get("errors")), int(suite.get("skipped"))
    failed = fail + err + (1 if rc and not (fail or err) else 0)
    return total - fail - err - skip, failed, skip


def run_odoo_tests(db, addons, tags, log_path):
    cmd = [
        os.environ["ODOO_BIN"],
        "-c",
        os.environ["OPS_CONF"],
        "-d",
        db,
        "-i",
        ",".join(addons),
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--log-level=info",
        "--http-port=" + os.environ.get("OPS_TEST_HTTP_PORT", "8169"),
    ]
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
            if s := STARTING.match(msg):
                started.append(s["test"])
                print(f"  {s['test']}", flush=True)
            elif f := FAILED.match(msg):
                failed.add(f["test"])
            elif k := SKIPPED.match(msg):
                skipped.add(k["test"])
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
    default_extra = ""
    if "ops_service" in addons:
        # The OCA helpdesk suites must still pass with ops_service installed.
        default_extra = "/helpdesk_mgmt,/helpdesk_mgmt_sla,/helpdesk_mgmt_project"
    extra = os.environ.get("OPS_EXTRA_TEST_TAGS", default_extra)
    extra = [t for t in extra.split(",") if t]
    tags = ",".join([f"/{a}" for a in addons] + extra)

    logs = Path(os.environ["OPS_STATE"]) / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    passed = failed = skipped = 0

    if not args.no_suite:
        print("== suite-wide tests (tests/)", flush=True)
        p, f, s = run_pytest(logs / f"pytest-{stamp}.xml")
        passed, failed, skipped = passed + p, failed + f, skipped + s

    db = f"ops_test_{os.getpid()}"
    log_path = logs / f"odoo-tests-{stamp}.log"
    print(f"== Odoo tests of {', '.join(addons)} on {db} (log: {log_path})", flush=True)
    try:
        rc, started, bad, skips, stray = run_odoo_tests(db, addons, tags, log_path)
    finally:
        dbutil.drop(db)
    tours = [t for t in started if ".test_tour" in t]
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
        print(f"  SKIPPED (counts as a failure) {test}")
    print(
        f"== Odoo: {len(started)} tests ({len(tours)} browser tours), "
        f"{odoo_passed} passed, {odoo_failed} failed, {len(skips)} skipped",
        flush=True,
    )
    passed += odoo_passed
    failed += odoo_failed + len(skips)
    skipped += len(skips)
    print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
