# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every benchmark (tests/bench_*.py) needs: a throwaway database with
one addon and a superuser environment on it, dropped afterwards whatever
happens. Run the benchmarks with `make bench`, which sets OPS_CONF."""

import contextlib
import os
import subprocess
import sys


@contextlib.contextmanager
def throwaway_env(addon, name=None):
    conf = os.environ.get("OPS_CONF") or sys.exit("OPS_CONF unset: use `make bench`")
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", conf])
    keep = os.environ.get("OPS_BENCH_DB")
    if keep:
        # Reuse a database already holding the addons (for iterating on a
        # benchmark): everything it generates is rolled back.
        with Registry(keep).cursor() as cr:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            cr.rollback()
        return
    db = f"bench_{name or addon}_{os.getpid()}"
    print(f"Creating database {db} ...", flush=True)
    odoo_bin = os.path.join(os.environ.get("OPS_VENV", sys.prefix), "bin", "odoo")
    cmd = [odoo_bin, "-c", conf, "-d", db, "-i", addon, "--without-demo=all"]
    subprocess.run(cmd + ["--stop-after-init", "--log-level=warn"], check=True)
    try:
        with Registry(db).cursor() as cr:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            cr.rollback()
    finally:
        Registry.delete(db)
        odoo.sql_db.close_db(db)
        odoo.service.db.exp_drop(db)
        print(f"Dropped database {db}", flush=True)
