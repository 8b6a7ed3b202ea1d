# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestComplaint(ServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Agent At Fault", "user_id": cls.agent.id}
        )

    def _staff_fault_complaint(self, **vals):
        """A complaint ready to close with a penalty for ``self.employee``."""
        return self._ticket(
            self.cat_complaint,
            complaint_cause="service",
            root_cause="Impolite answer",
            solution="Apology",
            staff_at_fault=True,
            responsible_employee_id=self.employee.id,
            accountability_decision="penalty",
            accountability_points=-2,
            **vals,
        )

    def test_close_requires_root_cause_and_solution(self):
        ticket = self._ticket(self.cat_complaint).with_user(self.agent)
        with self.assertRaisesRegex(ValidationError, "root cause.*solution"):
            ticket.stage_id = self.stage_done
        ticket.write({"complaint_cause": "delivery", "root_cause": "Carrier delay"})
        with self.assertRaisesRegex(ValidationError, "Please fill in: solution"):
            ticket.stage_id = self.stage_done
        ticket.solution = "Refund of the delivery fee"
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket.accountability_id)

    def test_other_kinds_close_freely(self):
        ticket = self._ticket(self.cat_fault).with_user(self.agent)
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)

    def test_staff_at_fault_needs_employee_and_decision(self):
        ticket = self._ticket(
            self.cat_complaint,
            complaint_cause="service",
            root_cause="Impolite answer",
            solution="Apology",
            staff_at_fault=True,
        ).with_user(self.leader)
        with self.assertRaisesRegex(
            ValidationError, "responsible employee, accountability decision"
        ):
            ticket.stage_id = self.stage_done
        ticket.write(
            {
                "responsible_employee_id": self.employee.id,
                "accountability_decision": "penalty",
            }
        )
        with self.assertRaisesRegex(ValidationError, "amount or appraisal points"):
            ticket.stage_id = self.stage_done

    def test_agent_cannot_decide_accountability(self):
        ticket = self._staff_fault_complaint()
        with self.assertRaisesRegex(UserError, "Only the team leader"):
            ticket.with_user(self.agent).stage_id = self.stage_done
        self.assertFalse(
            self.env["ops.accountability"].search(
                [("res_id", "=", ticket.id), ("res_model", "=", "helpdesk.ticket")]
            )
        )

    def test_leader_closes_with_accountability_and_revisit(self):
        ticket = self._staff_fault_complaint(accountability_amount=100)
        ticket.with_user(self.leader).stage_id = self.stage_done
        record = ticket.accountability_id
        self.assertTrue(record)
        self.assertEqual(record.res_model, "helpdesk.ticket")
        self.assertEqual(record.res_id, ticket.id)
        self.assertEqual(record.employee_id, self.employee)
        self.assertEqual(record.decision, "penalty")
        self.assertEqual(record.points, -2)
        self.assertEqual(record.amount, 100)
        # HR (and the appraisal side) read it through ops_base.
        hr_user = new_test_user(
            self.env, login="t_srv_hr", groups="ops_base.group_ops_hr"
        )
        self.assertIn(
            record, self.env["ops.accountability"].with_user(hr_user).search([])
        )
        # Revisit planned N days after closing.
        revisit_type = self.env.ref("ops_service.mail_activity_type_revisit")
        revisit = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == revisit_type
        )
        self.assertEqual(len(revisit), 1)
        self.assertEqual(
            revisit.date_deadline, fields.Date.context_today(ticket) + timedelta(days=3)
        )
        # Recording the outcome completes the revisit.
        ticket.with_user(self.leader).write(
            {"revisit_outcome": "satisfied", "revisit_note": "Customer accepted"}
        )
        self.assertFalse(
            ticket.activity_ids.filtered(lambda a: a.activity_type_id == revisit_type)
        )
        self.assertEqual(ticket.revisit_date, fields.Date.context_today(ticket))
        # Reopening and closing again does not create a second record.
        ticket.with_user(self.leader).stage_id = self.stage_progress
        ticket.with_user(self.leader).stage_id = self.stage_done
        self.assertEqual(
            self.env["ops.accountability"].search_count(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            ),
            1,
        )

    def test_rating_requested_on_close(self):
        ticket = self._ticket(self.cat_fault)
        ticket.with_user(self.agent).stage_id = self.stage_done
        self.assertTrue(
            self.env["rating.rating"].search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
        )
