# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.ops_base.models.ops_guard import as_server

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
        manager_employee = env["hr.employee"].create(
            {"name": "Marketing manager", "user_id": cls.manager.id}
        )
        # The campaign tier asks the manager of the campaign's department.
        (cls.dept_a | cls.dept_b).manager_id = manager_employee
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
        """A campaign created by ``user`` (default: user A).

        Only the server may create a campaign past draft: tests about KPIs,
        imports and crons get one in a later state the way demo data does,
        as the server; the approval itself is tested in test_campaign_approval
        and test_approval_integrity.
        """
        values = {
            "name": "Test campaign",
            "brand_id": cls.brand.id,
            "date_start": cls.today - timedelta(days=10),
            "date_end": cls.today + timedelta(days=10),
            "budget": 1000,
        }
        values.update(vals)
        Campaign = cls.Campaign.with_user(user or cls.user_a)
        if values.get("state", "draft") == "draft":
            # Only managers and finance link a campaign to CRM and analytic
            # data: the manager sets the links the test asks for.
            links = {
                f: values.pop(f)
                for f in ("utm_campaign_id", "analytic_account_id")
                if f in values
            }
            campaign = Campaign.create(values)
            if links:
                campaign.with_user(cls.manager).write(links)
            return campaign
        # Returned without the server key: the test then acts as the user.
        return Campaign.browse(as_server(Campaign).create(values).id)

    @classmethod
    def _running_campaign(cls, **vals):
        """A campaign of user A taken through its approval to running."""
        campaign = cls._campaign(**vals)
        campaign.action_request_approval()
        campaign.with_user(cls.manager).validate_tier()
        campaign.action_start()
        return campaign
