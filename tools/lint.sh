#!/usr/bin/env bash
# `make lint`: ruff and OCA's pylint-odoo through pre-commit, on the whole tree.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -x "$OPS_VENV/bin/pre-commit" ] || "$OPS_ROOT/tools/setup.sh"
cd "$OPS_ROOT"
export PATH="$OPS_VENV/bin:$PATH"
# A fresh clone may have files pre-commit should see but git does not track yet.
exec pre-commit run --all-files --show-diff-on-failure --color=never
