#!/usr/bin/env bash
# Prepare everything `make run` and `make test` need; safe to re-run, fast when
# nothing changed. Usage: tools/setup.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$OPS_STATE"

# 1. Odoo 18 source, first so that without it we fail fast: ODOO_SRC, else
#    the official 18.0 source release.
if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
  fallback=$OPS_STATE/odoo-src
  if [ ! -f "$fallback/odoo/release.py" ]; then
    url=${ODOO_RELEASE_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
    log "no Odoo source at $ODOO_SRC; downloading the official 18.0 release"
    tmp=$(mktemp -d)
    if curl -fsSL --connect-timeout 15 --speed-time 30 --speed-limit 1024 \
        -o "$tmp/odoo.tar.gz" "$url" 2>/dev/null; then
      mkdir -p "$fallback" && tar -xzf "$tmp/odoo.tar.gz" -C "$fallback" --strip-components=1
    fi
    rm -rf "$tmp"
  fi
  [ -f "$fallback/odoo/release.py" ] || die "Odoo 18 was neither found nor downloadable.
  Provide an Odoo 18.0 source tree and point ODOO_SRC at it, e.g.:
      ODOO_SRC=/path/to/odoo-18-source make test"
  ODOO_SRC=$fallback
fi
grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
  || die "$ODOO_SRC is not Odoo 18.0 (see $ODOO_SRC/odoo/release.py); set ODOO_SRC."

# 2. System packages (only when we are allowed to install them).
need_pkgs=()
for p in postgresql libpq-dev libldap2-dev libsasl2-dev chromium fonts-noto-cjk wkhtmltopdf; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
# Only to validate docker/docker-compose.yml in the tests, where Docker's own
# compose plugin is absent.
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  need_pkgs+=(docker-compose)
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing system packages: ${need_pkgs[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${need_pkgs[@]}" >/dev/null
  else
    log "missing system packages (install them with your package manager): ${need_pkgs[*]}"
  fi
fi

# 3. Python: a virtualenv with Odoo (editable, compat mode so OCA wheels can
#    share the odoo.addons namespace) and the suite's requirements.
if [ ! -x "$PY" ]; then
  command -v "$OPS_PYTHON" >/dev/null || OPS_PYTHON=python3
  log "creating virtualenv $OPS_VENV"
  "$OPS_PYTHON" -m venv "$OPS_VENV"
fi
stamp=$OPS_VENV/.ops-stamp
want=$( { realpath "$ODOO_SRC"; cat "$ODOO_SRC/requirements.txt" \
  "$OPS_ROOT/requirements.txt" "$OPS_ROOT/requirements-dev.txt"; } | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "installing Python dependencies (first run takes a few minutes)"
  "$PY" -m pip install -q --upgrade pip "setuptools<81" wheel
  # cbor2 5.4.2 (Odoo's pin for Python < 3.12) no longer builds: take a current one.
  sed -E 's/^cbor2==5\.4\.2.*/cbor2/' "$ODOO_SRC/requirements.txt" > "$OPS_STATE/odoo-requirements.txt"
  "$PY" -m pip install -q -r "$OPS_STATE/odoo-requirements.txt"
  "$PY" -m pip install -q --no-deps --config-settings editable_mode=compat -e "$ODOO_SRC"
  "$PY" -m pip install -q -r "$OPS_ROOT/requirements.txt" -r "$OPS_ROOT/requirements-dev.txt"
  echo "$want" > "$stamp"
fi
"$PY" -c 'import odoo.release as r; assert r.serie == "18.0"' 2>/dev/null \
  || die "Odoo did not install into $OPS_VENV; remove that folder and run again."

# 4. PostgreSQL and the Odoo configuration.
"$OPS_ROOT/tools/pg.sh" start
odoo_root=$("$PY" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)))')
cat > "$OPS_CONF" <<CONF
[options]
addons_path = $odoo_root/addons,$odoo_root/odoo/addons,$OPS_ROOT/addons
data_dir = $OPS_STATE/filestore
db_host = 127.0.0.1
db_port = $OPS_PGPORT
db_user = $OPS_DB_USER
db_password = $OPS_DB_PASSWORD
http_port = $OPS_HTTP_PORT
admin_passwd = ${OPS_ADMIN_PASSWD:-admin}
without_demo = False
# The job runner of OCA queue_job starts with the server and runs the suite's
# long work (cycle start, report build, large imports) in the background.
server_wide_modules = base,web,queue_job

[queue_job]
channels = root:2,root.ops:1
CONF
log "ready: Odoo $("$PY" -c 'import odoo.release as r; print(r.version)') in $OPS_VENV"
