# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestServiceInOperations(ServiceCase):
    def test_new_ticket_breadcrumb_has_no_false(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent)
        self.assertEqual(Ticket.new({}).display_name, "New Ticket")
        self.assertEqual(Ticket.new({"name": "Printer"}).display_name, "Printer")
        ticket = self._ticket(self.cat_fault).with_user(self.agent)
        self.assertEqual(ticket.display_name, f"{ticket.number} - Test ticket")
        self.assertNotIn("False", ticket.display_name)

    def test_done_in_one_click_keeps_closing_rules(self):
        ticket = self._ticket(self.cat_fault).with_user(self.agent)
        self.assertTrue(ticket.action_ops_done())
        self.assertTrue(ticket.stage_id.closed)
        # A complaint still needs its cause before it is done.
        complaint = self._ticket(self.cat_complaint).with_user(self.agent)
        with self.assertRaises(UserError):
            complaint.action_ops_done()
        self.assertFalse(complaint.stage_id.closed)

    def test_tickets_open_in_the_operations_app(self):
        menu = self.env.ref("ops_service.menu_ops_service_tickets")
        action = self.env.ref("ops_service.action_ops_service_tickets")
        self.assertEqual(menu.action, action)
        helpdesk = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action")
        self.assertNotEqual(action, helpdesk)
        # Every stage, Done included, is one click away in the status bar.
        arch = self.env["helpdesk.ticket"].get_view(view_type="form")["arch"]
        self.assertIn('name="action_ops_done"', arch)
        self.assertNotIn("fold_field", arch)
