# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engine's rules over real HTTP, as the external API and the mobile app
call them: JSON-RPC (``/web/dataset/call_kw``) and XML-RPC."""

from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


@tagged("post_install", "-at_install")
class TestRpcBypass(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, login="rpc_ops_user", groups="ops_base.group_ops_user", context=CTX
        )
        cls.manager = new_test_user(
            cls.env,
            login="rpc_ops_manager",
            groups="ops_base.group_ops_manager",
            context=CTX,
        )
        cls.portal = new_test_user(
            cls.env, login="rpc_portal", groups="base.group_portal", context=CTX
        )
        cls.regulation = (
            cls.env["ops.regulation"]
            .with_user(cls.user)
            .create({"name": "Data access rules", "code": "RPC-1"})
        )
        cls.regulation.request_validation()

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        )

    @mute_logger("odoo.http")
    def test_json_rpc_cannot_skip_the_approval(self):
        self.authenticate("rpc_ops_user", "rpc_ops_user")
        before = self.env["ops.regulation"].search_count([])
        with self.assertRaises(JsonRpcException):
            self._call(
                "ops.regulation",
                "create",
                [{"name": "Forged", "code": "RPC-2", "state": "effective"}],
            )
        with self.assertRaises(JsonRpcException):
            self._call(
                "ops.regulation",
                "write",
                [[self.regulation.id], {"state": "effective"}],
                {"context": {"skip_validation_check": True, "ops_server": True}},
            )
        review = self.regulation.review_ids
        with self.assertRaises(JsonRpcException):
            self._call("tier.review", "write", [review.ids, {"status": "approved"}])
        with self.assertRaises(JsonRpcException):
            self._call("tier.review", "unlink", [review.ids])
        with self.assertRaises(JsonRpcException):
            self._call(
                "tier.review",
                "create",
                [
                    {
                        "model": "ops.regulation",
                        "res_id": self.regulation.id,
                        "definition_id": review.definition_id.id,
                        "status": "approved",
                    }
                ],
            )
        with self.assertRaises(JsonRpcException):
            self._call("ops.regulation", "validate_tier", [[self.regulation.id]])
        self.regulation.invalidate_recordset()
        self.assertEqual(self.env["ops.regulation"].search_count([]), before)
        self.assertEqual(self.regulation.state, "draft")
        self.assertEqual(self.regulation.review_ids, review)
        self.assertEqual(review.status, "pending")

    def test_portal_sees_no_review(self):
        self.authenticate("rpc_portal", "rpc_portal")
        found = self._call(
            "tier.review",
            "search_read",
            [[("model", "=", "ops.regulation")]],
            {"fields": ["status"]},
        )
        self.assertEqual(found, [])

    def test_xml_rpc_decision_marshals(self):
        uid = self.manager.id
        result = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            uid,
            "rpc_ops_manager",
            "ops.regulation",
            "validate_tier",
            [[self.regulation.id]],
        )
        self.assertIs(result, True)
        self.assertEqual(self.regulation.validation_status, "validated")
        with self.assertRaises(Fault), mute_logger("odoo.http"):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                self.user.id,
                "rpc_ops_user",
                "ops.regulation",
                "write",
                [[self.regulation.id], {"name": "Renamed after approval"}],
            )
        self.assertEqual(self.regulation.name, "Data access rules")
