# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two real Odoo server processes on one throwaway database, and the tools to
make their requests collide on purpose (tests/test_concurrency.py).

Every wait is bounded: a hung server or a lock that is never taken fails the
test with what was seen, it never blocks `make test`.
"""

import contextlib
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import dbutil  # noqa: E402

TEMPLATE_DB = "ops_tmpl"
# Odoo logs this line (odoo.service.model.retrying) each time it rolls a
# request back on a serialization failure / lock not available and retries it.
RETRY_LINE = re.compile(r"tries left, try again in")


class RpcError(Exception):
    """An error answered by the server over JSON-RPC."""

    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message

    @property
    def is_user_error(self):
        # Not its subclass ValidationError: Odoo also answers a database
        # constraint violation (e.g. a duplicate key) as a ValidationError.
        return self.name == "odoo.exceptions.UserError"


def odoo_cmd(db, *args):
    return [os.environ["ODOO_BIN"], "-c", os.environ["OPS_CONF"], "-d", db, *args]


def _create_from_template(db, tries=5):
    """Copy the machine's template; False when it is absent or stays busy.

    PostgreSQL refuses to copy a database someone is connected to, and other
    runs on this machine copy the same template: retry a few times.
    """
    if not dbutil.exists(TEMPLATE_DB):
        return False
    for _attempt in range(tries):
        cn = dbutil.connect()
        cn.autocommit = True
        try:
            with cn.cursor() as cr:
                cr.execute(f'CREATE DATABASE "{db}" TEMPLATE "{TEMPLATE_DB}"')
            return True
        except psycopg2.Error as exc:  # busy template: wait and retry
            print(f"copy of {TEMPLATE_DB} failed ({exc}), retrying", flush=True)
            time.sleep(2)
        finally:
            cn.close()
    return False


def create_database(db, modules, log_path, timeout=900):
    """A database with `modules` installed with their demo data.

    Fast path: copy of the local template (Odoo and the OCA dependencies
    already installed), then install only the suite's addons. A machine
    without the template installs everything (slower, same result).
    """
    dbutil.drop(db)
    templated = _create_from_template(db)
    print(f"{db}: {'copy of ' + TEMPLATE_DB if templated else 'plain install'}")
    cmd = odoo_cmd(db, "-i", ",".join(modules), "--stop-after-init")
    cmd.append("--log-level=warn")
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            cwd=os.environ.get("OPS_STATE"),
            check=False,
        )
    text = Path(log_path).read_text(encoding="utf-8")
    assert proc.returncode == 0 and " ERROR " not in text, (
        f"installing {modules} on {db} failed (rc={proc.returncode}):\n" + text[-3000:]
    )
    missing = dbutil.missing_modules(db, list(modules))
    assert not missing, f"not installed on {db}: {missing}"


def port_is_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


class OdooServer:
    """One `odoo` server on 127.0.0.1: threaded, or prefork with `workers`."""

    def __init__(self, db, port, name, log_path, workers=0, gevent_port=None):
        self.db, self.port, self.name = db, port, name
        self.workers, self.gevent_port = workers, gevent_port
        self.log_path = Path(log_path)
        self.url = f"http://127.0.0.1:{port}"
        # Odoo names its database connections after this: it tells which
        # server a PostgreSQL backend belongs to (see wait_collided).
        self.app_name = f"{db}_{name}"
        self.proc = None

    def start(self):
        assert port_is_free(self.port), f"port {self.port} is already in use"
        cmd = odoo_cmd(
            self.db,
            f"--db-filter=^{self.db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            f"--workers={self.workers}",
            "--max-cron-threads=0",
            "--log-level=info",
        )
        if self.workers:
            # Prefork also starts the gevent (websocket) process.
            cmd.append(f"--gevent-port={self.gevent_port}")
        env = dict(os.environ, ODOO_PGAPPNAME=self.app_name + "_{pid}")
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=os.environ.get("OPS_STATE"),
            # Its own process group: stop() ends the workers with the server.
            start_new_session=True,
        )

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, (
                f"server {self.name} exited (rc={self.proc.returncode}):\n"
                + self.log_tail()
            )
            with contextlib.suppress(requests.RequestException):
                resp = requests.post(
                    self.url + "/web/webclient/version_info",
                    json={"jsonrpc": "2.0", "method": "call", "params": {}},
                    timeout=5,
                )
                if resp.status_code == 200:
                    return
            time.sleep(0.5)
        raise AssertionError(
            f"server {self.name} not ready after {timeout}s:\n" + self.log_tail()
        )

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if self.proc:
            # Prefork workers left behind by a killed server.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        if getattr(self, "_log", None):
            self._log.close()

    def log_size(self):
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            return log.read()

    def log_tail(self, chars=3000):
        text = self.log_since(0)
        return text[-chars:]


class Client:
    """A logged-in user of one server, speaking JSON-RPC as the web client."""

    _ids = itertools.count(1)

    def __init__(self, server, login, password):
        self.server, self.login = server, login
        self.session = requests.Session()
        result = self._post(
            "/web/session/authenticate",
            {"db": server.db, "login": login, "password": password},
        )
        assert result and result.get("uid"), f"{login} cannot log in: {result}"
        self.uid = result["uid"]

    def _post(self, path, params, timeout=180):
        resp = self.session.post(
            self.server.url + path,
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": next(self._ids),
                "params": params,
            },
            timeout=timeout,
        )
        resp.raise_for_status()
        body = resp.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message") or body["error"])
        return body.get("result")

    def call(self, model, method, args, **kwargs):
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.call(
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", name)]],
            fields=["res_id"],
        )
        assert rows, f"no record {xmlid}"
        return rows[0]["res_id"]


class Outcome:
    """What one racing call ended with: a result or an RpcError."""

    def __init__(self, label):
        self.label = label
        self.result = self.error = None
        self.done = threading.Event()

    def __repr__(self):
        state = "running" if not self.done.is_set() else self.error or "ok"
        return f"<{self.label}: {state}>"


def start_calls(calls):
    """Run each (label, callable) in its own thread; return their Outcomes."""
    outcomes = []
    for label, func in calls:
        outcome = Outcome(label)

        def run(func=func, outcome=outcome):
            try:
                outcome.result = func()
            except Exception as exc:  # reported by the test, with its label
                outcome.error = exc
            finally:
                outcome.done.set()

        threading.Thread(target=run, daemon=True, name=label).start()
        outcomes.append(outcome)
    return outcomes


def wait_done(outcomes, timeout=150):
    deadline = time.monotonic() + timeout
    for outcome in outcomes:
        left = max(0.0, deadline - time.monotonic())
        assert outcome.done.wait(
            left
        ), f"{outcome.label} still running after {timeout}s"


def waiting_backends(db):
    """application_name of every backend of `db` waiting for a lock."""
    cn = dbutil.connect()
    try:
        with cn.cursor() as cr:
            cr.execute(
                "SELECT application_name, query FROM pg_stat_activity "
                "WHERE datname = %s AND wait_event_type = 'Lock'",
                [db],
            )
            return cr.fetchall()
    finally:
        cn.close()


@contextlib.contextmanager
def rows_locked(db, locks):
    """Hold row locks from the test process: (table, ids[, strength]).

    The default FOR NO KEY UPDATE blocks any UPDATE of those rows (and any
    lock an engine takes before deciding) but not the foreign-key checks of
    inserts that reference them (a wizard or a project pointing at the
    record). FOR UPDATE also blocks those inserts: on res_users it stops any
    activity being assigned to those users. The locks are released by a
    rollback: the test writes nothing, so the servers' transactions never
    see a concurrent update of ours.
    """
    cn = dbutil.connect(db)
    try:
        with cn.cursor() as cr:
            for table, ids, *strength in locks:
                cr.execute(
                    f'SELECT id FROM "{table}" WHERE id IN %s ORDER BY id '
                    f"FOR {strength[0] if strength else 'NO KEY UPDATE'}",
                    [tuple(ids)],
                )
                assert len(cr.fetchall()) == len(set(ids)), f"{table} {ids} missing"
        yield
    finally:
        cn.rollback()
        cn.close()


def wait_collided(db, servers, outcomes, log_offsets, min_blocked=None, timeout=45):
    """Wait until the racing requests have reached the locked rows.

    A request is blocked when one of its server's backends waits for a lock,
    or when its server rolled it back and retries it (Odoo's retry on a lock
    taken with NOWAIT). By default every request must block; with
    `min_blocked`, that many must and the others may answer first (a cron
    refused because the other server runs it, or a run finding nothing left
    to do). Returns what was seen; raises when the collision did not happen,
    as the race would then prove nothing.
    """
    min_blocked = len(servers) if min_blocked is None else min_blocked
    deadline = time.monotonic() + timeout
    seen = {}
    while time.monotonic() < deadline:
        waiting = waiting_backends(db)
        for server, outcome in zip(servers, outcomes, strict=True):
            if seen.get(outcome.label, "answered") != "answered":
                continue
            if any(app.startswith(server.app_name + "_") for app, _q in waiting):
                seen[outcome.label] = "waits for a lock"
            elif RETRY_LINE.search(server.log_since(log_offsets[server.name])):
                seen[outcome.label] = "retried after a lock/serialization error"
            elif outcome.done.is_set():
                seen[outcome.label] = "answered"
        blocked = [label for label, how in seen.items() if how != "answered"]
        if len(seen) - len(blocked) > len(servers) - min_blocked:
            raise AssertionError(
                f"the calls answered without touching the locked rows ({seen}, "
                f"{outcomes}): the race could not be staged"
            )
        if len(blocked) == len(servers) or (
            len(seen) == len(servers) and len(blocked) >= min_blocked
        ):
            return seen
        time.sleep(0.2)
    raise AssertionError(
        f"after {timeout}s only {seen} collided on the locked rows; "
        f"outcomes {outcomes}; waiting backends {waiting_backends(db)}"
    )
