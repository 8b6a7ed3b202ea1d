"""Suite-wide: the suite is a good guest in an existing Odoo.

One throwaway database with the host apps (every dependency of the ops_*
addons and the apps whose tests `make test` runs), no demo data, no ops_*
addon:

1. the upstream tests of tests/upstream_exclusions.py run there, in the full
   registry as `make test` runs them: each must fail, the way its entry says,
   WITHOUT the suite (otherwise it must not be excluded);
2. then every ops_* addon is installed, upgraded (-u), uninstalled one by one
   (dependents first) and reinstalled: nobody gets an operations role, the
   host records are kept, every user's groups are the same as before the
   suite came, as are the host's settings (the groups implied by "Internal
   User", which is how Odoo's settings switch features on, and the system
   parameters not of the suite).
"""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import dbutil  # noqa: E402
import run_tests  # noqa: E402
from upstream_exclusions import EXCLUDED  # noqa: E402

OPS = run_tests.ops_addons()
LOG_START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ")
# Records of the host apps that must outlive the suite (demo data included).
HOST_TABLES = (
    "res_partner",
    "res_users",
    "hr_employee",
    "hr_department",
    "project_project",
    "project_task",
    "project_milestone",
    "crm_lead",
    "helpdesk_ticket",
    "helpdesk_ticket_category",
    "hr_appraisal",
    "tier_definition",
    "brand",
    "account_analytic_account",
)


def host_modules():
    """The apps the suite is installed into: what the ops_* addons depend on
    and the apps whose tests make test runs."""
    depends = set(run_tests.UPSTREAM) | set(run_tests.UPSTREAM_HELPDESK)
    for addon in OPS:
        depends |= set(run_tests.UPSTREAM_BY_ADDON.get(addon, ()))
        manifest = (ROOT / "addons" / addon / "__manifest__.py").read_text()
        depends |= set(ast.literal_eval(manifest).get("depends", []))
    return sorted(d for d in depends if not d.startswith("ops_"))


def odoo(db, *args, full_registry=False, shell_script=None):
    """Run odoo-bin on db (or, with shell_script, `odoo-bin shell` running
    that script); return (returncode, output)."""
    if full_registry:
        cmd = [sys.executable, str(ROOT / "tools" / "run_tests.py")]
        cmd.append("--odoo-full-registry")
    else:
        cmd = [os.environ["ODOO_BIN"]]
    if shell_script:
        cmd.append("shell")
    cmd += ["-c", os.environ["OPS_CONF"], "-d", db, *args]
    if shell_script:
        cmd.append("--no-http")
    else:
        cmd += ["--stop-after-init", "--log-level=info"]
        cmd.append("--http-port=" + os.environ.get("OPS_LIFECYCLE_HTTP_PORT", "8179"))
    proc = subprocess.run(
        cmd, input=shell_script, capture_output=True, text=True, check=False
    )
    return proc.returncode, proc.stdout + proc.stderr


def failure_blocks(log):
    """{'Class.method': text of its FAIL/ERROR report} from an Odoo log."""
    blocks, current = {}, None
    for line in log.splitlines():
        if LOG_START.match(line):
            current = None
            m = re.search(r" (?:FAIL|ERROR): (?:Subtest )?(\S+)", line)
            if m:
                current = m[1]
                blocks[current] = blocks.get(current, "") + line + "\n"
        elif current:
            blocks[current] += line + "\n"
    return blocks


# The host company's own data and a user of its apps, before the suite.
SEED = """
groups = [
    env.ref(x).id
    for x in (
        'base.group_user',
        'project.group_project_user',
        'sales_team.group_sale_salesman',
        'helpdesk_mgmt.group_helpdesk_user',
    )
]
user = env['res.users'].create(
    {'name': 'Host Guest', 'login': 'host.guest', 'groups_id': [(6, 0, groups)]}
)
env['hr.employee'].create({'name': 'Host Guest', 'user_id': user.id})
project = env['project.project'].create(
    {'name': 'Host project', 'privacy_visibility': 'followers'}
)
env['project.task'].create(
    {'name': 'Host task', 'project_id': project.id, 'user_ids': [(4, user.id)]}
)
env['project.milestone'].create({'name': 'Host milestone', 'project_id': project.id})
env['crm.lead'].create({'name': 'Host lead', 'user_id': user.id})
env['helpdesk.ticket'].create(
    {'name': 'Host ticket', 'description': 'Printer jams', 'user_id': user.id}
)
env.cr.commit()
print('SEEDED')
"""


@pytest.fixture(scope="module")
def host_db():
    db = os.environ.get("OPS_LIFECYCLE_DB") or f"ops_lifecycle_{os.getpid()}"
    # Install the host apps and, in the same pass, run the excluded tests the
    # way make test would (full registry, at_install ones included).
    tags = ",".join(EXCLUDED)
    # No demo data, as in a company's database: then nobody may have an
    # operations role after the suite's install.
    rc, log = odoo(
        db,
        "-i",
        ",".join(host_modules()),
        "--without-demo=all",
        "--test-enable",
        f"--test-tags={tags}",
        full_registry=True,
    )
    try:
        assert "Modules loaded." in log, f"host apps did not install:\n{log[-3000:]}"
        rc, out = odoo(db, shell_script=SEED)
        assert "SEEDED" in out, f"host data not created (rc={rc}):\n{out[-3000:]}"
        yield db, log
    finally:
        dbutil.drop(db)


def test_excluded_upstream_tests_fail_without_the_suite(host_db):
    _db, log = host_db
    assert EXCLUDED, "nothing excluded: drop this test's first half"
    blocks = failure_blocks(log)
    for spec, entry in EXCLUDED.items():
        test = spec.split(":", 1)[1]
        assert f"Starting {test} ..." in log, f"{spec} did not run"
        assert test in blocks, (
            f"{spec} passes without the suite: remove it from "
            "tests/upstream_exclusions.py"
        )
        assert re.search(entry["fails_with"], blocks[test]), (
            f"{spec} fails otherwise than listed ({entry['fails_with']}):\n"
            + blocks[test]
        )


SNAPSHOT = """
import json
ops = env['res.groups'].search([('category_id.name', 'ilike', 'Operations')])
ops |= env['ir.model.data'].search(
    [('model', '=', 'res.groups'), ('module', '=like', 'ops_%')]
).mapped(lambda d: env['res.groups'].browse(d.res_id)).exists()
users = env['res.users'].with_context(active_test=False).search([])
def xmlid(group):
    return group.get_external_id().get(group.id) or group.full_name
def param(key):
    return not key.startswith(('ops_', 'database.', 'base.module'))
data = {
    'users': {u.login: sorted(map(xmlid, u.groups_id)) for u in users},
    'ops_users': sorted(ops.users.mapped('login')),
    'employee_implies': sorted(map(xmlid, env.ref('base.group_user').implied_ids)),
    'params': {
        p.key: p.value for p in env['ir.config_parameter'].search([]) if param(p.key)
    },
    'records': {},
}
for table in TABLES:
    env.cr.execute("SELECT to_regclass(%s)", [table])
    if env.cr.fetchone()[0]:
        env.cr.execute(f'SELECT array_agg(id ORDER BY id) FROM "{table}"')
        data['records'][table] = env.cr.fetchone()[0] or []
print('SNAPSHOT' + json.dumps(data))
"""


def snapshot(db):
    rc, out = odoo(db, shell_script=SNAPSHOT.replace("TABLES", repr(HOST_TABLES)))
    line = next((x for x in out.splitlines() if x.startswith("SNAPSHOT")), None)
    assert line, f"snapshot failed (rc={rc}):\n{out[-3000:]}"
    return json.loads(line[len("SNAPSHOT") :])


UNINSTALL = """
env['ir.module.module'].search([('name', '=', ADDON)]).button_immediate_uninstall()
env.cr.commit()
print('UNINSTALLED')
"""


def check_guest(before, now, ops_users, step):
    """Nothing of the host changed for people without an operations role."""
    problems = []
    for login, groups in before["users"].items():
        if login in ops_users:
            continue
        if login not in now["users"]:
            problems.append(f"user {login} is gone")
        elif now["users"][login] != groups:
            added = sorted(set(now["users"][login]) - set(groups))
            removed = sorted(set(groups) - set(now["users"][login]))
            problems.append(f"groups of {login}: +{added} -{removed}")
    if now["employee_implies"] != before["employee_implies"]:
        problems.append(
            f"Internal User implies {now['employee_implies']}, "
            f"was {before['employee_implies']}"
        )
    for key, value in before["params"].items():
        if now["params"].get(key) != value:
            problems.append(f"parameter {key}: {value!r} -> {now['params'].get(key)!r}")
    new = sorted(set(now["params"]) - set(before["params"]))
    if new:
        problems.append(f"new host parameters: {new}")
    for table, ids in before["records"].items():
        lost = sorted(set(ids) - set(now["records"].get(table) or []))
        if lost:
            problems.append(f"{table}: records {lost[:10]} lost")
    assert not problems, f"after {step}:\n" + "\n".join(problems)


def test_install_upgrade_uninstall_reinstall_keeps_the_host(host_db):
    db, _log = host_db
    before = snapshot(db)
    assert before["users"] and before["records"]["project_project"]
    assert not before["ops_users"]
    ops_users = set()

    def step(name, *args, shell_script=None):
        rc, out = odoo(db, *args, shell_script=shell_script)
        assert rc == 0, f"{name} failed:\n{out[-3000:]}"
        now = snapshot(db)
        # Were anybody given a role, they would no longer be "non-operations"
        # (the install step's own assertion forbids it).
        ops_users.update(now["ops_users"])
        check_guest(before, now, ops_users, name)
        return now

    installed = step("install", "-i", ",".join(OPS))
    assert set(installed["records"]) >= set(before["records"])
    assert not installed["ops_users"], "installing gave operations roles"
    step("upgrade", "-u", ",".join(OPS))
    # Dependents first: each addon leaves on its own, ops_base last.
    for addon in [a for a in OPS if a != "ops_base"] + ["ops_base"]:
        step(f"uninstall {addon}", shell_script=UNINSTALL.replace("ADDON", repr(addon)))
    final = step("reinstall", "-i", ",".join(OPS))
    assert not final["ops_users"], "reinstalling gave operations roles"
