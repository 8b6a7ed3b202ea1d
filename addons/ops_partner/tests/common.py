# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


class OpsPartnerCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

        def user(login, groups):
            return new_test_user(env, login=login, groups=groups, context=CTX)

        cls.seller = user("t_pa_seller", "sales_team.group_sale_salesman")
        cls.seller2 = user("t_pa_seller2", "sales_team.group_sale_salesman")
        cls.business = user("t_pa_business", "ops_partner.group_ops_partner_business")
        cls.technical = user(
            "t_pa_technical", "ops_partner.group_ops_partner_technical"
        )
        cls.finance = user("t_pa_finance", "ops_base.group_ops_finance")
        cls.gm = user("t_pa_gm", "ops_base.group_ops_executive")
        cls.buyer = user(
            "t_pa_buyer",
            "ops_partner.group_ops_partner_purchasing,purchase.group_purchase_user",
        )
        cls.buyer_manager = user(
            "t_pa_buyer_mgr", "ops_partner.group_ops_partner_purchasing_manager"
        )
        cls.quality = user("t_pa_quality", "ops_partner.group_ops_partner_quality")
        cls.legal = user("t_pa_legal", "ops_partner.group_ops_partner_legal")
        cls.staff = user("t_pa_staff", "ops_base.group_ops_user")
        cls.company = env.company
        cls.company.write(
            {
                "ops_contract_review_enabled": True,
                "ops_contract_review_amount": 1000.0,
                "ops_contract_business_user_ids": [Command.set(cls.business.ids)],
                "ops_contract_technical_user_ids": [Command.set(cls.technical.ids)],
                "ops_contract_finance_user_ids": [Command.set(cls.finance.ids)],
                "ops_contract_gm_user_ids": [Command.set(cls.gm.ids)],
                "ops_supplier_qualification_required": True,
                "ops_supplier_qualification_months": 12,
                "ops_supplier_reevaluation_days": 30,
            }
        )
        cls.customer = env["res.partner"].create(
            {"name": "Customer T", "is_company": True}
        )
        cls.supplier = env["res.partner"].create(
            {"name": "Supplier T", "is_company": True}
        )
        cls.operator = env["res.partner"].create(
            {"name": "Operator T", "is_company": True, "ops_is_operator": True}
        )
        cls.product = env["product.product"].create(
            {"name": "Widget T", "list_price": 100.0, "standard_price": 50.0}
        )

    def _quotation(self, user, qty=20, price=100.0, **vals):
        values = {
            "partner_id": self.customer.id,
            "user_id": user.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": self.product.id,
                        "product_uom_qty": qty,
                        "price_unit": price,
                    }
                )
            ],
        }
        values.update(vals)
        return self.env["sale.order"].with_user(user).create(values)

    def _evaluation(self, user=None, partner=None, decision="qualified", score=80):
        user = user or self.buyer
        Evaluation = self.env["ops.supplier.evaluation"].with_user(user)
        company = self.env.company
        return Evaluation.create(
            {
                "partner_id": (partner or self.supplier).id,
                "decision": decision,
                "line_ids": [
                    Command.create(
                        {
                            "criterion_id": c.id,
                            "department": c.department,
                            "weight": c.weight,
                            "score": score,
                        }
                    )
                    for c in Evaluation._ops_criteria(company)
                ],
            }
        )

    def _qualify(self, evaluation):
        evaluation.with_user(self.buyer).request_validation()
        for reviewer in (
            self.technical,
            self.quality,
            self.finance,
            self.buyer_manager,
        ):
            self._decide(evaluation, reviewer)
        return evaluation

    def _decide(self, record, user, approve=True, comment="Reviewed"):
        """Approve or reject as ``user`` the way the form does (with the
        comment dialog when the step asks for one)."""
        rec = record.with_user(user)
        rec.invalidate_recordset()
        action = rec.validate_tier() if approve else rec.reject_tier()
        if isinstance(action, dict) and action.get("res_model") == "comment.wizard":
            wizard = (
                self.env["comment.wizard"]
                .with_user(user)
                .with_context(**action["context"])
                .create({"comment": comment})
            )
            wizard.add_comment()
        record.invalidate_recordset()
        return True
