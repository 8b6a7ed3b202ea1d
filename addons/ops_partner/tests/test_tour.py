# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


@tagged("post_install", "-at_install")
class TestContractReviewTour(HttpCase):
    def test_quotation_reviewed_then_confirmed(self):
        env = self.env

        def user(login, groups):
            return new_test_user(
                env, login=login, password=login, groups=groups, context=CTX
            )

        seller = user("tour_pa_seller", "sales_team.group_sale_salesman")
        business = user("tour_pa_business", "ops_partner.group_ops_partner_business")
        technical = user("tour_pa_technical", "ops_partner.group_ops_partner_technical")
        finance = user("tour_pa_finance", "ops_base.group_ops_finance")
        gm = user("tour_pa_gm", "ops_base.group_ops_executive")
        env.company.write(
            {
                "ops_contract_review_enabled": True,
                "ops_contract_review_amount": 1000.0,
                "ops_contract_business_user_ids": [Command.set(business.ids)],
                "ops_contract_technical_user_ids": [Command.set(technical.ids)],
                "ops_contract_finance_user_ids": [Command.set(finance.ids)],
                "ops_contract_gm_user_ids": [Command.set(gm.ids)],
            }
        )
        customer = env["res.partner"].create({"name": "Tour Customer"})
        product = env["product.product"].create({"name": "Tour Widget"})
        order = (
            env["sale.order"]
            .with_user(seller)
            .create(
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 10,
                                "price_unit": 500.0,
                            }
                        )
                    ],
                }
            )
        )
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "ops_partner_review_submit",
            login=seller.login,
        )
        self.assertEqual(len(order.sudo().review_ids), 4)
        for reviewer in (business, finance, technical, gm):
            self.start_tour(
                f"/odoo/action-ops_partner.action_ops_contract_review/{order.id}",
                "ops_partner_review_approve",
                login=reviewer.login,
            )
        order.invalidate_recordset()
        self.assertEqual(order.validation_status, "validated")
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "ops_partner_review_confirm",
            login=seller.login,
        )
        order.invalidate_recordset()
        self.assertEqual(order.state, "sale")
        self.assertEqual(
            set(order.sudo().ops_review_log_ids.mapped("user_id").ids),
            {business.id, technical.id, finance.id, gm.id},
        )
