# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two Odoo server processes on one database: decisions and crons happen once.

Issue 9, point 7. Two servers (port 8306 threaded, port 8307 prefork with
two HTTP workers) share a throwaway database with ops_project and ops_service
and their demo data (a copy of the machine's ops_tmpl template when there is
one, else a plain install: slower, same result). Each race is
staged, not hoped for: the test process holds a row lock on the rows both
requests must change, fires the two requests (one per server) from two
threads, waits until PostgreSQL shows both of them blocked on that lock (or
Odoo retrying after a lock/serialization error), then releases it, so that
both transactions run on the same snapshot. Odoo itself retries a request
that hits a serialization failure (up to 5 times): each call must end either
fine or with a clean UserError, and the database must hold the result of
exactly one decision.

Run by `make test` (tools/run_tests.py runs tests/test_*.py with pytest).
"""

import os
import uuid

import pytest
from concurrency_lib import (
    Client,
    OdooServer,
    RpcError,
    create_database,
    dbutil,
    rows_locked,
    start_calls,
    wait_collided,
    wait_done,
)

MODULES = ("ops_project", "ops_service")
PORTS = (8306, 8307)
GEVENT_PORT = 8308
PROPOSAL = "ops.project.proposal"
PASSWORD = "conc-Pass-42"


class Suite:
    """The database, its two servers and the users of the scenarios."""

    def __init__(self, db, servers):
        self.db = db
        self.a, self.b = servers
        self.servers = servers
        self.admin = {s.name: Client(s, "admin", "admin") for s in servers}
        admin = self.admin["a"]
        # Three distinct committee members, none of them the applicant (admin).
        self.uids = {
            "gm": self.create_user("gm", "ops_base.group_ops_executive"),
            "sales": self.create_user("sales", "ops_base.group_ops_manager"),
            "product": self.create_user("product", "ops_base.group_ops_manager"),
        }
        self.company_id = admin.call(
            "res.users", "read", [[admin.uid]], fields=["company_id"]
        )[0]["company_id"][0]
        admin.call(
            "res.company",
            "write",
            [
                [self.company_id],
                {
                    "ops_general_manager_id": self.uids["gm"],
                    "ops_sales_manager_id": self.uids["sales"],
                    "ops_product_manager_id": self.uids["product"],
                },
            ],
        )

    def create_user(self, role, group_xmlid):
        admin = self.admin["a"]
        return admin.call(
            "res.users",
            "create",
            [
                {
                    "name": f"Concurrency {role}",
                    "login": f"conc_{role}",
                    "email": f"conc_{role}@example.com",
                    "password": PASSWORD,
                    "groups_id": [(4, admin.ref(group_xmlid))],
                }
            ],
        )

    def client(self, role, server):
        return Client(server, f"conc_{role}", PASSWORD)

    def sql(self, query, params=()):
        cn = dbutil.connect(self.db)
        try:
            with cn.cursor() as cr:
                cr.execute(query, params)
                rows = cr.fetchall() if cr.description else None
            cn.commit()
            return rows
        finally:
            cn.close()

    def submit_proposal(self, label):
        """A non-standard proposal of admin's, submitted to the committee."""
        admin = self.admin["a"]
        name = f"Concurrency {label} {uuid.uuid4().hex[:8]}"
        pid = admin.call(PROPOSAL, "create", [{"name": name, "kind": "non_standard"}])
        admin.call(PROPOSAL, "request_validation", [[pid]])
        state = self.sql("SELECT state FROM ops_project_proposal WHERE id = %s", [pid])
        assert state == [("under_review",)], f"submission failed: {state}"
        assert len(self.reviews(pid)) == 3, self.reviews(pid)
        return pid, name

    def reviews(self, pid):
        """{reviewer uid: (review id, status, done_by)} of the proposal."""
        rows = self.sql(
            "SELECT r.id, r.status, r.done_by, rel.res_users_id "
            "FROM tier_review r JOIN res_users_tier_review_rel rel "
            "ON rel.tier_review_id = r.id "
            "WHERE r.model = %s AND r.res_id = %s ORDER BY r.id",
            [PROPOSAL, pid],
        )
        return {uid: (rid, status, done_by) for rid, status, done_by, uid in rows}

    def prepare_decision(self, client, pid, method="validate_tier"):
        """What the web client does up to the click that decides.

        A committee tier asks for a comment: validate_tier (or reject_tier)
        answers with the comment wizard, whose button (add_comment) decides.
        Without a comment, the method itself decides. Returns that deciding
        call.
        """
        has_comment = client.call(PROPOSAL, "read", [[pid]], fields=["has_comment"])
        if not has_comment[0]["has_comment"]:
            return lambda: client.call(PROPOSAL, method, [[pid]])
        action = client.call(PROPOSAL, method, [[pid]])
        assert (
            isinstance(action, dict) and action.get("res_model") == "comment.wizard"
        ), f"{method} of a review with a comment answered {action!r}"
        wizard_id = client.call(
            "comment.wizard",
            "create",
            [{"comment": f"{method} by {client.login}"}],
            context=action["context"],
        )
        return lambda: client.call("comment.wizard", "add_comment", [[wizard_id]])

    def race(self, calls, lock, min_blocked=None):
        """Fire two calls (one per server) on the locked rows; release; wait."""
        offsets = {s.name: s.log_size() for s in self.servers}
        with rows_locked(self.db, lock):
            outcomes = start_calls(calls)
            seen = wait_collided(
                self.db, self.servers, outcomes, offsets, min_blocked=min_blocked
            )
        wait_done(outcomes)
        print(f"collision: {seen}; outcomes: {outcomes}", flush=True)
        return outcomes

    def trigger_cron(self, server, cron_id):
        return lambda: self.admin[server.name].call(
            "ir.cron", "method_direct_trigger", [[cron_id]]
        )


def assert_clean(outcomes):
    """Each racing call answered, or refused with a clean UserError.

    Checked after the state (which tells more when both fail): a loser must
    get a message a manager understands, not an access or database error.
    """
    for outcome in outcomes:
        assert outcome.error is None or (
            isinstance(outcome.error, RpcError) and outcome.error.is_user_error
        ), f"{outcome.label} failed: {outcome.error!r}"


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("concurrency")
    db = f"h_conc_{os.getpid()}"
    # One threaded server and one prefork server with two HTTP workers: the
    # two ways the suite is deployed.
    servers = [
        OdooServer(db, PORTS[0], "a", tmp / "server_a.log"),
        OdooServer(db, PORTS[1], "b", tmp / "server_b.log", 2, GEVENT_PORT),
    ]
    try:
        create_database(db, MODULES, tmp / "install.log")
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        yield Suite(db, servers)
    finally:
        for server in servers:
            server.stop()
        dbutil.drop(db)


def test_committee_concludes_once_when_last_two_members_approve_at_once(suite):
    pid, _name = suite.submit_proposal("committee")
    reviews = suite.reviews(pid)
    assert set(reviews) == set(suite.uids.values()), reviews
    # The general manager approves first, alone.
    gm = suite.client("gm", suite.a)
    suite.prepare_decision(gm, pid)()
    # The sales and product managers decide at the same moment, each through
    # another server process.
    sales = suite.client("sales", suite.a)
    product = suite.client("product", suite.b)
    decide_sales = suite.prepare_decision(sales, pid)
    decide_product = suite.prepare_decision(product, pid)
    pending = [reviews[suite.uids["sales"]][0], reviews[suite.uids["product"]][0]]
    outcomes = suite.race(
        [("sales@a", decide_sales), ("product@b", decide_product)],
        lock=[("ops_project_proposal", [pid]), ("tier_review", pending)],
    )

    after = suite.reviews(pid)
    count = suite.sql(
        "SELECT count(*) FROM tier_review WHERE model = %s AND res_id = %s",
        [PROPOSAL, pid],
    )
    assert count == [(3,)], f"{count} reviews for three members ({outcomes})"
    assert {uid: (status, done_by) for uid, (_r, status, done_by) in after.items()} == {
        uid: ("approved", uid) for uid in suite.uids.values()
    }, f"each review must be decided once, by its member: {after} ({outcomes})"
    state = suite.sql(
        "SELECT state, answered_on IS NOT NULL FROM ops_project_proposal "
        "WHERE id = %s",
        [pid],
    )
    assert state == [
        ("approved", True)
    ], f"all three members approved but the proposal is {state} ({outcomes})"
    concluded = suite.sql(
        "SELECT count(*) FROM mail_tracking_value v "
        "JOIN mail_message m ON m.id = v.mail_message_id "
        "JOIN ir_model_fields f ON f.id = v.field_id "
        "WHERE m.model = %s AND m.res_id = %s AND f.name = 'state' "
        "AND v.new_value_char = 'Approved'",
        [PROPOSAL, pid],
    )
    assert concluded == [(1,)], f"the proposal was concluded {concluded} times"
    assert_clean(outcomes)


def test_approval_and_rejection_at_once_terminate_the_proposal_once(suite):
    pid, _name = suite.submit_proposal("reject")
    reviews = suite.reviews(pid)
    suite.prepare_decision(suite.client("gm", suite.a), pid)()
    # The sales manager approves while the product manager rejects: the
    # rejection terminates the proposal, whichever commits first.
    sales = suite.client("sales", suite.a)
    product = suite.client("product", suite.b)
    outcomes = suite.race(
        [
            ("approve@a", suite.prepare_decision(sales, pid)),
            ("reject@b", suite.prepare_decision(product, pid, "reject_tier")),
        ],
        lock=[
            ("ops_project_proposal", [pid]),
            (
                "tier_review",
                [reviews[suite.uids["sales"]][0], reviews[suite.uids["product"]][0]],
            ),
        ],
    )

    after = {uid: status for uid, (_r, status, _d) in suite.reviews(pid).items()}
    assert after[suite.uids["product"]] == "rejected", (after, outcomes)
    # Approved if it counted before the rejection, else withdrawn with it.
    assert after[suite.uids["sales"]] in ("approved", "cancel"), (after, outcomes)
    state = suite.sql("SELECT state FROM ops_project_proposal WHERE id = %s", [pid])
    assert state == [("rejected",)], f"a member rejected: {state} ({outcomes})"
    concluded = suite.sql(
        "SELECT v.new_value_char, count(*) FROM mail_tracking_value v "
        "JOIN mail_message m ON m.id = v.mail_message_id "
        "JOIN ir_model_fields f ON f.id = v.field_id "
        "WHERE m.model = %s AND m.res_id = %s AND f.name = 'state' "
        "AND v.old_value_char = 'Under Review' GROUP BY v.new_value_char",
        [PROPOSAL, pid],
    )
    assert concluded == [("Terminated", 1)], f"concluded as {concluded}"
    assert_clean(outcomes)


def test_decision_arriving_after_the_rejection_is_refused_cleanly(suite):
    """The loser's path of the race above, in a fixed order.

    The race lets either decision count first; when the rejection wins, the
    approval is retried by Odoo after the proposal was terminated. The same
    happens to a member whose Approve dialog was open while another member
    rejected: the answer must be a UserError saying so, not an access error.
    """
    pid, _name = suite.submit_proposal("late approval")
    suite.prepare_decision(suite.client("gm", suite.a), pid)()
    approve = suite.prepare_decision(suite.client("sales", suite.a), pid)
    suite.prepare_decision(suite.client("product", suite.b), pid, "reject_tier")()
    state = suite.sql("SELECT state FROM ops_project_proposal WHERE id = %s", [pid])
    assert state == [("rejected",)], f"a member rejected: {state}"
    with pytest.raises(RpcError) as refused:
        approve()
    sales_review = suite.reviews(pid)[suite.uids["sales"]]
    assert sales_review[1] == "cancel", f"the late approval counted: {sales_review}"
    assert refused.value.is_user_error, f"not a clean refusal: {refused.value}"


def test_two_managers_creating_the_project_at_once_create_one(suite):
    pid, name = suite.submit_proposal("project")
    for role, server in (("gm", suite.a), ("sales", suite.b), ("product", suite.a)):
        suite.prepare_decision(suite.client(role, server), pid)()
    state = suite.sql("SELECT state FROM ops_project_proposal WHERE id = %s", [pid])
    assert state == [("approved",)], f"sequential approval gave {state}"

    gm, sales = suite.client("gm", suite.a), suite.client("sales", suite.b)
    outcomes = suite.race(
        [
            ("gm@a", lambda: gm.call(PROPOSAL, "action_create_project", [[pid]])),
            ("sales@b", lambda: sales.call(PROPOSAL, "action_create_project", [[pid]])),
        ],
        lock=[("ops_project_proposal", [pid])],
    )

    projects = suite.sql(
        "SELECT id FROM project_project WHERE ops_proposal_id = %s", [pid]
    )
    assert len(projects) == 1, f"{len(projects)} projects for one proposal ({outcomes})"
    assert suite.sql(
        "SELECT state, project_id FROM ops_project_proposal WHERE id = %s", [pid]
    ) == [("project", projects[0][0])]
    accounts = suite.sql(
        "SELECT count(*) FROM account_analytic_account WHERE name->>'en_US' = %s",
        [name],
    )
    assert accounts == [(1,)], f"{accounts} budgets for one project"
    assert_clean(outcomes)


def _investment_before_board(suite):
    """An investment above the GM office's limit, approved up to its board
    step by the investment department and the leader in charge.

    Returns (proposal id, board member uids)."""
    admin = suite.admin["a"]
    uids = {}
    for role, group in (
        ("invest", "ops_project.group_ops_investment"),
        ("leader", "ops_base.group_ops_executive"),
        ("board1", "ops_base.group_ops_user"),
        ("board2", "ops_base.group_ops_user"),
        ("board3", "ops_base.group_ops_user"),
    ):
        uids[role] = suite.create_user(role, group)
    board = [uids["board1"], uids["board2"], uids["board3"]]
    admin.call(
        "res.company",
        "write",
        [[suite.company_id], {"ops_board_member_ids": [(6, 0, board)]}],
    )
    limit = admin.call(
        "res.company", "read", [[suite.company_id]], fields=["ops_invest_office_limit"]
    )[0]["ops_invest_office_limit"]
    docs = {}
    for doc in (
        "plan",
        "market",
        "positioning",
        "business_plan",
        "budget",
        "proposal",
        "feasibility",
        "implementation",
    ):
        docs[f"doc_{doc}"] = "JVBERi0xLjQK"  # "%PDF-1.4"
        docs[f"doc_{doc}_name"] = f"{doc}.pdf"
    # The company keeps control, and every investment risk is assessed.
    docs["investment_control"] = "yes"
    categories = admin.call(
        "ops.project.risk.category", "search", [[("investment", "=", True)]]
    )
    docs["investment_risk_ids"] = [
        (0, 0, {"category_id": c, "assessment": "Assessed"}) for c in categories
    ]
    pid = admin.call(
        PROPOSAL,
        "create",
        [
            {
                "name": f"Concurrency board {uuid.uuid4().hex[:8]}",
                "kind": "investment",
                "investment_amount": limit * 2,
                "leader_in_charge_id": uids["leader"],
                **docs,
            }
        ],
    )
    admin.call(PROPOSAL, "request_validation", [[pid]])
    for role, server in (("invest", suite.a), ("leader", suite.b)):
        suite.prepare_decision(suite.client(role, server), pid)()
    return pid, board


def test_board_majority_two_members_voting_at_once_decide_once(suite):
    pid, board = _investment_before_board(suite)
    reviews = suite.reviews(pid)
    pending = {rid for uid, (rid, st, _d) in reviews.items() if st == "pending"}
    board_step = {rid for uid, (rid, _s, _d) in reviews.items() if uid in board}
    assert (
        pending == board_step and len(pending) == 1
    ), f"only the board's step should be left pending: {reviews}"
    (review_id,) = pending
    # Two of the three members vote for at the same moment: the majority is
    # reached by whichever vote counts second, and only if it sees the first.
    first = suite.client("board1", suite.a)
    second = suite.client("board2", suite.b)
    outcomes = suite.race(
        [
            ("board1@a", suite.prepare_decision(first, pid)),
            ("board2@b", suite.prepare_decision(second, pid)),
        ],
        lock=[("ops_project_proposal", [pid]), ("tier_review", [review_id])],
    )

    votes = suite.sql(
        "SELECT user_id, decision FROM ops_tier_vote WHERE review_id = %s "
        "ORDER BY user_id",
        [review_id],
    )
    assert votes == [
        (board[0], "approve"),
        (board[1], "approve"),
    ], f"each member votes once: {votes} ({outcomes})"
    assert suite.sql("SELECT status FROM tier_review WHERE id = %s", [review_id]) == [
        ("approved",)
    ], f"a majority voted for, the step is not approved ({outcomes})"
    state = suite.sql("SELECT state FROM ops_project_proposal WHERE id = %s", [pid])
    assert state == [("approved",)], f"the board approved, the proposal is {state}"
    assert_clean(outcomes)


def _make_overdue(suite, pid):
    # Submitted 8 days ago: answer deadline (5 days) long past in any timezone.
    suite.sql(
        "UPDATE ops_project_proposal SET submitted_on = current_date - 8, "
        "answer_deadline = current_date - 3 WHERE id = %s",
        [pid],
    )


def _overdue_activities(suite, pid):
    rows = suite.sql(
        "SELECT user_id, count(*) FROM mail_activity WHERE res_model = %s "
        "AND res_id = %s AND summary LIKE 'Overdue proposal%%' GROUP BY user_id",
        [PROPOSAL, pid],
    )
    return dict(rows)


def _assignees_locked(uids):
    """Block every activity assigned to these users until the release.

    The lock sits where any escalation ends, whatever way it claims its
    work: the activity's foreign key to the user. Locking the escalated rows
    themselves would only make an escalation that skips locked rows (FOR
    UPDATE SKIP LOCKED) skip them.
    """
    return [("res_users", sorted(uids), "UPDATE")]


def _cron_rounds(suite, xmlid):
    """The two ways one job runs in two processes at once, as two rounds.

    1. The same cron started in both servers: Odoo lets one run and refuses
       the other (UserError). 2. Two cron records calling the same method (a
       copy made by an administrator): Odoo's lock on the cron row protects
       nothing there, the job itself must. Yields (label, racing calls).
    """
    admin = suite.admin["a"]
    cron_id = admin.ref(xmlid)
    # Inert: the servers run no cron threads, the test triggers every run.
    copy_id = admin.call("ir.cron", "copy", [[cron_id]])[0]
    for label, second in (("same cron", cron_id), ("copy", copy_id)):
        yield (
            label,
            [
                ("cron@a", suite.trigger_cron(suite.a, cron_id)),
                (f"{label}@b", suite.trigger_cron(suite.b, second)),
            ],
        )


def test_proposal_escalation_cron_in_two_servers_escalates_once(suite):
    expected = dict.fromkeys(suite.uids.values(), 1)
    rounds = _cron_rounds(suite, "ops_project.ir_cron_proposal_escalation")
    for label, calls in rounds:
        pid, _name = suite.submit_proposal(f"escalation {label}")
        _make_overdue(suite, pid)
        outcomes = suite.race(
            calls, lock=_assignees_locked(suite.uids.values()), min_blocked=1
        )
        assert (
            _overdue_activities(suite, pid) == expected
        ), f"{label}: each overdue review must be escalated once ({outcomes})"
        escalated = suite.sql(
            "SELECT count(*) FROM tier_review WHERE model = %s AND res_id = %s "
            "AND ops_escalated_on IS NOT NULL",
            [PROPOSAL, pid],
        )
        assert escalated == [(3,)], f"{label}: {escalated} reviews marked escalated"
        assert_clean(outcomes)


def test_risk_reminder_cron_in_two_servers_reminds_once(suite):
    admin = suite.admin["a"]
    project = admin.call(
        "project.project", "search", [[("ops_is_operations", "=", True)]], limit=1
    )
    assert project, "no operations project in the demo data"
    owner = suite.uids["gm"]
    rounds = _cron_rounds(suite, "ops_project.ir_cron_risk_review")
    for label, calls in rounds:
        risk = admin.call(
            "ops.project.risk",
            "create",
            [
                {
                    "name": f"Concurrency {label}",
                    "project_id": project[0],
                    "category_id": admin.ref("ops_project.risk_category_contract"),
                    "owner_id": owner,
                }
            ],
        )
        # Its review was due three days ago.
        suite.sql(
            "UPDATE ops_project_risk SET next_review_date = current_date - 3 "
            "WHERE id = %s",
            [risk],
        )
        outcomes = suite.race(calls, lock=_assignees_locked([owner]), min_blocked=1)
        reminders = suite.sql(
            "SELECT user_id, count(*) FROM mail_activity "
            "WHERE res_model = 'ops.project.risk' AND res_id = %s "
            "AND summary LIKE 'Review the risk%%' GROUP BY user_id",
            [risk],
        )
        assert reminders == [(owner, 1)], f"{label}: {reminders} ({outcomes})"
        assert_clean(outcomes)


def _ticket_escalations(suite):
    """{ticket id: (escalation level, escalation activities)} of every ticket."""
    rows = suite.sql(
        "SELECT t.id, t.escalation_level, count(a.id) FROM helpdesk_ticket t "
        "LEFT JOIN mail_activity a ON a.res_model = 'helpdesk.ticket' "
        "AND a.res_id = t.id AND a.activity_type_id = ("
        "  SELECT res_id FROM ir_model_data WHERE module = 'ops_service' "
        "  AND name = 'mail_activity_type_escalation') "
        "GROUP BY t.id, t.escalation_level"
    )
    return {tid: (int(level), count) for tid, level, count in rows}


def test_ticket_escalation_cron_in_two_servers_escalates_once(suite):
    admin = suite.admin["a"]
    # The customer service manager receives the escalations of tickets
    # without a team leader.
    manager = suite.create_user("service", "helpdesk_mgmt.group_helpdesk_manager")
    admin.call(
        "res.company",
        "write",
        [[suite.company_id], {"ops_service_manager_id": manager}],
    )
    rounds = _cron_rounds(suite, "ops_service.ir_cron_escalate_overdue_tickets")
    for label, calls in rounds:
        ticket = admin.call(
            "helpdesk.ticket",
            "create",
            [{"name": f"Concurrency {label}", "description": "Late answer"}],
        )
        # Its first response is late (the breach flags only the server
        # writes), and no team leader: level 1 goes to the manager.
        suite.sql(
            "UPDATE helpdesk_ticket SET response_breached = true, "
            "sla_breached = true, team_id = NULL, user_id = NULL WHERE id = %s",
            [ticket],
        )
        before = _ticket_escalations(suite)
        outcomes = suite.race(calls, lock=_assignees_locked([manager]), min_blocked=1)
        after = _ticket_escalations(suite)
        assert after[ticket] == (1, 1), f"{label}: ticket {after[ticket]} {outcomes}"
        # Every ticket: one activity per level it went up, never two.
        for tid, (level, count) in after.items():
            old_level, old_count = before.get(tid, (0, 0))
            assert count - old_count == level - old_level, (
                f"{label}: ticket {tid} went from level {old_level} to {level} "
                f"with {count - old_count} escalation activities ({outcomes})"
            )
        assert_clean(outcomes)
