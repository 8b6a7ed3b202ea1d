# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

# The walk crosses the addons whose figures the home gathers.
WALKED = ("ops_project", "ops_service", "ops_appraisal")


@tagged("post_install", "-at_install")
class TestSuiteTourChinese(HttpCase):
    """A manager working in Simplified Chinese goes from the Operations home
    to an approval, a project, a ticket and an appraisal (issue 12)."""

    def setUp(self):
        super().setUp()
        modules = self.env["ir.module.module"].search(
            [("name", "in", WALKED), ("state", "=", "installed")]
        )
        if len(modules) < len(WALKED):
            self.skipTest("the walk needs ops_project, ops_service and ops_appraisal")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("state", "=", "installed")]
        )._update_translations(["zh_CN"])
        ctx = {"no_reset_password": True, "mail_create_nosubscribe": True}
        self.user = new_test_user(
            self.env,
            login="tour_suite_zh",
            password="tour_suite_zh",
            groups="ops_base.group_ops_manager,helpdesk_mgmt.group_helpdesk_user",
            lang="zh_CN",
            context=ctx,
        )
        self.requester = new_test_user(
            self.env, login="tour_suite_zh_req", groups="ops_base.group_ops_user"
        )

    def _regulation_to_approve(self):
        self.env.ref("ops_base.tier_definition_regulation_manager").active = False
        self.env["tier.definition"].create(
            {
                "name": "Tour review",
                "model_id": self.env["ir.model"]._get("ops.regulation").id,
                "review_type": "individual",
                "reviewer_id": self.user.id,
                "definition_domain": "[]",
            }
        )
        regulation = (
            self.env["ops.regulation"]
            .with_user(self.requester)
            .create({"name": "TOUR-ZH-REG", "code": "TOUR-ZH-REG"})
        )
        regulation.request_validation()
        return regulation

    def _ticket(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Tour Team", "user_ids": [(4, self.user.id)]}
        )
        return self.env["helpdesk.ticket"].create(
            {
                "name": "TOUR-ZH-TICKET",
                "description": "<p>Tour</p>",
                "team_id": team.id,
                "user_id": self.user.id,
            }
        )

    def _appraisal(self):
        job = self.env["hr.job"].create({"name": "Tour Analyst"})
        self.env["ops.appraisal.template"].create(
            {
                "name": "Tour template",
                "job_ids": [(6, 0, job.ids)],
                "line_ids": [
                    (0, 0, {"name": "Sales", "dimension": "results", "weight": 100})
                ],
            }
        )
        dept = self.env["hr.department"].create({"name": "Tour Department"})
        dept.manager_id = self.env["hr.employee"].create(
            {"name": "Tour Manager", "user_id": self.user.id, "department_id": dept.id}
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "Tour Employee",
                "department_id": dept.id,
                "job_id": job.id,
                "parent_id": dept.manager_id.id,
            }
        )
        cycle = self.env["ops.appraisal.cycle"].create(
            {
                "name": "Tour quarter",
                "date_start": date(2024, 1, 1),
                "date_end": date(2024, 3, 31),
                "department_ids": [(6, 0, dept.ids)],
            }
        )
        cycle.action_start()
        return cycle.appraisal_ids.filtered(lambda a: a.employee_id == employee)

    def test_tour_home_approval_project_ticket_appraisal(self):
        regulation = self._regulation_to_approve()
        self.env["project.project"].create(
            {"name": "TOUR-ZH-PROJECT", "ops_is_operations": True}
        )
        ticket = self._ticket()
        appraisal = self._appraisal()
        self.assertTrue(appraisal)
        self.start_tour("/odoo", "ops_suite_zh_cn", login="tour_suite_zh")
        self.assertEqual(regulation.validation_status, "validated")
        self.assertTrue(ticket.closed)
