"""The deployment files stay valid and deploy every ops_* addon."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker" / "docker-compose.yml"


def _compose_cmd():
    if shutil.which("docker") and (
        subprocess.run(
            ["docker", "compose", "version"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_compose_file_deploys_the_suite():
    spec = yaml.safe_load(COMPOSE.read_text())
    odoo = spec["services"]["odoo"]
    dockerfile = COMPOSE.parent / odoo["build"]["context"] / odoo["build"]["dockerfile"]
    assert dockerfile.is_file()
    assert re.search(r"^FROM odoo:18\.0$", dockerfile.read_text(), re.M)
    assert "db" in odoo["depends_on"]
    addons = re.search(r"\$\{OPS_ADDONS:-([^}]*)\}", " ".join(odoo["command"]))
    deployed = set(addons.group(1).split(","))
    ours = {p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py")}
    assert ours <= deployed, f"not deployed by docker-compose.yml: {ours - deployed}"


def test_compose_config_validates():
    cmd = _compose_cmd()
    if not cmd:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    proc = subprocess.run(
        [*cmd, "-f", str(COMPOSE), "config", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
