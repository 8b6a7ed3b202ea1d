"""Small database chores for the tools, with the settings of tools/env.sh.

Usage: dbutil.py exists DB | missing DB MOD[,MOD...] | drop DB
"""

import os
import shutil
import sys

import psycopg2


def connect(dbname="postgres"):
    return psycopg2.connect(
        dbname=dbname,
        host="127.0.0.1",
        port=os.environ["OPS_PGPORT"],
        user=os.environ["OPS_DB_USER"],
        password=os.environ["OPS_DB_PASSWORD"],
    )


def exists(db):
    with connect() as cn, cn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        return bool(cr.fetchone())


def missing_modules(db, modules):
    with connect(db) as cn, cn.cursor() as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' "
            "AND name = ANY(%s)",
            [modules],
        )
        installed = {row[0] for row in cr.fetchall()}
    return [m for m in modules if m not in installed]


def drop(db):
    cn = connect()
    cn.autocommit = True
    with cn.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND usename = current_user",
            [db],
        )
        cr.execute(f'DROP DATABASE IF EXISTS "{db}"')
    cn.close()
    filestore = os.path.join(os.environ["OPS_STATE"], "filestore", "filestore", db)
    shutil.rmtree(filestore, ignore_errors=True)


def main(argv):
    cmd, db, *rest = argv
    if cmd == "exists":
        return 0 if exists(db) else 1
    if cmd == "missing":
        print(",".join(missing_modules(db, [m for m in rest[0].split(",") if m])))
        return 0
    if cmd == "drop":
        drop(db)
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
