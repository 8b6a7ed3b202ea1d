#!/usr/bin/env bash
# A private PostgreSQL cluster on 127.0.0.1:$OPS_PGPORT. PostgreSQL refuses to
# run as root, so as root the cluster belongs to the `postgres` system user.
# Usage: tools/pg.sh start|stop|status
set -euo pipefail
source "$(dirname "$0")/env.sh"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl || echo /nonexistent/pg_ctl)")
[ -x "$bindir/pg_ctl" ] || die "PostgreSQL server binaries not found; install the postgresql package."

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$OPS_PGDATA/PG_VERSION" ]; then
      log "initialising PostgreSQL cluster in $OPS_PGDATA"
      mkdir -p "$OPS_PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres: "$OPS_PGDATA" && chmod 700 "$OPS_PGDATA"
      as_pg "$bindir/initdb" -D "$OPS_PGDATA" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bindir/pg_ctl" -D "$OPS_PGDATA" status >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl" -D "$OPS_PGDATA" -w -l "$OPS_PGDATA/server.log" \
        -o "-p $OPS_PGPORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    psql_() { as_pg "$bindir/psql" -h 127.0.0.1 -p "$OPS_PGPORT" -U postgres -qtAX "$@"; }
    if [ "$(psql_ -d postgres -c "select 1 from pg_roles where rolname='$OPS_DB_USER'")" != 1 ]; then
      psql_ -d postgres -c "create role \"$OPS_DB_USER\" login createdb password '$OPS_DB_PASSWORD'"
    fi
    ;;
  stop) as_pg "$bindir/pg_ctl" -D "$OPS_PGDATA" -m fast stop ;;
  status) as_pg "$bindir/pg_ctl" -D "$OPS_PGDATA" status ;;
  *) die "usage: tools/pg.sh start|stop|status" ;;
esac
