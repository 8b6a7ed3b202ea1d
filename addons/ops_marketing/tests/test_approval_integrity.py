# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each way around a marketing approval, replayed as the user who would try it.

Every call is one a logged-in user can make over XML-RPC/JSON-RPC; each must
end in a clean AccessError/UserError/ValidationError with nothing stored.
"""

from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import CTX, MarketingCase, new_test_user

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestApprovalIntegrity(MarketingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Same department as user A (sees A's campaigns), not their owner.
        cls.user_a2 = new_test_user(
            cls.env, login="mk_user_a2", groups="ops_base.group_ops_user", context=CTX
        )
        cls.env["hr.employee"].create(
            {"name": "A2", "user_id": cls.user_a2.id, "department_id": cls.dept_a.id}
        )
        cls.plain = new_test_user(
            cls.env, login="mk_plain", groups="base.group_user", context=CTX
        )

    @contextmanager
    def assertRefused(self):
        """Any clean refusal: which one depends on where the rule lives."""
        with self.assertRaises(Exception) as catcher:
            yield
        self.assertIsInstance(catcher.exception, REFUSED)

    # ------------------------------------------------------------------
    # Campaign states
    # ------------------------------------------------------------------
    def test_campaign_cannot_be_created_running(self):
        Campaign = self.Campaign.with_user(self.user_a)
        for state in ("approval", "running", "ended", "evaluated"):
            with self.assertRaises(UserError):
                Campaign.create(
                    {
                        "name": "Forged",
                        "brand_id": self.brand.id,
                        "date_start": self.today,
                        "date_end": self.today,
                        "state": state,
                    }
                )
        # A default sent by the client does not set the state either.
        campaign = Campaign.with_context(default_state="running").create(
            {
                "name": "Defaulted",
                "brand_id": self.brand.id,
                "date_start": self.today,
                "date_end": self.today,
            }
        )
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(self.Campaign.search([("name", "=", "Forged")]))
        with self.assertRaises(AccessError):
            self.Campaign.with_user(self.plain).create(
                {
                    "name": "Forged",
                    "brand_id": self.brand.id,
                    "date_start": self.today,
                    "date_end": self.today,
                }
            )

    def test_campaign_state_not_writable(self):
        campaign = self._campaign()
        forged = dict(ops_server=True, skip_validation_check=True)
        for user in (self.user_a, self.manager, self.gm):
            for ctx in ({}, forged):
                with self.assertRaises(UserError):
                    campaign.with_user(user).with_context(**ctx).write(
                        {"state": "running"}
                    )
        self.assertEqual(campaign.state, "draft")
        campaign.action_request_approval()
        with self.assertRaises(UserError):
            campaign.with_user(self.manager).write({"state": "running"})
        # Approved but not launched: launching is an action, not a write.
        campaign.with_user(self.manager).validate_tier()
        with self.assertRaises(UserError):
            campaign.write({"state": "running"})
        self.assertEqual(campaign.state, "approval")

    def test_running_campaign_values_frozen_metrics_open(self):
        campaign = self._running_campaign(budget=50000)
        self.assertEqual(campaign.state, "running")
        frozen = {
            "budget": 500000,
            "date_end": self.today + timedelta(days=90),
            "date_start": self.today - timedelta(days=30),
            "brand_id": self.env["res.brand"].create({"name": "Other"}).id,
            "target_revenue": 1,
            "channel_ids": [(6, 0, self.channel_web.ids)],
        }
        for user in (self.user_a, self.manager, self.gm):
            for field, value in frozen.items():
                with self.assertRaises(UserError, msg=f"{field} by {user.login}"):
                    campaign.with_user(user).write({field: value})
        self.assertEqual(campaign.budget, 50000)
        # The refusal tells the user the way that exists.
        with self.assertRaises(UserError) as refusal:
            campaign.with_user(self.user_a).write({"budget": 60000})
        self.assertIn("Request Budget Change", str(refusal.exception))
        with self.assertRaises(UserError):
            self.env["ops.marketing.campaign.channel"].with_user(self.user_a).create(
                {"campaign_id": campaign.id, "channel_id": self.channel_web.id}
            )
        # Daily results, participants and the plan's text stay editable.
        metric = (
            self.env["ops.marketing.metric"]
            .with_user(self.user_a)
            .create(
                {
                    "campaign_id": campaign.id,
                    "channel_id": self.channel_web.id,
                    "date": self.today,
                    "impressions": 100,
                    "clicks": 5,
                }
            )
        )
        metric.with_user(self.user_a).write({"impressions": 120})
        campaign.with_user(self.user_a).write(
            {"participant_ids": [(4, self.user_a2.id)], "description": "<p>v2</p>"}
        )
        self.assertEqual(campaign.impressions, 120)

    def test_budget_change_goes_back_through_approval(self):
        campaign = self._running_campaign(budget=50000)
        action = campaign.with_user(self.user_a).action_request_change()
        self.assertEqual(action["res_model"], "ops.marketing.campaign.change")
        Change = self.env["ops.marketing.campaign.change"].with_user(self.user_a)
        no_reason = Change.create(
            {
                "campaign_id": campaign.id,
                "budget": 150000,
                "date_start": campaign.date_start,
                "date_end": campaign.date_end,
                "reason": " ",
            }
        )
        with self.assertRaises(UserError):
            no_reason.action_confirm()
        # Another member of the department may read it, not change it.
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_a2)._ops_request_change(
                {"budget": 150000}, "More reach"
            )
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_b)._ops_request_change(
                {"budget": 150000}, "More reach"
            )
        self.assertEqual((campaign.state, campaign.budget), ("running", 50000))
        change = Change.create(
            {
                "campaign_id": campaign.id,
                "budget": 150000,
                "date_start": campaign.date_start,
                "date_end": campaign.date_end,
                "reason": "A second wave of ads",
            }
        )
        result = change.action_confirm()
        self.assertIsInstance(result, dict)
        self.assertEqual(campaign.state, "approval")
        self.assertEqual(campaign.budget, 150000)
        self.assertEqual(campaign.validation_status, "pending")
        self.assertIn(
            "A second wave of ads",
            "".join(campaign.message_ids.mapped("body")),
        )
        # Now above the threshold: the general manager decides too.
        campaign.with_user(self.manager).validate_tier()
        with self.assertRaises(UserError):
            campaign.action_start()
        campaign.with_user(self.gm).validate_tier()
        campaign.with_user(self.user_a).action_start()
        self.assertEqual(campaign.state, "running")

    def test_only_owner_or_manager_runs_the_workflow(self):
        campaign = self._campaign()
        for method in ("action_request_approval", "action_cancel"):
            with self.assertRaises(AccessError):
                getattr(campaign.with_user(self.user_a2), method)()
            with self.assertRaises(AccessError):
                getattr(campaign.with_user(self.user_b), method)()
            with self.assertRaises(AccessError):
                getattr(campaign.with_user(self.plain), method)()
        self.assertEqual(campaign.state, "draft")
        campaign.with_user(self.user_a).action_request_approval()
        campaign.with_user(self.manager).validate_tier()
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_a2).action_start()
        self.assertEqual(campaign.state, "approval")
        self.assertIs(campaign.with_user(self.manager).action_start(), True)
        for method in ("action_end", "action_cancel", "action_request_change"):
            with self.assertRaises(AccessError):
                getattr(campaign.with_user(self.user_a2), method)()
        self.assertEqual(campaign.state, "running")
        # Not even a manager deletes an approved campaign: it is cancelled.
        with self.assertRaises(UserError):
            campaign.with_user(self.manager).unlink()
        self.assertTrue(campaign.exists())

    def test_nobody_approves_own_campaign(self):
        campaign = self._campaign(user=self.manager, name="Manager's own")
        campaign.with_user(self.manager).action_request_approval()
        self.assertNotIn(self.manager, campaign.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            campaign.with_user(self.manager).validate_tier()
        self.assertEqual(campaign.validation_status, "pending")
        with self.assertRaises(UserError):
            campaign.with_user(self.manager).action_start()

    def test_campaign_tier_asks_the_department_manager(self):
        other_manager = new_test_user(
            self.env, login="mk_mgr2", groups="ops_base.group_ops_manager", context=CTX
        )
        campaign = self._campaign()
        campaign.action_request_approval()
        self.assertIn(self.manager, campaign.review_ids.reviewer_ids)
        self.assertNotIn(other_manager, campaign.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            campaign.with_user(other_manager).validate_tier()
        self.assertEqual(campaign.validation_status, "pending")

    def test_reviews_cannot_be_forged(self):
        campaign = self._campaign()
        campaign.action_request_approval()
        review = campaign.review_ids
        with self.assertRefused():
            review.with_user(self.user_a).unlink()
        with self.assertRefused():
            review.with_user(self.user_a).write({"status": "approved"})
        with self.assertRefused():
            self.env["tier.review"].with_user(self.user_a).create(
                {
                    "model": campaign._name,
                    "res_id": campaign.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertEqual(campaign.review_ids, review)
        self.assertEqual(campaign.validation_status, "pending")

    def test_server_fields_and_closed_evaluation(self):
        campaign = self._campaign()
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_a).write({"eval_cost": 1})
        with self.assertRaises(AccessError):
            campaign.with_user(self.manager).write({"evaluation_date": self.today})
        with self.assertRaises(AccessError):
            self._campaign(name="Forged reminder", last_reminder_date=self.today)
        self.assertFalse(self.Campaign.search([("name", "=", "Forged reminder")]))
        evaluated = self._campaign(
            name="Closed",
            state="evaluated",
            evaluation_summary="<p>Done</p>",
            date_start=self.today - timedelta(days=30),
            date_end=self.today - timedelta(days=20),
        )
        with self.assertRaises(UserError):
            evaluated.with_user(self.user_a).write(
                {"evaluation_summary": "<p>Rewritten</p>"}
            )
        self.assertIn("Done", evaluated.evaluation_summary)

    def test_actions_return_marshallable_values(self):
        campaign = self._campaign()
        as_a = campaign.with_user(self.user_a)
        self.assertIs(as_a.action_request_approval(), True)
        self.assertIs(as_a.action_draft(), True)
        self.assertIs(as_a.action_cancel(), True)
        self.assertIs(as_a.action_draft(), True)
        running = self._running_campaign(name="To end")
        self.assertIs(running.with_user(self.user_a).action_end(), True)
        running.write(
            {"evaluation_summary": "<p>S</p>", "evaluation_lessons": "<p>L</p>"}
        )
        self.assertIs(running.with_user(self.user_a).action_evaluate(), True)

    # ------------------------------------------------------------------
    # Publicity content
    # ------------------------------------------------------------------
    def _content(self, user=None):
        return (
            self.env["ops.marketing.content"]
            .with_user(user or self.user_a)
            .create(
                {
                    "name": "Press release",
                    "channel_id": self.channel_web.id,
                    "body": "<p>Reviewed text</p>",
                }
            )
        )

    def test_content_publication_needs_review_and_a_publisher(self):
        Content = self.env["ops.marketing.content"].with_user(self.user_a)
        with self.assertRaises(UserError):
            Content.create({"name": "Forged", "state": "published"})
        self.assertFalse(Content.search([("name", "=", "Forged")]))
        content = self._content()
        with self.assertRaises(UserError):
            content.write({"state": "published"})
        with self.assertRaises(AccessError):
            content.write({"publish_date": self.today})
        content.request_validation()
        content.with_user(self.reviewer).validate_tier()
        # Approved text cannot be swapped before publication...
        with self.assertRefused():
            content.write({"body": "<p>Something else</p>"})
        # ...and a colleague who is not the author cannot publish it.
        with self.assertRaises(AccessError):
            content.with_user(self.user_a2).action_publish()
        with self.assertRaises(AccessError):
            content.with_user(self.user_b).action_publish()
        self.assertEqual(content.state, "draft")
        self.assertIs(content.action_publish(), True)
        self.assertEqual(content.state, "published")
        with self.assertRaises(UserError):
            content.write({"body": "<p>Edited after release</p>"})
        self.assertIn("Reviewed text", content.body)
        with self.assertRaises(UserError):
            content.with_user(self.manager).unlink()
        # Withdrawing published content is planning & promotion's decision.
        with self.assertRaises(AccessError):
            content.action_cancel()
        self.assertIs(content.with_user(self.reviewer).action_cancel(), True)
        self.assertEqual(content.state, "cancel")

    # ------------------------------------------------------------------
    # Brand incidents and plans
    # ------------------------------------------------------------------
    def test_incident_status_by_owner_or_manager_only(self):
        Incident = self.env["ops.brand.incident"].with_user(self.user_b)
        with self.assertRaises(UserError):
            Incident.create(
                {
                    "name": "Forged",
                    "brand_id": self.brand.id,
                    "deadline": self.today,
                    "state": "resolved",
                }
            )
        incident = Incident.create(
            {"name": "Fake shop", "brand_id": self.brand.id, "deadline": self.today}
        )
        with self.assertRaises(UserError):
            incident.write({"state": "resolved"})
        with self.assertRaises(AccessError):
            incident.write({"escalated_date": self.today})
        with self.assertRaises(AccessError):
            incident.with_user(self.user_a).action_resolve()
        with self.assertRaises(AccessError):
            incident.with_user(self.plain).action_resolve()
        self.assertEqual(incident.state, "new")
        self.assertIs(incident.action_start(), True)
        self.assertIs(incident.with_user(self.manager).action_resolve(), True)
        self.assertEqual(incident.state, "resolved")
        with self.assertRaises(UserError):
            incident.with_user(self.manager).action_cancel()

    def test_plan_status_by_managers_only(self):
        Plan = self.env["ops.brand.plan"].with_user(self.manager)
        with self.assertRaises(UserError):
            Plan.create({"brand_id": self.brand.id, "year": 2031, "state": "active"})
        plan = Plan.create({"brand_id": self.brand.id, "year": 2031})
        with self.assertRaises(UserError):
            plan.write({"state": "closed"})
        with self.assertRefused():
            plan.with_user(self.user_a).action_activate()
        self.assertEqual(plan.state, "draft")
        self.assertIs(plan.action_activate(), True)
        self.assertIs(plan.action_close(), True)
        self.assertEqual(plan.state, "closed")

    # ------------------------------------------------------------------
    # Customer layers
    # ------------------------------------------------------------------
    def test_layers_updated_and_computed_by_the_server_only(self):
        partner = self.env["res.partner"].create({"name": "Layered"})
        Layer = self.env["ops.marketing.customer.layer"]
        for user in (self.user_a, self.plain):
            with self.assertRaises(AccessError):
                Layer.with_user(user).action_ops_update_layers()
            with self.assertRaises(AccessError):
                partner.with_user(user).action_ops_update_layers()
        layer = Layer.with_user(self.manager).create(
            {"partner_id": partner.id, "layer_manual": "important"}
        )
        with self.assertRaises(AccessError):
            layer.with_user(self.manager).write({"revenue_12m": 10**6})
        with self.assertRaises(AccessError):
            layer.with_user(self.manager).write({"layer_auto": "important"})
        with self.assertRaises(AccessError):
            layer.with_user(self.user_a).write({"layer_manual": "ordinary"})
        self.assertEqual(layer.layer, "important")
        with trap_jobs() as trap:
            action = Layer.with_user(self.manager).action_ops_update_layers()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertEqual(layer.layer, "important", "a manual layer stays")
        self.assertTrue(
            self.env["mail.message"].search(
                [
                    ("partner_ids", "in", self.manager.partner_id.ids),
                    ("body", "ilike", "Done:"),
                ]
            ),
            "the manager is told the work is done",
        )


@tagged("post_install", "-at_install")
class TestApprovalIntegrityRpc(HttpCase):
    """The same refusals over real JSON-RPC, as the web client or a script
    of a logged-in user would call them, forged context keys included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, login="mk_rpc_user", groups="ops_base.group_ops_user", context=CTX
        )
        cls.brand = cls.env["res.brand"].create({"name": "RPC brand"})
        today = fields.Date.today()
        cls.campaign = (
            cls.env["ops.marketing.campaign"]
            .with_user(cls.user)
            .create(
                {
                    "name": "RPC campaign",
                    "brand_id": cls.brand.id,
                    "date_start": today,
                    "date_end": today,
                    "budget": 1000,
                }
            )
        )
        cls.forged = {"ops_server": True, "skip_validation_check": True}

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _refused(self, error, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as catcher:
            self._call(model, method, *args, **kwargs)
        self.assertEqual(str(catcher.exception), f"odoo.exceptions.{error}")

    def test_rpc_state_budget_and_layers_refused(self):
        self.authenticate("mk_rpc_user", "mk_rpc_user")
        model = "ops.marketing.campaign"
        ids = self.campaign.ids
        self._refused(
            "UserError",
            model,
            "write",
            ids,
            {"state": "running"},
            context=self.forged,
        )
        self._refused(
            "UserError",
            model,
            "create",
            [
                {
                    "name": "RPC forged",
                    "brand_id": self.brand.id,
                    "date_start": "2030-01-01",
                    "date_end": "2030-01-02",
                    "state": "running",
                }
            ],
            context=self.forged,
        )
        self._refused("ValidationError", model, "write", ids, {"budget": 1e300})
        self.assertIs(self._call(model, "action_request_approval", ids), True)
        self._refused("UserError", model, "write", ids, {"budget": 10**6})
        self._refused(
            "AccessError",
            "ops.marketing.customer.layer",
            "action_ops_update_layers",
        )
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.state, "approval")
        self.assertEqual(self.campaign.budget, 1000)
        self.assertFalse(
            self.env["ops.marketing.campaign"].search([("name", "=", "RPC forged")])
        )
