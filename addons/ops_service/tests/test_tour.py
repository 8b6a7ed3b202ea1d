# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_agent_handles_complaint(self):
        agent = new_test_user(
            self.env,
            login="tour_srv_agent",
            password="tour_srv_agent",
            groups="helpdesk_mgmt.group_helpdesk_user_team,ops_base.group_ops_user",
        )
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Tour Team", "user_ids": [(4, agent.id)]}
        )
        customer = self.env["res.partner"].create(
            {"name": "Tour Customer", "email": "tour.customer@example.com"}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Wrong size delivered",
                "description": "<p>I ordered size M and received size L.</p>",
                "team_id": team.id,
                "user_id": agent.id,
                "partner_id": customer.id,
                "category_id": self.env.ref("ops_service.category_complaint").id,
                "stage_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
                ).id,
            }
        )
        self.start_tour(
            f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}",
            "ops_service_complaint",
            login="tour_srv_agent",
        )
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.complaint_cause, "delivery")
        self.assertEqual(ticket.revisit_outcome, "satisfied")
        self.assertFalse(
            ticket.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("ops_service.mail_activity_type_revisit")
            )
        )

    def test_tour_portal_customer_submits_ticket(self):
        customer = new_test_user(
            self.env,
            login="tour_portal",
            password="tour_portal",
            groups="base.group_portal",
        )
        self.env.company.helpdesk_mgmt_portal_select_category = True
        self.start_tour("/new/ticket", "ops_service_portal_ticket", login="tour_portal")
        ticket = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", customer.partner_id.id)]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.name, "The app crashes at login")
        self.assertEqual(ticket.service_kind, "fault")
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("ops_service.helpdesk_ticket_channel_portal"),
        )
