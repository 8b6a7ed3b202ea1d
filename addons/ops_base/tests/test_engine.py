# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The approval engine (ops.tier.validation) on a small test model: every
rule is replayed as the user who would try to get round it."""

from odoo_test_helper import FakeModelLoader

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.ops_guard import as_server, is_server

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}


@tagged("post_install", "-at_install")
class TestEngine(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .ops_tier_tester import OpsTierTester

        cls.loader.update_registry((OpsTierTester,))
        cls.env.registry.clear_cache()
        cls.model = cls.env["ir.model"]._get("ops.tier.tester")
        cls.env["ir.model.access"].create(
            {
                "name": "tester",
                "model_id": cls.model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": 1,
                "perm_write": 1,
                "perm_create": 1,
                "perm_unlink": 1,
            }
        )
        # Staff read their own records, managers all of their companies'.
        cls.env["ir.rule"].create(
            [
                {
                    "name": "tester own",
                    "model_id": cls.model.id,
                    "groups": [Command.link(cls.env.ref("base.group_user").id)],
                    "domain_force": "['|', ('user_id', '=', user.id), "
                    "('review_ids.reviewer_ids', 'in', [user.id])]",
                },
                {
                    "name": "tester managers",
                    "model_id": cls.model.id,
                    "groups": [
                        Command.link(cls.env.ref("ops_base.group_ops_manager").id)
                    ],
                    "domain_force": "[(1, '=', 1)]",
                },
                {
                    "name": "tester company",
                    "model_id": cls.model.id,
                    "domain_force": "[('company_id', 'in', company_ids)]",
                },
            ]
        )

        def user(login, groups="ops_base.group_ops_user", **kw):
            return new_test_user(cls.env, login=login, groups=groups, context=CTX, **kw)

        cls.requester = user("eng_requester")
        cls.outsider = user("eng_outsider")
        cls.manager_a = user("eng_manager_a", "ops_base.group_ops_manager")
        cls.manager_b = user("eng_manager_b", "ops_base.group_ops_manager")
        cls.director = user("eng_director", "ops_base.group_ops_manager")
        cls.portal = user("eng_portal", "base.group_portal")
        cls.members = user("eng_m1") | user("eng_m2") | user("eng_m3")
        Department = cls.env["hr.department"]
        cls.top = Department.create({"name": "Operations Centre"})
        cls.dept_a = Department.create({"name": "Product Ops", "parent_id": cls.top.id})
        cls.dept_b = Department.create({"name": "Marketing"})
        for usr, dept in (
            (cls.manager_a, cls.dept_a),
            (cls.manager_b, cls.dept_b),
            (cls.director, cls.top),
            (cls.requester, cls.dept_a),
        ):
            emp = cls.env["hr.employee"].create(
                {"name": usr.name, "user_id": usr.id, "department_id": dept.id}
            )
            if usr != cls.requester:
                dept.manager_id = emp
        cls.board = cls.env["res.groups"].create(
            {"name": "Board (test)", "users": [Command.set(cls.members.ids)]}
        )
        Tier = cls.env["tier.definition"]
        base = {"model_id": cls.model.id, "company_id": False}
        cls.tier_dept = Tier.create(
            dict(
                base,
                name="Department manager",
                review_type="group",
                reviewer_group_id=cls.env.ref("ops_base.group_ops_manager").id,
                ops_department_scope=True,
                definition_domain="[('name', '=like', 'D-%')]",
            )
        )
        cls.tier_board = Tier.create(
            dict(
                base,
                name="Board",
                review_type="group",
                reviewer_group_id=cls.board.id,
                ops_decision_rule="majority",
                definition_domain="[('name', '=like', 'B-%')]",
            )
        )
        Tier.create(
            [
                dict(
                    base,
                    name="Department manager (chain)",
                    review_type="group",
                    reviewer_group_id=cls.env.ref("ops_base.group_ops_manager").id,
                    ops_department_scope=True,
                    sequence=20,
                    approve_sequence=True,
                    definition_domain="[('name', '=like', 'X-%')]",
                ),
                dict(
                    base,
                    name="Any manager (chain)",
                    review_type="group",
                    reviewer_group_id=cls.env.ref("ops_base.group_ops_manager").id,
                    sequence=10,
                    approve_sequence=True,
                    definition_domain="[('name', '=like', 'X-%')]",
                ),
            ]
        )
        Tier.create(
            [
                dict(
                    base,
                    # OCA asks the highest definition sequence first.
                    name="Asked first",
                    review_type="individual",
                    reviewer_id=cls.manager_a.id,
                    sequence=20,
                    approve_sequence=True,
                    definition_domain="[('name', '=like', 'S-%')]",
                ),
                dict(
                    base,
                    name="Asked second",
                    review_type="individual",
                    reviewer_id=cls.manager_b.id,
                    sequence=10,
                    approve_sequence=True,
                    definition_domain="[('name', '=like', 'S-%')]",
                ),
            ]
        )
        cls.Tester = cls.env["ops.tier.tester"].with_user(cls.requester)

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        # The engine caches the names of its models per registry.
        cls.env.registry.clear_cache()
        super().tearDownClass()

    def _new(self, name, **vals):
        return self.Tester.create(dict(vals, name=name, department_id=self.dept_a.id))

    def _submitted(self, name, **vals):
        rec = self._new(name, **vals)
        rec.request_validation()
        return rec

    # State machine -------------------------------------------------------

    def test_create_only_in_initial_state(self):
        count = self.Tester.search_count([])
        with self.assertRaises(UserError):
            self.Tester.create({"name": "D-forged", "state": "approved"})
        # A default sent by the client does not do it either.
        rec = self.Tester.with_context(default_state="approved").create(
            {"name": "D-default"}
        )
        self.assertEqual(rec.state, "draft")
        self.assertEqual(self.Tester.search_count([]), count + 1)

    def test_state_write_refused(self):
        rec = self._new("D-write")
        for ctx in ({}, {"skip_validation_check": True}, {"ops_server": True}):
            with self.assertRaises(UserError):
                rec.with_context(**ctx).write({"state": "approved"})
        self.assertEqual(rec.state, "draft")
        # Rewriting the current state is harmless and allowed (forms resend it).
        rec.write({"state": "draft", "amount": 5})
        self.assertEqual(rec.amount, 5)

    def test_transition_needs_approval_and_declared_move(self):
        rec = self._submitted("D-flow")
        with self.assertRaises(ValidationError):
            rec.action_approve()
        self.assertEqual(rec.state, "draft")
        with self.assertRaises(UserError):
            rec.action_done()  # draft -> done is not a declared move
        rec.with_user(self.manager_a).validate_tier()
        self.assertIs(rec.action_approve(), True)
        self.assertEqual(rec.state, "approved")

    def test_frozen_fields(self):
        rec = self._new("D-frozen", amount=100)
        rec.write({"amount": 120})  # a draft is still the applicant's
        rec.request_validation()
        rec.with_user(self.manager_a).validate_tier()
        rec.action_approve()
        with self.assertRaises(UserError):
            rec.write({"amount": 20_000_000})
        with self.assertRaises(UserError):
            rec.with_context(skip_validation_check=True).write({"amount": 1})
        self.assertEqual(rec.amount, 120)

    def test_server_fields(self):
        rec = self._new("D-server")
        with self.assertRaises(AccessError):
            rec.write({"escalation": 2})
        with self.assertRaises(AccessError):
            rec.with_context(ops_server=True).write({"escalation": 2})
        with self.assertRaises(AccessError):
            self.Tester.create({"name": "D-server-2", "escalation": 3})
        self.assertEqual(rec.escalation, 0)
        as_server(rec).write({"escalation": 2})
        self.assertEqual(rec.escalation, 2)
        self.assertTrue(is_server(rec.sudo()))
        self.assertFalse(is_server(rec.with_context(ops_server="x")))

    # Reviews belong to the engine ------------------------------------------

    def test_client_defaults_do_not_forge_reviews(self):
        rec = self._new("D-defaults")
        Review = self.env["tier.review"].with_user(self.requester)
        with self.assertRaises(AccessError):
            Review.with_context(default_model=rec._name).create(
                {"res_id": rec.id, "status": "approved"}
            )
        with self.assertRaises(AccessError):
            rec.with_context(default_model=rec._name).write(
                {"review_ids": [Command.create({"status": "approved"})]}
            )
        # A default sent with the request does not reach the created steps.
        rec.with_context(default_status="approved").request_validation()
        self.assertTrue(rec.review_ids)
        self.assertNotIn("approved", rec.review_ids.mapped("status"))
        self.assertNotEqual(rec.validation_status, "validated")

    def test_reviews_of_other_models_cannot_be_repointed(self):
        rec = self._new("D-repoint")
        foreign = (
            self.env["tier.review"]
            .with_user(self.requester)
            .create({"model": "res.partner", "res_id": rec.id, "status": "approved"})
        )
        with self.assertRaises(AccessError):
            foreign.write({"model": rec._name})
        self.assertFalse(rec.review_ids)

    def test_server_fields_refuse_client_defaults(self):
        with self.assertRaises(AccessError):
            self.Tester.with_context(default_escalation=4).create({"name": "D-def"})

    def test_reviews_cannot_be_forged(self):
        rec = self._submitted("D-forge")
        review = rec.review_ids
        Review = self.env["tier.review"].with_user(self.requester)
        with self.assertRaises(AccessError):
            Review.create(
                {
                    "model": rec._name,
                    "res_id": rec.id,
                    "definition_id": self.tier_dept.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(AccessError):
            review.with_user(self.requester).unlink()
        with self.assertRaises(AccessError):
            review.with_user(self.requester).write({"status": "approved"})
        other = self._submitted("D-other")
        with self.assertRaises(AccessError):
            other.review_ids.with_user(self.requester).write({"res_id": rec.id})
        # Not even the reviewer approves by writing the review.
        with self.assertRaises(AccessError):
            review.with_user(self.manager_a).write({"status": "approved"})
        self.assertEqual(review.status, "pending")
        self.assertEqual(rec.validation_status, "pending")
        self.assertEqual(len(rec.review_ids), 1)

    def test_reviews_visible_only_with_the_record(self):
        rec = self._submitted("D-visible")
        Review = self.env["tier.review"]
        domain = [("model", "=", rec._name), ("res_id", "=", rec.id)]
        self.assertEqual(
            Review.with_user(self.requester).search(domain), rec.review_ids
        )
        self.assertEqual(Review.with_user(self.manager_a).search_count(domain), 1)
        self.assertFalse(Review.with_user(self.outsider).search(domain))
        with self.assertRaises(AccessError):
            rec.review_ids.with_user(self.outsider).read(["status"])
        self.assertFalse(Review.with_user(self.portal).search(domain))
        with self.assertRaises(AccessError):
            rec.review_ids.with_user(self.portal).read(["status"])

    def test_votes_visible_only_with_the_record(self):
        rec = self._submitted("B-secret")
        rec.with_user(self.members[0]).validate_tier()
        Vote = self.env["ops.tier.vote"]
        self.assertTrue(Vote.with_user(self.members[1]).search([]))
        self.assertFalse(Vote.with_user(self.outsider).search([]))
        with self.assertRaises(AccessError):
            rec.review_ids.ops_vote_ids.with_user(self.outsider).read(["decision"])

    # Segregation of duties -------------------------------------------------

    def test_no_self_approval(self):
        rec = self._new("D-self")
        rec.with_user(self.manager_a).write({"user_id": self.manager_a.id})
        rec = rec.with_user(self.manager_a)
        rec.request_validation()
        self.assertNotIn(self.manager_a, rec.review_ids.reviewer_ids)
        self.assertEqual(rec.review_ids.reviewer_ids, self.director)
        with self.assertRaises(UserError):
            rec.validate_tier()
        self.assertEqual(rec.validation_status, "pending")

    def test_department_manager_or_above(self):
        rec = self._submitted("D-dept")
        self.assertEqual(rec.review_ids.reviewer_ids, self.manager_a | self.director)
        with self.assertRaises(UserError):
            rec.with_user(self.manager_b).validate_tier()
        rec.with_user(self.director).validate_tier()
        self.assertEqual(rec.validation_status, "validated")

    def test_no_department_is_the_requesters(self):
        rec = self.Tester.create({"name": "D-nodept"})
        self.assertFalse(rec.department_id)
        rec.request_validation()
        self.assertEqual(rec.review_ids.reviewer_ids, self.manager_a | self.director)

    def test_department_is_not_a_free_choice(self):
        with self.assertRaises(UserError):
            self.Tester.create({"name": "D-pick", "department_id": self.dept_b.id})
        rec = self._new("D-pick-2")
        with self.assertRaises(UserError):
            rec.write({"department_id": self.dept_b.id})
        self.assertEqual(rec.department_id, self.dept_a)

    def test_one_person_one_step(self):
        rec = self._submitted("X-chain")
        as_director = rec.with_user(self.director)
        as_director.validate_tier()
        self.assertEqual(
            rec.review_ids.filtered(lambda r: r.status == "approved").done_by,
            self.director,
        )
        # The second step has other reviewers: the director leaves it to them.
        with self.assertRaises(UserError):
            as_director.validate_tier()
        rec.with_user(self.manager_b).validate_tier()
        self.assertEqual(rec.validation_status, "validated")

    def test_no_move_into_a_foreign_company(self):
        other = self.env["res.company"].create({"name": "Foreign Co (engine)"})
        rec = self._new("D-move")
        with self.assertRaises(AccessError):
            rec.write({"company_id": other.id})
        self.assertEqual(rec.company_id, self.env.company)

    def test_nobody_to_approve_is_refused(self):
        rec = self._new("D-orphan")
        rec.sudo().department_id = self.dept_b
        self.manager_b.active = False
        with self.assertRaises(UserError):
            rec.request_validation()

    def test_group_reviewers_within_company(self):
        other = self.env["res.company"].create({"name": "Second Co (engine)"})
        self.members[0].write(
            {"company_ids": [Command.set(other.ids)], "company_id": other.id}
        )
        rec = self._submitted("B-company")
        self.assertEqual(rec.review_ids.reviewer_ids, self.members[1:])

    def test_sequence_and_foreign_reviews_through_comment_wizard(self):
        rec = self._submitted("S-seq")
        other = self._submitted("S-other")
        second = rec.review_ids.filtered(lambda r: r.reviewer_ids == self.manager_b)
        Wizard = self.env["comment.wizard"].with_user(self.manager_b)
        wizard = Wizard.create(
            {
                "res_model": rec._name,
                "res_id": rec.id,
                "review_ids": [Command.set(second.ids)],
                "validate_reject": "validate",
                "comment": "jumping the queue",
            }
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        self.assertEqual(second.status, "waiting")
        # Reviews of another record do not decide this one, nor the other.
        other_first = other.review_ids.filtered(
            lambda r: r.reviewer_ids == self.manager_a
        )
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.manager_a)
            .create(
                {
                    "res_model": rec._name,
                    "res_id": rec.id,
                    "review_ids": [Command.set(other_first.ids)],
                    "validate_reject": "validate",
                    "comment": "wrong record",
                }
            )
        )
        wizard.add_comment()
        self.assertNotIn("approved", other.review_ids.mapped("status"))
        self.assertNotIn("approved", rec.review_ids.mapped("status"))

    # Collective bodies -------------------------------------------------------

    def test_majority_approves(self):
        rec = self._submitted("B-majority")
        m1, m2, m3 = self.members
        rec.with_user(m1).validate_tier()
        self.assertEqual(rec.validation_status, "pending")
        with self.assertRaises(UserError):
            rec.with_user(m1).validate_tier()  # one vote per member
        rec.with_user(m2).validate_tier()
        self.assertEqual(rec.validation_status, "validated")
        review = rec.review_ids
        self.assertEqual(len(review.ops_vote_ids), 2)
        self.assertIn(m1.name, review.ops_minutes)
        self.assertIn(m2.name, review.ops_minutes)

    def test_majority_rejects_when_out_of_reach(self):
        rec = self._submitted("B-reject")
        m1, m2, m3 = self.members
        rec.with_user(m1).reject_tier()
        self.assertEqual(rec.validation_status, "pending")
        rec.with_user(m2).validate_tier()
        self.assertEqual(rec.validation_status, "pending")
        rec.with_user(m3).reject_tier()
        self.assertEqual(rec.validation_status, "rejected")

    # Restart -----------------------------------------------------------------

    def test_restart_before_and_after_decisions(self):
        rec = self._submitted("S-restart")
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).restart_validation()
        self.assertIs(rec.restart_validation(), True)
        self.assertFalse(rec.review_ids)
        rec.request_validation()
        rec.with_user(self.manager_a).validate_tier()
        with self.assertRaises(AccessError):
            rec.restart_validation()
        self.assertEqual(len(rec.review_ids), 2)
        rec.with_user(self.manager_b).restart_validation()
        self.assertFalse(rec.review_ids)

    def test_actions_return_marshallable_values(self):
        rec = self._submitted("D-rpc")
        self.assertIs(rec.with_user(self.manager_a).validate_tier(), True)

    @mute_logger("odoo.models.unlink")
    def test_unlink_draft_with_reviews(self):
        rec = self._submitted("D-unlink")
        rec.restart_validation()
        rec.unlink()
        self.assertFalse(rec.exists())
