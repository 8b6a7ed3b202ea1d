#!/usr/bin/env bash
# `make run`: set up, create or update the demo database, serve Odoo.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$OPS_ROOT/tools/setup.sh"
db=${OPS_DEMO_DB:-ops_demo}
addons=$(ops_addons)
cd "$OPS_STATE"
if ! "$PY" "$OPS_ROOT/tools/dbutil.py" exists "$db"; then
  log "creating database $db with demo data: $addons (a few minutes, once)"
  "$ODOO_BIN" -c "$OPS_CONF" -d "$db" -i "$addons" --stop-after-init --log-level=warn
else
  missing=$("$PY" "$OPS_ROOT/tools/dbutil.py" missing "$db" "$addons")
  if [ -n "$missing" ]; then
    log "installing new addons into $db: $missing"
    "$ODOO_BIN" -c "$OPS_CONF" -d "$db" -i "$missing" --stop-after-init --log-level=warn
  fi
fi
cat >&2 <<MSG

  Ops Suite is starting on http://localhost:$OPS_HTTP_PORT
    administrator:       login admin        password admin
    operations user:     login ops.user     password ops.user
    operations manager:  login ops.manager  password ops.manager
  (Ctrl-C stops Odoo; your data stays in database "$db".)

MSG
# exec: Ctrl-C reaches Odoo itself, which shuts down cleanly.
exec "$ODOO_BIN" -c "$OPS_CONF" -d "$db" --db-filter="^${db}\$" ${OPS_UPDATE:+-u "$OPS_UPDATE"}
