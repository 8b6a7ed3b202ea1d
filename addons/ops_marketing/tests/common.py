# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


class MarketingCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env.company
        cls.company.ops_campaign_gm_threshold = 100000
        cls.dept_a = env["hr.department"].create({"name": "Marketing A"})
        cls.dept_b = env["hr.department"].create({"name": "Marketing B"})
        cls.user_a = new_test_user(
            env, login="mk_user_a", groups="ops_base.group_ops_user", context=CTX
        )
        cls.user_b = new_test_user(
            env, login="mk_user_b", groups="ops_base.group_ops_user", context=CTX
        )
        cls.manager = new_test_user(
            env, login="mk_manager", groups="ops_base.group_ops_manager", context=CTX
        )
        cls.gm = new_test_user(
            env, login="mk_gm", groups="ops_base.group_ops_executive", context=CTX
        )
        cls.finance = new_test_user(
            env, login="mk_finance", groups="ops_base.group_ops_finance", context=CTX
        )
        cls.reviewer = new_test_user(
            env,
            login="mk_reviewer",
            groups="ops_marketing.group_ops_marketing_reviewer",
            context=CTX,
        )
        env["hr.employee"].create(
            [
                {
                    "name": "A",
                    "user_id": cls.user_a.id,
                    "department_id": cls.dept_a.id,
                },
                {
                    "name": "B",
                    "user_id": cls.user_b.id,
                    "department_id": cls.dept_b.id,
                },
            ]
        )
        cls.brand = env["res.brand"].create({"name": "Test Brand"})
        cls.channel_web = env.ref("ops_marketing.channel_website")
        cls.channel_wechat = env.ref("ops_marketing.channel_wechat")
        cls.today = fields.Date.context_today(env["ops.marketing.campaign"])
        cls.Campaign = env["ops.marketing.campaign"]

    @classmethod
    def _campaign(cls, user=None, **vals):
        values = {
            "name": "Test campaign",
            "brand_id": cls.brand.id,
            "date_start": cls.today - timedelta(days=10),
            "date_end": cls.today + timedelta(days=10),
            "budget": 1000,
        }
        values.update(vals)
        return cls.Campaign.with_user(user or cls.user_a).create(values)
