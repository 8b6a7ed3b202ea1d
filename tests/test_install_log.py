"""Suite-wide: every ops_* addon installs together, with demo data, cleanly.

Any WARNING or ERROR in the install log fails: missing access rules,
deprecated view attributes, unknown fields, bad data files.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import dbutil  # noqa: E402

BAD = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")


def test_all_ops_addons_install_cleanly(tmp_path):
    addons = sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))
    assert addons, "no ops_* addon found"
    db = f"ops_install_{os.getpid()}"
    cmd = [
        os.environ["ODOO_BIN"],
        "-c",
        os.environ["OPS_CONF"],
        "-d",
        db,
        "-i",
        ",".join(addons),
        "--stop-after-init",
        "--log-level=info",
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        dbutil.drop(db)
    log = proc.stdout + proc.stderr
    (tmp_path / "install.log").write_text(log)
    bad = [line for line in log.splitlines() if BAD.match(line)]
    assert (
        proc.returncode == 0
    ), f"install failed (rc={proc.returncode}):\n{log[-3000:]}"
    assert not bad, "install log has warnings/errors:\n" + "\n".join(bad)
    assert "Modules loaded." in log
