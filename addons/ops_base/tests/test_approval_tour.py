# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


class ApprovalTourCase(HttpCase):
    def _setup_chain(self):
        def user(login, groups):
            return new_test_user(
                self.env,
                login=login,
                password=login + "_pw",
                groups=groups,
                context={"no_reset_password": True},
            )

        self.requester = user("tour_ap_requester", "ops_base.group_ops_user")
        self.manager = user("tour_ap_manager", "ops_base.group_ops_manager")
        self.env.ref("ops_base.tier_definition_regulation_manager").active = False
        self.env["tier.definition"].create(
            {
                "name": "Department review",
                "model_id": self.env["ir.model"]._get("ops.regulation").id,
                "company_id": False,
                "review_type": "individual",
                "reviewer_id": self.manager.id,
                "definition_domain": "[]",
            }
        )

    def _submit(self, code):
        rec = (
            self.env["ops.regulation"]
            .with_user(self.requester)
            .create({"name": f"Tour rules {code}", "code": code})
        )
        rec.request_validation()
        return rec


@tagged("post_install", "-at_install")
class TestApprovalMobileTour(ApprovalTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_manager_approves_two_from_the_centre_on_a_phone(self):
        self._setup_chain()
        first, second = self._submit("TOUR-A"), self._submit("TOUR-B")
        self.start_tour(
            "/odoo/action-ops_base.ops_approval_request_action_todo",
            "ops_approval_mobile_approve",
            login="tour_ap_manager",
        )
        self.assertEqual(first.validation_status, "validated")
        self.assertEqual(second.validation_status, "validated")


@tagged("post_install", "-at_install")
class TestApprovalRequesterTour(ApprovalTourCase):
    def test_requester_urges_then_withdraws(self):
        self._setup_chain()
        rec = self._submit("TOUR-U")
        self.start_tour(
            f"/odoo/action-ops_base.ops_regulation_action/{rec.id}",
            "ops_approval_urge_withdraw",
            login="tour_ap_requester",
        )
        self.assertFalse(rec.review_ids)
        kinds = set(
            self.env["ops.approval.event"]
            .search([("model", "=", rec._name), ("res_id", "=", rec.id)])
            .mapped("kind")
        )
        self.assertEqual(kinds, {"request", "urge", "withdraw"})
