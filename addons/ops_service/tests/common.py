# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user


class ServiceCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                no_reset_password=True,
                mail_create_nosubscribe=True,
                tracking_disable=True,
            )
        )
        # Working hours: Monday to Friday, 8-12 and 13-17, in UTC.
        attendances = []
        for day in range(5):
            for start, end in ((8, 12), (13, 17)):
                attendances.append(
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {start}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": "morning" if start < 12 else "afternoon",
                        },
                    )
                )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Service 40h (UTC)",
                "tz": "UTC",
                "hours_per_day": 8,
                "attendance_ids": [(5, 0, 0)] + attendances,
            }
        )
        cls.leader = new_test_user(
            cls.env, login="t_srv_leader", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        cls.agent = new_test_user(
            cls.env,
            login="t_srv_agent",
            groups="helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.manager = new_test_user(
            cls.env,
            login="t_srv_manager",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        cls.env.company.ops_service_manager_id = cls.manager
        cls.env.company.ops_service_escalation_hours = 4
        cls.env.company.ops_service_revisit_days = 3
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Test Service Team",
                "use_sla": True,
                "resource_calendar_id": cls.calendar.id,
                "user_id": cls.leader.id,
                "user_ids": [(6, 0, (cls.leader | cls.agent).ids)],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Test Customer", "email": "customer@example.com"}
        )
        cls.cat_complaint = cls.env.ref("ops_service.category_complaint")
        cls.cat_fault = cls.env.ref("ops_service.category_fault")
        cls.cat_feedback = cls.env.ref("ops_service.category_feedback")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    @classmethod
    def _ticket(cls, category, priority="1", **vals):
        values = {
            "name": "Test ticket",
            "description": "<p>Test</p>",
            "team_id": cls.team.id,
            "category_id": category.id,
            "priority": priority,
            "partner_id": cls.customer.id,
            "user_id": cls.agent.id,
        }
        values.update(vals)
        return cls.env["helpdesk.ticket"].create(values)

    def _set_create_date(self, ticket, when):
        """Backdate a ticket and recompute its SLA deadlines from that date."""
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (when, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        ticket.set_sla()
        # As between two requests: helpdesk_mgmt_sla reads the stored deadline
        # when the stage changes.
        self.env.flush_all()
