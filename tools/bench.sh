#!/usr/bin/env bash
# `make bench`: run the benchmarks under tests/ (tests/bench_*.py). Each makes
# its own throwaway database and prints its timings and query counts. Speed
# targets live here, never in the unit tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$OPS_ROOT/tools/setup.sh"
cd "$OPS_STATE"
status=0
for bench in "$OPS_ROOT"/tests/bench_*.py; do
  [ -f "$bench" ] || continue
  log "benchmark $(basename "$bench")"
  "$PY" "$bench" || status=1
done
exit $status
