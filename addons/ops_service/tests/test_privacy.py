# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ServiceCase


def _portal_users(env):
    ctx = {"no_reset_password": True}
    customer_a = new_test_user(
        env, login="t_portal_a", groups="base.group_portal", context=ctx
    )
    customer_b = new_test_user(
        env, login="t_portal_b", groups="base.group_portal", context=ctx
    )
    return customer_a, customer_b


def _customer_ticket(env, user, name):
    return env["helpdesk.ticket"].create(
        {
            "name": name,
            "description": "<p>Portal ticket</p>",
            "partner_id": user.partner_id.id,
            "partner_email": user.partner_id.email,
            "category_id": env.ref("ops_service.category_consultation").id,
        }
    )


@tagged("post_install", "-at_install")
class TestPrivacy(ServiceCase):
    def test_portal_customer_sees_only_own_tickets_rpc(self):
        customer_a, customer_b = _portal_users(self.env)
        ticket_a = _customer_ticket(self.env, customer_a, "Ticket of A")
        ticket_b = _customer_ticket(self.env, customer_b, "Ticket of B")
        Ticket = self.env["helpdesk.ticket"].with_user(customer_a)
        self.assertEqual(
            Ticket.search([("id", "in", (ticket_a | ticket_b).ids)]), ticket_a
        )
        with self.assertRaises(AccessError):
            ticket_b.with_user(customer_a).read(["name"])
        with self.assertRaises(AccessError):
            ticket_a.with_user(customer_a).write({"name": "Changed"})
        # Their own contact details stay readable.
        self.assertEqual(
            ticket_a.with_user(customer_a).read(["partner_email"])[0]["partner_email"],
            customer_a.partner_id.email,
        )

    def test_portal_company_colleague_sees_company_tickets(self):
        company = self.env["res.partner"].create(
            {"name": "Customer Co", "is_company": True}
        )
        customer_a, customer_b = _portal_users(self.env)
        (customer_a | customer_b).partner_id.parent_id = company
        ticket_b = _customer_ticket(self.env, customer_b, "Ticket of B")
        self.assertTrue(ticket_b.with_user(customer_a).read(["name"]))

    def test_agents_see_their_team_tickets(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Other Team"})
        mine = self._ticket(self.cat_fault, user_id=False)
        other = self._ticket(self.cat_fault, user_id=False, team_id=other_team.id)
        visible = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .search([("id", "in", (mine | other).ids)])
        )
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            other.with_user(self.agent).read(["name"])

    def test_contact_details_hidden_outside_service(self):
        outsider = new_test_user(
            self.env, login="t_srv_outsider", groups="base.group_user"
        )
        ticket = self._ticket(self.cat_fault, partner_email="customer@example.com")
        ticket.message_subscribe(partner_ids=outsider.partner_id.ids)
        # A follower outside service reads the ticket but not the e-mail.
        self.assertTrue(ticket.with_user(outsider).read(["name"]))
        with self.assertRaises(AccessError):
            ticket.with_user(outsider).read(["partner_email"])
        self.assertEqual(
            ticket.with_user(self.agent).read(["partner_email"])[0]["partner_email"],
            "customer@example.com",
        )


@tagged("post_install", "-at_install")
class TestPortalPrivacy(HttpCase):
    def test_portal_page_of_other_customer(self):
        customer_a, customer_b = _portal_users(self.env)
        ticket_a = _customer_ticket(self.env, customer_a, "Ticket of A")
        ticket_b = _customer_ticket(self.env, customer_b, "Secret ticket of B")
        self.authenticate("t_portal_a", "t_portal_a")
        own = self.url_open(f"/my/ticket/{ticket_a.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Ticket of A", own.text)
        other = self.url_open(f"/my/ticket/{ticket_b.id}")
        self.assertNotIn("Secret ticket of B", other.text)
        self.assertTrue(other.url.endswith("/my"))
        listing = self.url_open("/my/tickets")
        self.assertIn("Ticket of A", listing.text)
        self.assertNotIn("Secret ticket of B", listing.text)
