#!/usr/bin/env bash
# `make run`: set up, create or update the demo database, serve Odoo.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$OPS_ROOT/tools/setup.sh"
db=${OPS_DEMO_DB:-ops_demo}
addons=$(ops_addons)
cd "$OPS_STATE"
# The addons' code as it is now: when it changed since the last run, the
# database is updated so that new models and fields get their tables.
code=$(cd "$OPS_ROOT/addons" && find . -type f -not -path '*/__pycache__/*' -print0 \
  | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16)
stamp=$OPS_STATE/$db.code
if ! "$PY" "$OPS_ROOT/tools/dbutil.py" exists "$db"; then
  log "creating database $db with demo data: $addons (a few minutes, once)"
  "$ODOO_BIN" -c "$OPS_CONF" -d "$db" -i "$addons" --stop-after-init --log-level=warn
else
  # In one pass, so that new addons load on up-to-date ones.
  missing=$("$PY" "$OPS_ROOT/tools/dbutil.py" missing "$db" "$addons")
  args=()
  [ -z "$missing" ] || args+=(-i "$missing")
  if [ "$(cat "$stamp" 2>/dev/null)" != "$code" ]; then
    installed=$(tr , '\n' <<<"$addons" | grep -vxF -f <(tr , '\n' <<<"$missing") | paste -sd, || true)
    [ -z "$installed" ] || args+=(-u "$installed")
  fi
  if [ ${#args[@]} -gt 0 ]; then
    log "updating $db: ${args[*]}"
    "$ODOO_BIN" -c "$OPS_CONF" -d "$db" "${args[@]}" --stop-after-init --log-level=warn
  fi
fi
echo "$code" > "$stamp"
cat >&2 <<MSG

  Ops Suite is starting on http://localhost:$OPS_HTTP_PORT
    administrator:       login admin        password admin
    operations user:     login ops.user     password ops.user
    operations manager:  login ops.manager  password ops.manager
  (Ctrl-C stops Odoo; your data stays in database "$db".)

MSG
# exec: Ctrl-C reaches Odoo itself, which shuts down cleanly.
exec "$ODOO_BIN" -c "$OPS_CONF" -d "$db" --db-filter="^${db}\$" ${OPS_UPDATE:+-u "$OPS_UPDATE"}
