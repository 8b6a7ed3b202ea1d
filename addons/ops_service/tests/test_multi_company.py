# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each company has its own service kinds and SLA matrix; a ticket of one
company gets its SLA policies and escalates within it."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import ServiceCase

KINDS = {"consultation", "complaint", "feedback", "fault"}


@tagged("post_install", "-at_install")
class TestMultiCompany(ServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Service Co B"})
        both = [Command.set((cls.company_a | cls.company_b).ids)]
        cls.leader_b = new_test_user(
            cls.env,
            login="t_srv_leader_b",
            groups="helpdesk_mgmt.group_helpdesk_user",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.manager_b = new_test_user(
            cls.env,
            login="t_srv_manager_b",
            groups="helpdesk_mgmt.group_helpdesk_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.agent_ab = new_test_user(
            cls.env,
            login="t_srv_agent_ab",
            groups="helpdesk_mgmt.group_helpdesk_user",
            company_id=cls.company_a.id,
            company_ids=both,
        )
        cls.company_b.ops_service_manager_id = cls.manager_b
        cls.company_b.ops_service_escalation_hours = 4
        cls.team_b = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Team B",
                "company_id": cls.company_b.id,
                "use_sla": True,
                "resource_calendar_id": cls.calendar.id,
                "user_id": cls.leader_b.id,
                "user_ids": [Command.set((cls.leader_b | cls.agent_ab).ids)],
            }
        )

    def _categories(self, company):
        return self.env["helpdesk.ticket.category"].search(
            [("company_id", "=", company.id), ("service_kind", "!=", False)]
        )

    def _category(self, company, kind):
        return self._categories(company).filtered(lambda c: c.service_kind == kind)

    def _slas(self, company):
        return self.env["helpdesk.sla"].search(
            [("company_id", "=", company.id), ("sla_type", "!=", False)]
        )

    def test_every_company_has_the_defaults(self):
        templates = self.env["res.company"]._ops_service_templates("helpdesk.sla")
        self.assertEqual(set(templates.company_id.ids), {self.company_a.id})
        for company in (self.company_a, self.company_b):
            self.assertEqual(
                set(self._categories(company).mapped("service_kind")), KINDS
            )
            self.assertEqual(len(self._slas(company)), len(templates))
        slas_b = self._slas(self.company_b)
        self.assertEqual(slas_b.category_ids.company_id, self.company_b)
        self.assertFalse(slas_b.team_ids)
        # Copies are the module's data: uninstalling it removes them.
        for copies in (slas_b, self._categories(self.company_b)):
            for xmlid in copies.get_external_id().values():
                self.assertTrue(xmlid.startswith("ops_service.company_"), xmlid)
        # Running the install hook again creates nothing more.
        self.env["res.company"]._ops_service_install_defaults()
        self.assertEqual(len(self._slas(self.company_b)), len(templates))
        self.assertEqual(len(self._categories(self.company_b)), len(KINDS))

    def test_ticket_of_b_gets_b_sla_and_escalates_within_b(self):
        # An SLA of company A that applies to any ticket of A.
        self.env["helpdesk.sla"].create(
            {
                "name": "A: everything in 1 hour",
                "company_id": self.company_a.id,
                "stage_id": self.stage_done.id,
                "hours": 1,
            }
        )
        complaint_b = self._category(self.company_b, "complaint")
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_ab)
            # Both companies allowed: the company rules alone would let A's
            # policies through.
            .with_context(allowed_company_ids=[self.company_b.id, self.company_a.id])
            .create(
                {
                    "name": "Complaint in B",
                    "description": "<p>B</p>",
                    "team_id": self.team_b.id,
                    "category_id": complaint_b.id,
                    "priority": "3",
                    "partner_id": self.customer.id,
                }
            )
        )
        self.assertEqual(ticket.company_id, self.company_b)
        self.assertEqual(len(ticket.sla_ids), 2)
        self.assertEqual(ticket.sla_ids.company_id, self.company_b)
        self.assertEqual(set(ticket.sla_ids.mapped("ticket_priority")), {"3"})

        ticket = ticket.sudo()
        self._set_create_date(ticket, fields.Datetime.now() - timedelta(days=30))
        activity_type = self.env.ref("ops_service.mail_activity_type_escalation")

        def escalations():
            return ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )

        Ticket = self.env["helpdesk.ticket"]
        Ticket._cron_escalate_overdue()
        self.assertEqual(ticket.escalation_level, "1")
        self.assertEqual(escalations().user_id, self.leader_b)
        ticket.write({"escalation_date": fields.Datetime.now() - timedelta(hours=5)})
        Ticket._cron_escalate_overdue()
        self.assertEqual(ticket.escalation_level, "2")
        # B's service manager, never A's.
        self.assertEqual(escalations().user_id, self.leader_b | self.manager_b)
        self.assertNotIn(self.manager, escalations().user_id)

    def test_leader_outside_the_company_is_skipped(self):
        """A team leader who cannot open company B: B's manager is alerted."""
        self.team_b.user_id = self.leader  # company A only
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Fault in B",
                "description": "<p>B</p>",
                "team_id": self.team_b.id,
                "category_id": self._category(self.company_b, "fault").id,
                "priority": "3",
            }
        )
        self._set_create_date(ticket, fields.Datetime.now() - timedelta(days=30))
        self.env["helpdesk.ticket"]._cron_escalate_overdue()
        self.assertEqual(ticket.escalation_level, "1")
        self.assertEqual(ticket.activity_ids.user_id, self.manager_b)

    def test_kind_of_another_company_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "category of the ticket's company"
        ):
            self.env["helpdesk.ticket"].create(
                {
                    "name": "Mixed",
                    "description": "<p>Mixed</p>",
                    "team_id": self.team_b.id,
                    "category_id": self.cat_complaint.id,  # company A's
                }
            )

    def test_new_company_gets_defaults(self):
        company = self.env["res.company"].create({"name": "Service Co C"})
        self.assertEqual(set(self._categories(company).mapped("service_kind")), KINDS)
        self.assertTrue(self._slas(company))
        self.assertEqual(self._slas(company).category_ids, self._categories(company))

    def test_sla_uses_its_company_categories(self):
        with self.assertRaisesRegex(ValidationError, "cannot use the categories"):
            self.env["helpdesk.sla"].create(
                {
                    "name": "B policy on A's kind",
                    "company_id": self.company_b.id,
                    "category_ids": [Command.set(self.cat_complaint.ids)],
                    "stage_id": self.stage_done.id,
                }
            )

    def test_upgrade_from_shared_kinds(self):
        """Databases from before per-company defaults shared the module's
        kinds and SLA policies: the upgrade gives them to the main company
        and every other company its own copies."""
        Company = self.env["res.company"]
        categories = Company._ops_service_templates("helpdesk.ticket.category")
        slas = Company._ops_service_templates("helpdesk.sla")
        categories.write({"company_id": False})
        slas.write({"company_id": False})
        Company._ops_service_install_defaults()
        main = self.env.ref("base.main_company")
        self.assertEqual(categories.company_id, main)
        self.assertEqual(slas.company_id, main)
        self.assertEqual(len(self._slas(self.company_b)), len(slas))
