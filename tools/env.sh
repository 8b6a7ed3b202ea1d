# Shared settings for the Ops Suite's tools; sourced, never run.
# Everything lives outside the checkout so that a fresh clone reuses the same
# virtualenv and PostgreSQL cluster and starts in seconds.
OPS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" = 0 ]; then
  OPS_STATE=${OPS_STATE:-/var/lib/ops-suite}
else
  OPS_STATE=${OPS_STATE:-$HOME/.local/share/ops-suite}
fi
OPS_VENV=${OPS_VENV:-$OPS_STATE/venv}
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
OPS_PGPORT=${OPS_PGPORT:-5433}
OPS_PGDATA=${OPS_PGDATA:-$OPS_STATE/pgdata}
OPS_DB_USER=${OPS_DB_USER:-odoo}
OPS_DB_PASSWORD=${OPS_DB_PASSWORD:-odoo}
OPS_HTTP_PORT=${OPS_HTTP_PORT:-8069}
OPS_PYTHON=${OPS_PYTHON:-python3.11}
# One configuration per checkout: its addons_path points at this checkout.
OPS_CONF=$OPS_STATE/odoo-$(printf %s "$OPS_ROOT" | sha1sum | cut -c1-8).conf
PY=$OPS_VENV/bin/python
ODOO_BIN=$OPS_VENV/bin/odoo
export OPS_ROOT OPS_STATE OPS_VENV ODOO_SRC OPS_PGPORT OPS_PGDATA OPS_DB_USER \
  OPS_DB_PASSWORD OPS_HTTP_PORT OPS_CONF PY ODOO_BIN

log() { printf '\033[1m[ops]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[ops] %s\033[0m\n' "$*" >&2; exit 1; }

ops_addons() {
  # Every ops_* addon of the checkout, comma separated.
  local names=()
  for m in "$OPS_ROOT"/addons/ops_*/__manifest__.py; do
    [ -f "$m" ] && names+=("$(basename "$(dirname "$m")")")
  done
  (IFS=,; echo "${names[*]}")
}
