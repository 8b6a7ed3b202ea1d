# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The decision half of the engine on a host app's model: the suite's rules
for the steps it ships (``ops_managed``), OCA's behaviour for the others."""

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


@tagged("post_install", "-at_install")
class TestEngineHost(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .ops_host_tester import OpsHostTester

        cls.loader.update_registry((OpsHostTester,))
        cls.env.registry.clear_cache()
        model = cls.env["ir.model"]._get("ops.host.tester")
        cls.env["ir.model.access"].create(
            {
                "name": "host tester",
                "model_id": model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": 1,
                "perm_write": 1,
                "perm_create": 1,
                "perm_unlink": 1,
            }
        )

        def user(login):
            return new_test_user(
                cls.env, login=login, groups="base.group_user", context=CTX
            )

        cls.seller = user("host_seller")
        cls.reviewer = user("host_reviewer")
        cls.other = user("host_other")
        cls.model = model
        cls.Host = cls.env["ops.host.tester"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _tier(self, reviewers, ops_managed):
        group = self.env["res.groups"].create(
            {"name": "Host reviewers", "users": [(6, 0, reviewers.ids)]}
        )
        return self.env["tier.definition"].create(
            {
                "model_id": self.model.id,
                "review_type": "group",
                "reviewer_group_id": group.id,
                "definition_domain": "[('amount', '>', 100)]",
                "ops_managed": ops_managed,
            }
        )

    def _quote(self, user, amount=500):
        return self.Host.with_user(user).create({"name": "Q", "amount": amount})

    def test_company_tier_keeps_oca_behaviour(self):
        # A company's own step: OCA lets a reviewer approve their own request.
        self._tier(self.seller, ops_managed=False)
        quote = self._quote(self.seller)
        quote.request_validation()
        quote.invalidate_recordset()
        quote.validate_tier()
        self.assertEqual(quote.validation_status, "validated")
        quote.action_confirm()
        self.assertEqual(quote.state, "confirmed")

    def test_ops_tier_refuses_self_approval(self):
        self._tier(self.seller | self.reviewer, ops_managed=True)
        quote = self._quote(self.seller)
        quote.request_validation()
        quote.invalidate_recordset()
        with self.assertRaises(UserError):
            quote.validate_tier()
        with self.assertRaises(UserError):
            quote.with_user(self.other).validate_tier()
        quote.with_user(self.reviewer).validate_tier()
        self.assertEqual(quote.validation_status, "validated")

    def test_ops_tier_no_approval_on_the_fly(self):
        # OCA would request and grant the step as the confirming reviewer.
        self._tier(self.seller, ops_managed=True)
        quote = self._quote(self.seller)
        with self.assertRaises(ValidationError):
            quote.action_confirm()
        self.assertEqual(quote.state, "draft")
        small = self._quote(self.seller, amount=50)
        small.action_confirm()
        self.assertEqual(small.state, "confirmed")

    def test_ops_reviews_belong_to_the_engine(self):
        self._tier(self.reviewer, ops_managed=True)
        quote = self._quote(self.seller)
        review = quote.request_validation()
        self.assertTrue(review)
        with self.assertRaises(AccessError):
            review.with_user(self.seller).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.seller).unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.seller).create(
                {
                    "model": "ops.host.tester",
                    "res_id": quote.id,
                    "definition_id": review.definition_id.id,
                }
            )
        # A plain client key does not skip the check.
        with self.assertRaises(ValidationError):
            quote.with_context(skip_validation_check=True).action_confirm()

    def test_host_users_read_reviews_without_an_operations_role(self):
        # The review widget of a host form reads every field of the steps;
        # the suite's votes must not make it fail for people of the host app.
        self._tier(self.reviewer, ops_managed=False)
        quote = self._quote(self.seller)
        quote.request_validation()
        reviews = quote.with_user(self.seller).review_ids
        self.assertTrue(reviews.read())
        quote.with_user(self.seller).restart_validation()
