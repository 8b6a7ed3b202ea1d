# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared setup of the approval workflow tests: a regulation approved in
two steps (department review by manager A, then final approval by manager B),
asked by a staff member who prefers e-mail notifications."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


class ApprovalCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups="ops_base.group_ops_user", **kw):
            return new_test_user(cls.env, login=login, groups=groups, context=CTX, **kw)

        cls.requester = user("ap_requester", notification_type="email")
        cls.manager_a = user(
            "ap_manager_a", "ops_base.group_ops_manager", notification_type="email"
        )
        cls.manager_b = user("ap_manager_b", "ops_base.group_ops_manager")
        cls.substitute = user("ap_substitute", "ops_base.group_ops_manager")
        cls.colleague = user("ap_colleague", notification_type="email")
        cls.outsider = user("ap_outsider")
        # The suite's default regulation tier asks every manager: replace it
        # by a known two-step chain.
        cls.env.ref("ops_base.tier_definition_regulation_manager").active = False
        model = cls.env["ir.model"]._get("ops.regulation")
        Tier = cls.env["tier.definition"]
        base = {
            "model_id": model.id,
            "company_id": False,
            "review_type": "individual",
            "approve_sequence": True,
            "definition_domain": "[]",
        }
        cls.tier_a = Tier.create(
            dict(
                base,
                name="Department review",
                reviewer_id=cls.manager_a.id,
                sequence=20,
                has_forward=True,
            )
        )
        cls.tier_b = Tier.create(
            dict(base, name="Final approval", reviewer_id=cls.manager_b.id, sequence=10)
        )
        cls.Regulation = cls.env["ops.regulation"].with_user(cls.requester)
        cls.Request = cls.env["ops.approval.request"]
        cls.Event = cls.env["ops.approval.event"]
        cls.company = cls.env.company

    def _new(self, code="AP-1"):
        return self.Regulation.create({"name": f"Rules {code}", "code": code})

    def _submitted(self, code="AP-1"):
        rec = self._new(code)
        rec.request_validation()
        return rec

    def _row(self, rec, user=None):
        Request = self.Request.with_user(user) if user else self.Request.sudo()
        return Request.search([("model", "=", rec._name), ("res_id", "=", rec.id)])

    def _events(self, rec, kind=None):
        domain = [("model", "=", rec._name), ("res_id", "=", rec.id)]
        if kind:
            domain.append(("kind", "=", kind))
        return self.Event.sudo().search(domain)

    def _decide(self, rec, user, decision="validate", comment=None):
        """Decide through the dialog the centre and the form open."""
        rec = rec.with_user(user)
        action = (
            rec.action_ops_approve()
            if decision == "validate"
            else rec.action_ops_reject()
        )
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment} if comment else {})
        )
        return wizard.add_comment()

    def _activities(self, rec, user, xmlid="ops_base.mail_activity_ops_approval"):
        return rec.sudo().activity_ids.filtered(
            lambda a: a.user_id == user and a.activity_type_id == self.env.ref(xmlid)
        )

    def _inbox(self, user, rec):
        return (
            self.env["mail.notification"]
            .sudo()
            .search(
                [
                    ("res_partner_id", "=", user.partner_id.id),
                    ("notification_type", "=", "inbox"),
                    ("mail_message_id.model", "=", rec._name),
                    ("mail_message_id.res_id", "=", rec.id),
                ]
            )
        )

    def _readonly_rule(self):
        """Staff read only their own regulations (managers all), so that
        copying someone is what lets them read one."""
        model = self.env["ir.model"]._get("ops.regulation")
        self.env["ir.rule"].create(
            [
                {
                    "name": "test: own regulations",
                    "model_id": model.id,
                    "groups": [
                        Command.link(self.env.ref("ops_base.group_ops_user").id)
                    ],
                    "domain_force": "[('user_id', '=', user.id)]",
                },
                {
                    "name": "test: managers all regulations",
                    "model_id": model.id,
                    "groups": [
                        Command.link(self.env.ref("ops_base.group_ops_manager").id)
                    ],
                    "domain_force": "[(1, '=', 1)]",
                },
            ]
        )
