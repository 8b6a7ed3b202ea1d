# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer portal over real HTTP: a customer acts on their own tickets
only, bad parameters get a 4xx answer (never a 500) and change nothing, and
the complaint's internal analysis and accountability stay internal."""

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import ServiceCase

INTERNAL_FIELDS = (
    "complaint_cause",
    "root_cause",
    "solution",
    "staff_at_fault",
    "responsible_employee_id",
    "accountability_decision",
    "accountability_amount",
    "accountability_points",
    "accountability_id",
)


def _customers(env):
    ctx = {"no_reset_password": True}
    return (
        new_test_user(
            env, login="t_sec_portal_a", groups="base.group_portal", context=ctx
        ),
        new_test_user(
            env, login="t_sec_portal_b", groups="base.group_portal", context=ctx
        ),
    )


def _ticket_of(env, user, name, category="ops_service.category_consultation", **vals):
    values = {
        "name": name,
        "description": "<p>Portal ticket</p>",
        "partner_id": user.partner_id.id,
        "partner_email": user.partner_id.email,
        "category_id": env.ref(category).id,
    }
    values.update(vals)
    return env["helpdesk.ticket"].create(values)


@tagged("post_install", "-at_install")
class TestPortalRoutes(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a, cls.customer_b = _customers(cls.env)
        cls.ticket_a = _ticket_of(cls.env, cls.customer_a, "Ticket of A")
        cls.ticket_b = _ticket_of(cls.env, cls.customer_b, "Secret ticket of B")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_new = cls.ticket_b.stage_id

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _close(self, data, method="post"):
        if method == "get":
            query = "&".join(f"{k}={v}" for k, v in data.items())
            return self.url_open(f"/ticket/close?{query}", allow_redirects=False)
        payload = {"csrf_token": http.Request.csrf_token(self)}
        payload.update(data)
        return self.url_open("/ticket/close", data=payload, allow_redirects=False)

    def _submit(self, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "subject": "Portal submission",
            "description": "It does not work",
        }
        data.update(values)
        data = {k: v for k, v in data.items() if v is not None}
        return self.url_open("/submitted/ticket", data=data, allow_redirects=False)

    def _submitted(self):
        return self.env["helpdesk.ticket"].search([("name", "=", "Portal submission")])

    # --- /ticket/close -------------------------------------------------------
    def test_close_other_customers_ticket_is_not_found(self):
        self._login(self.customer_a)
        response = self._close(
            {"ticket_id": self.ticket_b.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Secret ticket of B", response.text)
        self.ticket_b.invalidate_recordset()
        self.assertEqual(self.ticket_b.stage_id, self.stage_new)
        self.assertFalse(self.ticket_b.closed)

    def test_follower_cannot_close(self):
        """A customer added as follower reads the ticket but does not own it."""
        self.ticket_b.message_subscribe(partner_ids=self.customer_a.partner_id.ids)
        self._login(self.customer_a)
        response = self._close(
            {"ticket_id": self.ticket_b.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.ticket_b.closed)

    def test_close_own_ticket(self):
        self._login(self.customer_a)
        response = self._close(
            {"ticket_id": self.ticket_a.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/ticket/{self.ticket_a.id}")
        )
        self.assertTrue(self.ticket_a.closed)

    def test_staff_close_their_team_tickets_only(self):
        agent = new_test_user(
            self.env,
            login="t_sec_agent",
            groups="helpdesk_mgmt.group_helpdesk_user_team",
            # Closing sends the customer the stage's e-mail, from the agent.
            email="t_sec_agent@example.com",
        )
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Agent's team", "user_ids": [(4, agent.id)]}
        )
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Elsewhere"})
        # The satisfaction survey is sent on the assignee's behalf.
        self.ticket_a.write({"team_id": team.id, "user_id": agent.id})
        self.ticket_b.team_id = other_team
        self._login(agent)
        response = self._close(
            {"ticket_id": self.ticket_b.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.ticket_b.closed)
        response = self._close(
            {"ticket_id": self.ticket_a.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.ticket_a.closed)

    def test_close_bad_parameters(self):
        self._login(self.customer_a)
        ticket_id, stage_id = self.ticket_a.id, self.stage_done.id
        for data, status in (
            ({"ticket_id": "abc", "stage_id": stage_id}, 400),
            ({"ticket_id": "1e3", "stage_id": stage_id}, 400),
            ({"ticket_id": "-1", "stage_id": stage_id}, 400),
            ({"ticket_id": str(2**40), "stage_id": stage_id}, 400),
            ({"ticket_id": ticket_id, "stage_id": "x"}, 400),
            ({"ticket_id": ticket_id}, 400),
            ({"stage_id": stage_id}, 400),
            ({}, 400),
            ({"ticket_id": ticket_id, "stage_id": 2**31 - 1}, 400),
            ({"ticket_id": 2**31 - 1, "stage_id": stage_id}, 404),
        ):
            with self.subTest(data=data):
                self.assertEqual(self._close(data).status_code, status)
        # A GET (a link or an image on another site) changes nothing.
        response = self._close(
            {"ticket_id": ticket_id, "stage_id": stage_id}, method="get"
        )
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self.ticket_a.closed)

    def test_close_to_a_stage_not_offered(self):
        """As OCA: back to the ticket, nothing changed."""
        self._login(self.customer_a)
        for xmlid in (
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting",
            "helpdesk_mgmt.helpdesk_ticket_stage_rejected",
        ):
            response = self._close(
                {"ticket_id": self.ticket_a.id, "stage_id": self.env.ref(xmlid).id}
            )
            self.assertEqual(response.status_code, 302)
        self.assertEqual(self.ticket_a.stage_id, self.stage_new)

    def test_close_complaint_under_handling(self):
        complaint = _ticket_of(
            self.env,
            self.customer_a,
            "My complaint",
            category="ops_service.category_complaint",
        )
        self._login(self.customer_a)
        response = self._close(
            {"ticket_id": complaint.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("still being handled", response.text)
        self.assertFalse(complaint.closed)
        # Handled, no staff decision pending: the customer may close it.
        complaint.write(
            {"complaint_cause": "delivery", "root_cause": "Late", "solution": "Refund"}
        )
        response = self._close(
            {"ticket_id": complaint.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(complaint.closed)

    # --- /my/ticket(s) -------------------------------------------------------
    def test_ticket_pages_bad_parameters(self):
        self._login(self.customer_a)
        other = self.url_open(f"/my/ticket/{self.ticket_b.id}", allow_redirects=False)
        self.assertIn(other.status_code, (302, 303))
        self.assertTrue(other.headers["Location"].endswith("/my"))
        for url, status in (
            (f"/my/ticket/{2**40}", 404),
            ("/my/ticket/abc", 404),
            ("/my/tickets?sortby=nope", 400),
            ("/my/tickets?date_begin=garbage&date_end=2026-01-01", 400),
            ("/my/tickets?filterby=nope", 400),
            ("/my/tickets?filterby=999999999", 400),
            ("/my/tickets?groupby=nope", 400),
            ("/my/tickets?search_in=nope&search=x", 400),
            (f"/my/tickets?filterby={self.stage_new.id}&groupby=stage", 200),
            (
                "/my/tickets?search_in=name&search=Ticket&date_begin=2020-01-01"
                "&date_end=2099-01-01",
                200,
            ),
            (f"/my/ticket/{self.ticket_a.id}", 200),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, status)

    # --- /new/ticket and /submitted/ticket -----------------------------------
    def test_new_ticket_form(self):
        self.env.company.helpdesk_mgmt_portal_select_category = True
        self._login(self.customer_a)
        response = self.url_open("/new/ticket")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Complaint", response.text)

    def test_submit_ticket(self):
        self.env.company.helpdesk_mgmt_portal_select_category = True
        category = self.env.ref("ops_service.category_fault")
        self._login(self.customer_a)
        response = self._submit(category=category.id)
        self.assertEqual(response.status_code, 302)
        ticket = self._submitted()
        self.assertEqual(ticket.partner_id, self.customer_a.partner_id)
        self.assertEqual(ticket.category_id, category)

    def test_submit_bad_parameters(self):
        company = self.env.company
        company.helpdesk_mgmt_portal_select_category = True
        company.helpdesk_mgmt_portal_category_id_required = True
        company.helpdesk_mgmt_portal_select_team = True
        company.helpdesk_mgmt_portal_team_id_required = False
        hidden = self.env["helpdesk.ticket.category"].create(
            {"name": "Internal only", "show_in_portal": False}
        )
        other_company = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.env["helpdesk.ticket.category"].create(
            {"name": "Foreign", "company_id": other_company.id}
        )
        internal_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Back office", "show_in_portal": False}
        )
        fault = self.env.ref("ops_service.category_fault").id
        self._login(self.customer_a)
        for values in (
            {"subject": None, "category": fault},
            {"subject": "   ", "category": fault},
            {"description": None, "category": fault},
            {"category": None},
            {"category": "abc"},
            {"category": "999999999"},
            {"category": str(2**40)},
            {"category": hidden.id},
            {"category": foreign.id},
            {"category": fault, "team": "x"},
            {"category": fault, "team": internal_team.id},
        ):
            with self.subTest(values=values):
                self.assertEqual(self._submit(**values).status_code, 400)
        self.assertFalse(self._submitted())


@tagged("post_install", "-at_install")
class TestRatingRoutes(HttpCase):
    def test_bad_rating_values(self):
        customer = _customers(self.env)[0]
        ticket = _ticket_of(self.env, customer, "Rated ticket")
        token = ticket._rating_get_access_token()
        self.authenticate(customer.login, customer.login)
        self.assertEqual(self.url_open(f"/rate/{token}/7").status_code, 400)
        self.assertEqual(self.url_open(f"/rate/{token}/5").status_code, 200)
        self.assertEqual(self.url_open("/rate/not-a-token/5").status_code, 404)
        for rate in ("abc", "7", "", "5.0"):
            with self.subTest(rate=rate):
                response = self.url_open(
                    f"/rate/{token}/submit_feedback",
                    data={"rate": rate, "csrf_token": http.Request.csrf_token(self)},
                )
                self.assertEqual(response.status_code, 400)
        self.assertFalse(ticket.rating_ids.filtered("consumed"))
        response = self.url_open(
            f"/rate/{token}/submit_feedback",
            data={"rate": 5, "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(ticket.rating_ids.filtered("consumed").rating, 5)


@tagged("post_install", "-at_install")
class TestInternalFieldsHidden(ServiceCase):
    """The customer reads their complaint but not its analysis or who pays."""

    def _handled_complaint(self, customer):
        employee = self.env["hr.employee"].create({"name": "Agent At Fault"})
        return _ticket_of(
            self.env,
            customer,
            "Complaint",
            category="ops_service.category_complaint",
            complaint_cause="service",
            root_cause="Agent was rude",
            solution="Coaching for the agent",
            staff_at_fault=True,
            responsible_employee_id=employee.id,
            accountability_decision="penalty",
            accountability_amount=200,
        )

    def test_portal_reads_no_internal_field(self):
        customer = _customers(self.env)[0]
        ticket = self._handled_complaint(customer).with_user(customer)
        self.assertEqual(ticket.read(["name"])[0]["name"], "Complaint")
        for fname in INTERNAL_FIELDS:
            with self.subTest(field=fname), self.assertRaises(AccessError):
                ticket.read([fname])
        visible = ticket.fields_get()
        self.assertFalse(set(INTERNAL_FIELDS) & set(visible))
        with self.assertRaises(AccessError):
            ticket.search_read([("root_cause", "ilike", "rude")], ["name"])

    def test_internal_follower_reads_no_internal_field(self):
        outsider = new_test_user(
            self.env, login="t_sec_outsider", groups="base.group_user"
        )
        ticket = self._handled_complaint(_customers(self.env)[0])
        ticket.message_subscribe(partner_ids=outsider.partner_id.ids)
        self.assertTrue(ticket.with_user(outsider).read(["name"]))
        with self.assertRaises(AccessError):
            ticket.with_user(outsider).read(["accountability_amount"])
        # Service staff read them.
        self.assertEqual(
            ticket.with_user(self.leader).read(["accountability_amount"])[0][
                "accountability_amount"
            ],
            200,
        )


@tagged("post_install", "-at_install")
class TestInternalFieldsHiddenRpc(HttpCase):
    def test_portal_json_rpc_read(self):
        customer = _customers(self.env)[0]
        ticket = _ticket_of(
            self.env,
            customer,
            "Complaint",
            category="ops_service.category_complaint",
            root_cause="Agent was rude",
            accountability_amount=200,
        )
        self.authenticate(customer.login, customer.login)

        def read(fnames):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw/helpdesk.ticket/read",
                {
                    "model": "helpdesk.ticket",
                    "method": "read",
                    "args": [ticket.ids, fnames],
                    "kwargs": {},
                },
            )

        self.assertEqual(read(["name"])[0]["name"], "Complaint")
        for fname in ("root_cause", "accountability_amount", "solution"):
            with self.subTest(field=fname):
                with self.assertRaises(JsonRpcException) as err:
                    read([fname])
                self.assertIn("AccessError", str(err.exception))
        # The portal user is not even told they exist.
        described = self.make_jsonrpc_request(
            "/web/dataset/call_kw/helpdesk.ticket/fields_get",
            {
                "model": "helpdesk.ticket",
                "method": "fields_get",
                "args": [],
                "kwargs": {"attributes": ["type"]},
            },
        )
        self.assertIn("name", described)
        self.assertFalse(set(INTERNAL_FIELDS) & set(described))
