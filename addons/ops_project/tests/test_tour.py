# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_tour_proposal_submit_and_approve(self):
        user = new_test_user(
            self.env,
            login="tour_op_user",
            password="tour_op_user",
            groups="ops_base.group_ops_user",
        )
        manager = new_test_user(
            self.env,
            login="tour_op_manager",
            password="tour_op_manager",
            groups="ops_base.group_ops_manager",
        )
        dept = self.env["hr.department"].create({"name": "Tour department"})
        _employee, boss = self.env["hr.employee"].create(
            [
                {"name": "Tour user", "user_id": user.id, "department_id": dept.id},
                {"name": "Tour boss", "user_id": manager.id, "department_id": dept.id},
            ]
        )
        # A standard proposal is approved by its department's manager.
        dept.manager_id = boss
        self.start_tour("/odoo", "ops_project_proposal_submit", login="tour_op_user")
        proposal = self.env["ops.project.proposal"].search(
            [("name", "=", "Tour parking app")]
        )
        self.assertEqual(proposal.state, "under_review")
        self.start_tour(
            f"/odoo/action-ops_project.ops_project_proposal_action/{proposal.id}",
            "ops_project_proposal_approve",
            login="tour_op_manager",
        )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "approved")
        self.assertEqual(proposal.review_ids.done_by, manager)
