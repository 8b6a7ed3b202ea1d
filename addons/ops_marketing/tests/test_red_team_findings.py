# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The red team's marketing findings, each replayed as the user who tried it.

Every call is one a logged-in user can make over XML-RPC/JSON-RPC; each must
end in a clean AccessError/UserError/ValidationError with nothing stored.
"""

import base64
import io
from contextlib import contextmanager
from datetime import timedelta

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ops_base.models.ops_guard import as_server

from .common import CTX, MarketingCase, new_test_user

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestRedTeamFindings(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # Same department as user A (sees A's records), not their owner.
        cls.colleague = new_test_user(
            env, login="mk_rt_colleague", groups="ops_base.group_ops_user", context=CTX
        )
        cls.plain = new_test_user(
            env, login="mk_rt_plain", groups="base.group_user", context=CTX
        )
        # A manager of another department (C), not of A's.
        cls.manager_c = new_test_user(
            env, login="mk_rt_mgr_c", groups="ops_base.group_ops_manager", context=CTX
        )
        cls.dept_c = env["hr.department"].create(
            {
                "name": "Marketing C",
                "manager_id": env["hr.employee"]
                .create({"name": "Manager C", "user_id": cls.manager_c.id})
                .id,
            }
        )
        env["hr.employee"].create(
            {
                "name": "Colleague",
                "user_id": cls.colleague.id,
                "department_id": cls.dept_a.id,
            }
        )
        cls.company_b = env["res.company"].create({"name": "Red team Co B"})
        cls.Metric = env["ops.marketing.metric"]
        cls.Content = env["ops.marketing.content"]
        cls.Incident = env["ops.brand.incident"]

    @contextmanager
    def assertRefused(self):
        """Any clean refusal: which one depends on where the rule lives."""
        with self.assertRaises(Exception) as catcher:
            yield
        self.assertIsInstance(catcher.exception, REFUSED)

    def _count(self, model, domain):
        return self.env[model].sudo().search_count(domain)

    # ------------------------------------------------------------------
    # 1. CRM/analytic links: only managers and finance, frozen once ended
    # ------------------------------------------------------------------
    def test_user_cannot_point_campaign_at_foreign_crm_or_costs(self):
        foreign_utm = self.env["utm.campaign"].create({"name": "Sales' big deal"})
        plan = self.env["account.analytic.plan"].create({"name": "Foreign plan"})
        foreign_account = self.env["account.analytic.account"].create(
            {"name": "Board costs", "plan_id": plan.id}
        )
        Campaign = self.Campaign.with_user(self.user_a)
        values = {
            "name": "Spy campaign",
            "brand_id": self.brand.id,
            "date_start": self.today,
            "date_end": self.today,
        }
        for link in (
            {"utm_campaign_id": foreign_utm.id},
            {"analytic_account_id": foreign_account.id},
        ):
            with self.assertRaises(AccessError):
                Campaign.create(dict(values, **link))
        with self.assertRaises(AccessError):
            Campaign.with_context(default_utm_campaign_id=foreign_utm.id).create(values)
        self.assertFalse(
            self._count(self.Campaign._name, [("name", "=", "Spy campaign")])
        )
        campaign = self._campaign()
        # The server gave the new campaign its own UTM campaign.
        own_utm = campaign.utm_campaign_id
        self.assertTrue(own_utm)
        self.assertNotEqual(own_utm, foreign_utm)
        with self.assertRaises(AccessError):
            campaign.write({"utm_campaign_id": foreign_utm.id})
        with self.assertRaises(AccessError):
            campaign.write({"analytic_account_id": foreign_account.id})
        self.assertEqual(campaign.utm_campaign_id, own_utm)
        self.assertNotEqual(campaign.analytic_account_id, foreign_account)
        # A manager may link an account, but not a UTM campaign whose leads
        # are older than the campaign.
        campaign.with_user(self.manager).write(
            {"analytic_account_id": foreign_account.id}
        )
        lead = self.env["crm.lead"].create(
            {"name": "Old lead", "campaign_id": foreign_utm.id}
        )
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=400), lead.id),
        )
        lead.invalidate_recordset(["create_date"])
        with self.assertRaises(ValidationError):
            campaign.with_user(self.manager).write({"utm_campaign_id": foreign_utm.id})
        self.assertEqual(campaign.utm_campaign_id, own_utm)

    def test_links_frozen_once_ended(self):
        campaign = self._campaign(state="ended")
        utm = self.env["utm.campaign"].create({"name": "Late UTM"})
        for user in (self.manager, self.finance):
            with self.assertRefused():
                campaign.with_user(user).write({"utm_campaign_id": utm.id})
        self.assertNotEqual(campaign.utm_campaign_id, utm)

    # ------------------------------------------------------------------
    # 2. Customer layers are not searchable by users who cannot read them
    # ------------------------------------------------------------------
    def test_plain_user_cannot_list_customers_by_layer(self):
        partner = self.env["res.partner"].create({"name": "Layered customer"})
        self.env["ops.marketing.customer.layer"].create(
            {"partner_id": partner.id, "layer_manual": "potential"}
        )
        Partner = self.env["res.partner"].with_user(self.plain)
        with self.assertRaises(AccessError):
            Partner.search_read([("ops_customer_layer", "=", "potential")], ["name"])
        with self.assertRaises(AccessError):
            Partner.search_count([("ops_churn_risk", "=", True)])
        with self.assertRaises(AccessError):
            Partner.search([("ops_layer_manual", "!=", False)])
        with self.assertRefused():
            Partner.search([("ops_layer_ids.layer", "=", "potential")])
        # Operations users still filter by layer.
        found = (
            self.env["res.partner"]
            .with_user(self.user_a)
            .search([("ops_customer_layer", "=", "potential")])
        )
        self.assertIn(partner, found)

    # ------------------------------------------------------------------
    # 3. Channel targets of a submitted campaign, through context defaults
    # ------------------------------------------------------------------
    def test_channel_targets_through_default_campaign(self):
        campaign = self._campaign()
        campaign.action_request_approval()
        Line = self.env["ops.marketing.campaign.channel"].with_user(self.user_a)
        with self.assertRaises(UserError):
            Line.with_context(default_campaign_id=campaign.id).create(
                [{"channel_id": self.channel_web.id, "target_impressions": 10**6}]
            )
        self.assertFalse(campaign.channel_target_ids)
        draft = self._campaign(name="Draft")
        with self.assertRaises(ValidationError):
            Line.with_context(default_target_impressions=-5).create(
                [{"campaign_id": draft.id, "channel_id": self.channel_web.id}]
            )
        self.assertFalse(draft.channel_target_ids)

    # ------------------------------------------------------------------
    # 4. Reviewed files cannot be replaced
    # ------------------------------------------------------------------
    def test_reviewed_content_files_locked(self):
        content = self.Content.with_user(self.user_a).create(
            {
                "name": "Poster",
                "channel_id": self.channel_web.id,
                "attachment_ids": [
                    Command.create({"name": "poster.txt", "raw": b"approved text"})
                ],
            }
        )
        file = content.attachment_ids
        self.assertEqual(file.res_model, "ops.marketing.content")
        self.assertEqual(file.res_id, content.id)
        content.request_validation()
        Attachment = self.env["ir.attachment"].with_user(self.user_a)
        with self.assertRaises(UserError):
            Attachment.browse(file.id).write({"raw": b"forged text"})
        with self.assertRaises(UserError):
            Attachment.browse(file.id).write({"datas": base64.b64encode(b"forged")})
        with self.assertRaises(UserError):
            Attachment.browse(file.id).unlink()
        content.with_user(self.reviewer).validate_tier()
        content.action_publish()
        with self.assertRaises(UserError):
            Attachment.browse(file.id).write({"raw": b"forged after publish"})
        self.assertEqual(file.raw, b"approved text")
        # A copy has its own files: changing them leaves the published ones.
        copy = content.copy()
        self.assertTrue(copy.attachment_ids)
        self.assertFalse(copy.attachment_ids & file)
        Attachment.browse(copy.attachment_ids.id).write({"raw": b"new version"})
        self.assertEqual(file.raw, b"approved text")

    # ------------------------------------------------------------------
    # 8. Evaluated results stay closed
    # ------------------------------------------------------------------
    def _evaluated(self, **vals):
        return self._campaign(
            **vals,
            state="evaluated",
            evaluation_date=self.today,
            eval_impressions=100,
            eval_clicks=10,
            description="<p>Plan</p>",
        )

    def test_evaluated_campaign_metrics_closed(self):
        campaign = self._evaluated()
        Metric = self.Metric.with_user(self.user_a)
        values = {
            "campaign_id": campaign.id,
            "channel_id": self.channel_web.id,
            "date": self.today,
            "impressions": 5000,
            "clicks": 50,
        }
        with self.assertRaises(UserError):
            Metric.create(values)
        metric = Metric.browse(as_server(self.Metric).create(values).id)
        with self.assertRaises(UserError):
            metric.write({"impressions": 9000})
        with self.assertRaises(UserError):
            metric.unlink()
        self.assertEqual(metric.impressions, 5000)
        with self.assertRaises(UserError):
            campaign.write({"description": "<p>Rewritten plan</p>"})
        # The analysis shows what the evaluation recorded, not live data.
        self.env.flush_all()
        row = (
            self.env["ops.marketing.campaign.report"]
            .with_user(self.manager)
            .search([("campaign_id", "=", campaign.id)])
        )
        self.assertEqual((row.impressions, row.clicks), (100, 10))
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_a)
            ._render_xlsx(
                "ops_marketing.campaign_results_xlsx",
                None,
                data={"campaign_ids": campaign.ids},
            )
        )
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.values)
        exported = dict(zip(rows[0], rows[1], strict=False))
        self.assertEqual((exported["Impressions"], exported["Clicks"]), (100, 10))

    def _import(self, rows):
        header = "campaign,channel,date,impressions,clicks,conversions\n"
        wizard = (
            self.env["ops.marketing.metric.import"]
            .with_user(self.user_a)
            .create(
                {
                    "file": base64.b64encode((header + rows).encode()),
                    "filename": "metrics.csv",
                }
            )
        )
        wizard.action_import()
        return wizard

    def test_import_refuses_evaluated_and_bad_rows(self):
        evaluated = self._evaluated(name="Closed campaign")
        running = self._campaign(name="Open campaign", state="running")
        inside = running.date_start + timedelta(days=1)
        outside = running.date_end + timedelta(days=1)
        wizard = self._import(
            f"Closed campaign,WEB,{self.today},10,1,0\n"
            f"Open campaign,WEB,{inside},10,2,5\n"
            "Open campaign,WEB,0001-01-01,10,1,0\n"
            f"Open campaign,WEB,{outside},10,1,0\n"
        )
        self.assertEqual(wizard.imported_count, 0)
        self.assertEqual(wizard.error_count, 4)
        self.assertFalse(
            self._count(
                self.Metric._name,
                [("campaign_id", "in", (evaluated | running).ids)],
            )
        )

    # ------------------------------------------------------------------
    # 9. Owner, deadline and severity
    # ------------------------------------------------------------------
    def test_incident_cannot_be_taken_over_or_postponed(self):
        incident = self.Incident.with_user(self.user_a).create(
            {
                "name": "Fake shop",
                "brand_id": self.brand.id,
                "deadline": self.today + timedelta(days=3),
                "severity": "high",
            }
        )
        mine = incident.with_user(self.colleague)
        for vals in (
            {"user_id": self.colleague.id},
            {"deadline": self.today + timedelta(days=30)},
            {"severity": "low"},
        ):
            with self.assertRaises(AccessError):
                mine.write(vals)
        with self.assertRaises(AccessError):
            mine.action_resolve()
        self.assertEqual(
            (incident.user_id, incident.severity, incident.state),
            (self.user_a, "high", "new"),
        )
        # Once overdue, the deadline stays, even for its owner.
        as_server(incident).write({"deadline": self.today - timedelta(days=1)})
        with self.assertRaises(UserError):
            incident.write({"deadline": self.today + timedelta(days=30)})
        self.assertEqual(incident.deadline, self.today - timedelta(days=1))
        # A manager reassigns it.
        incident.with_user(self.manager).write({"user_id": self.colleague.id})
        self.assertEqual(incident.user_id, self.colleague)

    def test_colleague_cannot_take_over_a_draft(self):
        campaign = self._campaign()
        with self.assertRaises(AccessError):
            campaign.with_user(self.colleague).write({"user_id": self.colleague.id})
        with self.assertRaises(AccessError):
            campaign.with_user(self.colleague).action_cancel()
        self.assertEqual((campaign.user_id, campaign.state), (self.user_a, "draft"))
        content = self.Content.with_user(self.user_a).create({"name": "Draft post"})
        with self.assertRaises(AccessError):
            content.with_user(self.colleague).write({"user_id": self.colleague.id})
        self.assertEqual(content.user_id, self.user_a)

    # ------------------------------------------------------------------
    # 7. Moving records into a company the user does not belong to
    # ------------------------------------------------------------------
    def test_records_not_moved_to_a_foreign_company(self):
        incident = self.Incident.with_user(self.user_a).create(
            {
                "name": "Copycat",
                "brand_id": self.brand.id,
                "deadline": self.today + timedelta(days=3),
            }
        )
        with self.assertRefused():
            incident.write({"company_id": self.company_b.id})
        self.assertEqual(incident.company_id, self.company)
        partner = self.env["res.partner"].create({"name": "Shared customer"})
        layer = (
            self.env["ops.marketing.customer.layer"]
            .with_user(self.manager)
            .create({"partner_id": partner.id, "layer_manual": "important"})
        )
        with self.assertRaises(AccessError):
            layer.write({"company_id": self.company_b.id})
        self.assertEqual(layer.company_id, self.company)
        with self.assertRefused():
            layer.create(
                {
                    "partner_id": partner.id,
                    "company_id": self.company_b.id,
                    "layer_manual": "ordinary",
                }
            )
        self.assertFalse(
            self._count(
                "ops.marketing.customer.layer",
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", self.company_b.id),
                ],
            )
        )
        Channel = self.env["ops.marketing.channel"].with_user(self.manager)
        self._campaign(channel_ids=[Command.set(self.channel_web.ids)])
        with self.assertRaises(UserError):
            Channel.browse(self.channel_web.id).write({"company_id": self.company_b.id})
        unused = Channel.create({"name": "Unused", "code": "RT_UNUSED"})
        with self.assertRaises(AccessError):
            unused.write({"company_id": self.company_b.id})
        self.assertEqual(
            (self.channel_web | unused).company_id, self.company, "nothing moved"
        )
        plan = (
            self.env["ops.brand.plan"]
            .with_user(self.manager)
            .create({"brand_id": self.brand.id, "year": 2031})
        )
        with self.assertRaises(AccessError):
            plan.write({"company_id": self.company_b.id})
        self.assertEqual(plan.company_id, self.company)

    # ------------------------------------------------------------------
    # 10. Another department's manager does not steer the campaign
    # ------------------------------------------------------------------
    def test_other_department_manager_cannot_run_campaign(self):
        campaign = self._running_campaign()
        other = campaign.with_user(self.manager_c)
        for action in ("action_end", "action_cancel", "action_request_change"):
            with self.assertRaises(AccessError):
                getattr(other, action)()
        with self.assertRaises(AccessError):
            other._ops_request_change({"budget": 99999}, "Mine now")
        self.assertEqual((campaign.state, campaign.budget), ("running", 1000))
        # A manager above the department and an executive may.
        self.dept_a.parent_id = self.dept_c
        self.assertIsInstance(other.action_request_change(), dict)
        self.assertIs(campaign.with_user(self.gm).action_end(), True)

    # ------------------------------------------------------------------
    # 11. Names of campaigns the user cannot read
    # ------------------------------------------------------------------
    def test_foreign_campaign_name_not_leaked(self):
        campaign = self._campaign(name="Secret launch", state="running")
        self.assertFalse(
            self.Campaign.with_user(self.user_b).search([("id", "=", campaign.id)])
        )
        Content = self.Content.with_user(self.user_b)
        with self.assertRaises(AccessError):
            Content.create({"name": "Probe", "campaign_id": campaign.id})
        with self.assertRaises(AccessError):
            Content.with_context(default_campaign_id=campaign.id).create(
                {"name": "Probe"}
            )
        own = Content.create({"name": "Own"})
        with self.assertRaises(AccessError):
            own.write({"campaign_id": campaign.id})
        with self.assertRaises(AccessError):
            self.env["ops.marketing.metric.import"].with_user(self.user_b).create(
                {"file": base64.b64encode(b"x"), "campaign_id": campaign.id}
            )
        with self.assertRaises(AccessError):
            self.env["ops.marketing.campaign.change"].with_user(self.user_b).create(
                {
                    "campaign_id": campaign.id,
                    "budget": 1,
                    "date_start": self.today,
                    "date_end": self.today,
                    "reason": "probe",
                }
            )
        self.assertFalse(
            self._count(self.Content._name, [("campaign_id", "=", campaign.id)])
        )
        self.assertFalse(own.sudo().campaign_id)

    # ------------------------------------------------------------------
    # 12. Bad numbers through context defaults, conversions above clicks
    # ------------------------------------------------------------------
    def test_default_numbers_and_conversions_checked(self):
        values = {
            "name": "NaN campaign",
            "brand_id": self.brand.id,
            "date_start": self.today,
            "date_end": self.today,
        }
        Campaign = self.Campaign.with_user(self.user_a)
        for bad in (float("nan"), float("inf"), -1):
            with self.assertRaises(ValidationError):
                Campaign.with_context(default_budget=bad).create(values)
        self.assertFalse(
            self._count(self.Campaign._name, [("name", "=", "NaN campaign")])
        )
        running = self._running_campaign()
        Change = self.env["ops.marketing.campaign.change"].with_user(self.user_a)
        with self.assertRaises(ValidationError):
            Change.with_context(default_budget=float("inf")).create(
                {
                    "campaign_id": running.id,
                    "date_start": running.date_start,
                    "date_end": running.date_end,
                    "reason": "inf",
                }
            )
        Metric = self.Metric.with_user(self.user_a)
        metric = {
            "campaign_id": running.id,
            "channel_id": self.channel_web.id,
            "date": self.today,
        }
        with self.assertRaises(ValidationError):
            Metric.with_context(default_cost=1e20).create(dict(metric))
        with self.assertRaises(ValidationError):
            Metric.create(dict(metric, impressions=100, clicks=5, conversions=6))
        self.assertFalse(running.metric_ids)


@tagged("post_install", "-at_install")
class TestRedTeamFindingsRpc(HttpCase):
    """Findings 2 and 3 over real JSON-RPC, as the red team called them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain = new_test_user(
            cls.env, login="mk_rt_rpc_plain", groups="base.group_user", context=CTX
        )
        cls.user = new_test_user(
            cls.env,
            login="mk_rt_rpc_user",
            groups="ops_base.group_ops_user",
            context=CTX,
        )
        # Someone must be able to review the content.
        new_test_user(
            cls.env,
            login="mk_rt_rpc_reviewer",
            groups="ops_marketing.group_ops_marketing_reviewer",
            context=CTX,
        )
        today = fields.Date.today()
        cls.campaign = as_server(cls.env["ops.marketing.campaign"]).create(
            {
                "name": "RPC approval campaign",
                "brand_id": cls.env["res.brand"].create({"name": "RPC RT"}).id,
                "user_id": cls.user.id,
                "date_start": today,
                "date_end": today,
                "state": "approval",
            }
        )
        cls.channel = cls.env.ref("ops_marketing.channel_website")

    def _refused(self, error, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as catcher:
            self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )
        self.assertEqual(str(catcher.exception), f"odoo.exceptions.{error}")

    def test_rpc_layer_search_and_default_campaign_refused(self):
        self.authenticate("mk_rt_rpc_plain", "mk_rt_rpc_plain")
        self._refused(
            "AccessError",
            "res.partner",
            "search_read",
            [("ops_customer_layer", "=", "potential")],
            ["name"],
        )
        self._refused(
            "AccessError",
            "res.partner",
            "search_count",
            [("ops_churn_risk", "=", True)],
        )
        self.authenticate("mk_rt_rpc_user", "mk_rt_rpc_user")
        self._refused(
            "UserError",
            "ops.marketing.campaign.channel",
            "create",
            [{"channel_id": self.channel.id, "target_impressions": 1000}],
            context={"default_campaign_id": self.campaign.id},
        )
        self.assertFalse(self.campaign.channel_target_ids)

    def test_rpc_links_and_reviewed_files_refused(self):
        utm = self.env["utm.campaign"].create({"name": "RPC foreign UTM"})
        own_utm = self.campaign.utm_campaign_id
        content = as_server(self.env["ops.marketing.content"]).create(
            {
                "name": "RPC poster",
                "user_id": self.user.id,
                "attachment_ids": [
                    Command.create({"name": "poster.txt", "raw": b"reviewed"})
                ],
            }
        )
        content.with_user(self.user).request_validation()
        file = content.attachment_ids
        self.authenticate("mk_rt_rpc_user", "mk_rt_rpc_user")
        self._refused(
            "AccessError",
            "ops.marketing.campaign",
            "write",
            self.campaign.ids,
            {"utm_campaign_id": utm.id},
        )
        self._refused(
            "UserError",
            "ir.attachment",
            "write",
            file.ids,
            {"datas": base64.b64encode(b"forged").decode()},
        )
        self._refused("UserError", "ir.attachment", "unlink", file.ids)
        self.assertEqual(self.campaign.utm_campaign_id, own_utm)
        self.assertEqual(file.raw, b"reviewed")
