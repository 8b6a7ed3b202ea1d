#!/usr/bin/env bash
# `make i18n [ADDONS=ops_x,ops_y]`: export each addon's .pot from a throwaway
# database and merge it into i18n/zh_CN.po and i18n/zh_TW.po.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$OPS_ROOT/tools/setup.sh"
cd "$OPS_STATE"
exec "$PY" "$OPS_ROOT/tools/i18n.py" "$@"
