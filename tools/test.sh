#!/usr/bin/env bash
# `make test`: set up, then run every test of the suite on throwaway databases.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$OPS_ROOT/tools/setup.sh"
cd "$OPS_STATE"
exec "$PY" "$OPS_ROOT/tools/run_tests.py" "$@"
