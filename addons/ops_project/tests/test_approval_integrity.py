# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every bypass of the initiation, change, launch and phase rules, tried as
the low-privilege user who would try it (the same calls the web client and
the external API make), refused cleanly, with nothing stored."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import CTX, OpsProjectCase
from .test_project import SIGNATURE


@tagged("post_install", "-at_install")
class TestApprovalIntegrity(OpsProjectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Project = cls.env["project.project"]
        cls.Change = cls.env["ops.project.change"]
        cls.Risk = cls.env["ops.project.risk"]
        cls.phase = {
            name: cls.env.ref(f"ops_project.stage_phase_{name}")
            for name in ("research", "design", "development", "launch", "operation")
        }
        cls.category = cls.env.ref("ops_project.risk_category_contract")
        # A colleague of the applicant: same department, no role on the file.
        cls.colleague_a = new_test_user(
            cls.env,
            login="t_op_colleague_a",
            groups="ops_base.group_ops_user",
            context=CTX,
        )
        cls.env["hr.employee"].create(
            {
                "name": "Colleague A",
                "user_id": cls.colleague_a.id,
                "department_id": cls.dept_a.id,
            }
        )

    def _investment(self, amount, **vals):
        return self._proposal(
            "investment", investment_amount=amount, **self._investment_docs(), **vals
        )

    def _approved_investment(self, amount):
        proposal = self._investment(amount)
        proposal.request_validation()
        self._approve(proposal, self.investor)
        self._approve(proposal, self.leader)
        final = {"gm": self.gm, "gm_office": self.office, "board": self.board}
        self._approve(proposal, final[proposal.final_authority])
        self.assertEqual(proposal.state, "approved")
        return proposal

    def _change(self, project, user=None, **vals):
        values = {
            "name": "Extra export",
            "project_id": project.id,
            "description": "<p>Monthly PDF</p>",
            "cost_impact": 15000,
            "schedule_impact_days": 10,
        }
        values.update(vals)
        return self.Change.with_user(user or self.staff_a).create(values)

    # Proposals: the state moves only through the approval ------------------

    def test_create_in_a_later_state_is_refused(self):
        before = self.Proposal.search_count([])
        for state in ("under_review", "approved", "project", "reserve"):
            with self.subTest(state=state), self.assertRaises(UserError):
                self._proposal(state=state)
        self.assertEqual(self.Proposal.search_count([]), before, "nothing stored")
        # A default sent by the client does not set it either.
        proposal = (
            self.Proposal.with_user(self.staff_a)
            .with_context(default_state="approved")
            .create({"name": "Default", "kind": "standard"})
        )
        self.assertEqual(proposal.state, "draft")

    def test_state_write_is_refused(self):
        proposal = self._proposal()
        for user in (self.staff_a, self.manager_a):
            for ctx in ({}, {"skip_validation_check": True}):
                with self.subTest(user=user.login, ctx=ctx):
                    with self.assertRaises(UserError):
                        proposal.with_user(user).with_context(**ctx).write(
                            {"state": "approved"}
                        )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.review_ids)

    def test_reviews_cannot_be_forged_through_the_record(self):
        proposal = self._proposal()
        proposal.request_validation()
        review = proposal.review_ids
        as_staff = proposal.with_user(self.staff_a)
        for commands in (
            [Command.delete(review.id)],
            [Command.update(review.id, {"status": "approved"})],
            [
                Command.create(
                    {
                        "model": proposal._name,
                        "status": "approved",
                        "definition_id": review.definition_id.id,
                    }
                )
            ],
        ):
            with self.subTest(commands=commands), self.assertRaises(UserError):
                as_staff.write({"review_ids": commands})
        proposal.invalidate_recordset()
        self.assertEqual(proposal.review_ids, review)
        self.assertEqual(review.status, "pending")
        self.assertEqual(proposal.state, "under_review")

    def test_rejected_proposal_never_becomes_a_project(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self._reject(proposal, self.sales, "No control over the technology")
        self.assertEqual(proposal.state, "rejected")
        for user in (self.staff_a, self.manager_a):
            with self.assertRaises(UserError):
                proposal.with_user(user).write({"state": "approved"})
            with self.assertRaises(UserError):
                proposal.with_user(user).action_create_project()
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "rejected")
        self.assertFalse(proposal.project_id)
        self.assertFalse(self.Project.search([("ops_proposal_id", "=", proposal.id)]))

    def test_server_fields_are_not_written_by_hand(self):
        proposal = self._proposal()
        project = self._approved_project()
        for vals in (
            {"submitted_on": date(2020, 1, 1)},
            {"answered_on": date(2020, 1, 1)},
            {"reserve_reason": "Filed"},
            {"decision_minutes": "Approved by everybody"},
            {"project_id": project.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                proposal.with_user(self.staff_a).write(vals)
        proposal.invalidate_recordset()
        self.assertFalse(proposal.submitted_on or proposal.project_id)
        self.assertFalse(proposal.decision_minutes)

    # Approved means frozen -------------------------------------------------

    def test_approved_investment_is_frozen(self):
        proposal = self._approved_investment(900000)
        self.assertEqual(proposal.final_authority, "gm")
        for user in (self.staff_a, self.manager_a):
            for vals in (
                {"investment_amount": 20000000},
                {"kind": "standard"},
                {"contract_amount": 1},
                {"leader_in_charge_id": self.staff_b.id},
                {"department_id": self.dept_b.id},
                {"partner_id": self.env.ref("base.res_partner_2").id},
            ):
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaises(UserError):
                        proposal.with_user(user).with_context(
                            skip_validation_check=True
                        ).write(vals)
        proposal.invalidate_recordset()
        self.assertEqual(proposal.investment_amount, 900000)
        self.assertEqual(proposal.kind, "investment")
        self.assertEqual(proposal.final_authority, "gm")
        self.assertEqual(proposal.department_id, self.dept_a)

    def test_reopened_proposal_is_approved_again(self):
        """The way to change an answered proposal: reopen it to draft (by the
        applicant), edit, and submit it to approval again."""
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        self._reject(proposal, self.gm, "Too expensive")
        with self.assertRaises(AccessError):
            proposal.with_user(self.colleague_a).action_draft()
        self.assertIs(proposal.with_user(self.staff_a).action_draft(), True)
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.review_ids)
        proposal.with_user(self.staff_a).write({"contract_amount": 80000})
        proposal.request_validation()
        self.assertEqual(proposal.state, "under_review")
        self.assertEqual(len(proposal.review_ids), 3)

    def test_withdrawn_submission_returns_to_draft(self):
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        with self.assertRaises(AccessError):
            proposal.with_user(self.colleague_a).restart_validation()
        self.assertEqual(len(proposal.review_ids), 3)
        proposal.with_user(self.staff_a).restart_validation()
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.review_ids)
        self.assertFalse(proposal.submitted_on)
        # Once a member decided, only an operations manager may reset it.
        proposal.request_validation()
        self._approve(proposal, self.gm)
        with self.assertRaises(AccessError):
            proposal.with_user(self.staff_a).restart_validation()
        self.assertEqual(proposal.state, "under_review")

    # Privileged actions ----------------------------------------------------

    def test_create_project_only_by_applicant_lead_or_manager(self):
        proposal = self._proposal(project_lead_id=self.leader.id)
        proposal.request_validation()
        self._approve(proposal, self.manager_a)
        # A colleague who can read it, and a manager of another department.
        with self.assertRaises(AccessError):
            proposal.with_user(self.colleague_a).action_create_project()
        with self.assertRaises(AccessError):
            proposal.with_user(self.manager_b).action_create_project()
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "approved")
        self.assertFalse(self.Project.search([("ops_proposal_id", "=", proposal.id)]))
        # The appointed project lead may, once; a second click builds nothing.
        action = proposal.with_user(self.leader).action_create_project()
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(proposal.state, "project")
        with self.assertRaises(UserError):
            proposal.with_user(self.leader).action_create_project()
        self.assertEqual(
            len(self.Project.search([("ops_proposal_id", "=", proposal.id)])), 1
        )

    def test_conclusion_is_idempotent(self):
        """Two committee members deciding at once: the engine locks the row,
        and the conclusion reads the state again, so it happens once."""
        proposal = self._proposal("non_standard")
        proposal.request_validation()
        for member in (self.gm, self.sales, self.product):
            self._approve(proposal, member)
        self.assertEqual(proposal.state, "approved")
        answered, minutes = proposal.answered_on, proposal.decision_minutes
        messages = len(proposal.message_ids)
        self.assertIs(proposal.sudo()._ops_conclude(), True)
        self.assertIs(proposal.with_user(self.product)._ops_conclude(), True)
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "approved")
        self.assertEqual(
            (proposal.answered_on, proposal.decision_minutes), (answered, minutes)
        )
        self.assertEqual(len(proposal.message_ids), messages, "nothing concluded twice")
        for member in (self.gm, self.sales, self.product):
            self.assertIn(member.name, minutes)

    def test_monthly_report_rebuild_is_for_executives(self):
        report = self.env["ops.project.monthly.report"]._ops_build(
            self.company, date(2026, 3, 1)
        )
        built_on = report.built_on
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a).action_rebuild()
        other = self.env["res.company"].create({"name": "Elsewhere Ops"})
        self.gm.company_ids = [Command.unlink(other.id)]
        wizard = (
            self.env["ops.project.monthly.report.wizard"]
            .with_user(self.gm)
            .create({"company_id": other.id, "month": date(2026, 3, 1)})
        )
        with self.assertRaises(AccessError):
            wizard.action_build()
        self.assertFalse(
            self.env["ops.project.monthly.report"].search(
                [("company_id", "=", other.id)]
            )
        )
        report.invalidate_recordset()
        self.assertEqual(report.built_on, built_on)
        with trap_jobs() as trap:
            action = report.with_user(self.gm).action_rebuild()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertIn("Done:", report.message_ids[:1].body, "the job tells it is done")

    # Change requests and launch acceptance ---------------------------------

    def test_cancelled_change_stays_cancelled(self):
        project = self._approved_project()
        change = self._change(project)
        with self.assertRaises(AccessError):
            change.with_user(self.colleague_a).action_cancel()
        self.assertIs(change.with_user(self.staff_a).action_cancel(), True)
        self.assertEqual(change.state, "cancel")
        for user in (self.staff_a, self.manager_a):
            with self.assertRaises(UserError):
                change.with_user(user).write({"state": "approved"})
        with self.assertRaises(UserError):
            change.with_user(self.staff_a).write({"customer_signature": SIGNATURE})
        change.with_user(self.staff_a).request_validation()
        change.invalidate_recordset()
        self.assertEqual(change.state, "cancel")
        self.assertFalse(change.review_ids)
        self.assertEqual(project.ops_budget, 100000, "the budget did not move")
        with self.assertRaises(UserError):
            self._change(project, state="approved", customer_signature=SIGNATURE)

    def test_approved_change_is_frozen_and_not_self_approved(self):
        project = self._approved_project()
        # The department's manager writes the change: nobody else may approve
        # it, so it cannot be submitted (he cannot approve his own request).
        own = self._change(project, user=self.manager_a, customer_signature=SIGNATURE)
        with self.assertRaises(UserError):
            own.with_user(self.manager_a).request_validation()
        self.assertFalse(own.review_ids)
        change = self._change(project, customer_signature=SIGNATURE)
        change.with_user(self.staff_a).request_validation()
        # AccessError (cannot read it) is a UserError too.
        with self.assertRaises(UserError):
            change.with_user(self.manager_b).validate_tier()
        self._approve(change, self.manager_a)
        self.assertEqual(change.state, "approved")
        self.assertEqual(project.ops_budget, 115000)
        for vals in ({"cost_impact": 150000}, {"schedule_impact_days": 1}):
            with self.assertRaises(UserError):
                change.with_user(self.staff_a).write(vals)
        self.assertEqual(change.cost_impact, 15000)

    def test_launch_acceptance_cannot_be_forged(self):
        project = self._approved_project()
        launch = project.ops_launch_id
        with self.assertRaises(UserError):
            launch.with_user(self.manager_a).write({"state": "accepted"})
        with self.assertRaises(UserError):
            self.env["ops.project.launch"].with_user(self.staff_a).create(
                {"name": "Forged", "project_id": project.id, "state": "accepted"}
            )
        line = launch.line_ids[:1]
        with self.assertRaises(AccessError):
            line.with_user(self.staff_a).write({"done": True})
        self.assertFalse(line.done)
        # The regulations' items cannot be dropped to pass the gate.
        launch.line_ids.filtered(lambda x: x.kind == "security").sudo().unlink()
        launch.line_ids.with_user(self.staff_a).action_check()
        with self.assertRaises(UserError) as err:
            launch.with_user(self.staff_a).request_validation()
        self.assertIn("Security test", str(err.exception))
        self.assertFalse(launch.review_ids)
        launch.line_ids.with_user(self.staff_a).action_uncheck()
        launch.sudo().write(
            {"line_ids": [Command.create({"kind": "security", "name": "Security"})]}
        )
        # Another project's accepted launch cannot be borrowed either.
        with self.assertRaises(AccessError):
            project.with_user(self.manager_a).write({"ops_launch_id": False})
        with self.assertRaises(AccessError):
            project.with_user(self.manager_a).write({"ops_is_operations": False})
        launch.invalidate_recordset()
        self.assertEqual(launch.state, "draft")
        self.assertEqual(project.ops_launch_id, launch)
        # Checked and under review: the checklist is frozen.
        self.assertIs(launch.line_ids.with_user(self.staff_a).action_check(), True)
        launch.with_user(self.staff_a).request_validation()
        with self.assertRaises(UserError):
            line.with_user(self.staff_a).action_uncheck()
        with self.assertRaises(UserError):
            line.with_user(self.staff_a).write({"name": "Nothing to test"})
        self.assertTrue(line.done)

    # Lifecycle gates -------------------------------------------------------

    def test_phases_in_order(self):
        project = self._approved_project()
        # A company that switched on Project's Stages lets its people move the
        # stage field itself: the gate holds there too.
        self.manager_a.groups_id |= self.env.ref("project.group_project_stages")
        as_manager = project.with_user(self.manager_a)
        with self.assertRaises(UserError) as err:
            as_manager.write({"stage_id": self.phase["operation"].id})
        self.assertIn("launch acceptance", str(err.exception))
        with self.assertRaises(UserError) as err:
            as_manager.write({"stage_id": self.phase["development"].id})
        self.assertIn("in order", str(err.exception))
        with self.assertRaises(AccessError):
            project.with_user(self.staff_a).write({"stage_id": self.phase["design"].id})
        self.assertEqual(project.sudo().stage_id, self.phase["research"])
        with self.assertRaises(UserError) as err:
            as_manager.write({"stage_id": self.phase["design"].id})
        self.assertIn("deliverables", str(err.exception))
        self._deliver_phase(project)
        as_manager.write({"stage_id": self.phase["design"].id})
        with self.assertRaises(UserError):
            as_manager.write({"stage_id": self.phase["research"].id})
        self.assertEqual(project.sudo().stage_id, self.phase["design"])

    def test_next_phase_action(self):
        """Without Project's Stages setting (the default), operations people
        move phases with Next Phase only, one at a time, gate included."""
        project = self._approved_project()
        as_manager = project.with_user(self.manager_a)
        with self.assertRaises(AccessError):
            as_manager.write({"stage_id": self.phase["design"].id})
        with self.assertRaises(AccessError):
            project.with_user(self.staff_b).action_ops_next_phase()
        self._deliver_phase(project)
        self.assertIs(as_manager.action_ops_next_phase(), True)
        self.assertEqual(project.sudo().stage_id, self.phase["design"])
        self._deliver_phase(project)
        with self.assertRaisesRegex(UserError, "kickoff"):
            as_manager.action_ops_next_phase()
        self._hold_kickoff(project)
        as_manager.action_ops_next_phase()
        self.assertEqual(project.sudo().stage_id, self.phase["development"])
        self._deliver_phase(project)
        with self.assertRaises(UserError) as err:
            as_manager.action_ops_next_phase()
        self.assertIn("launch acceptance", str(err.exception))
        self.assertEqual(project.sudo().stage_id, self.phase["development"])

    def test_phase_jump_needs_manager_and_reason(self):
        project = self._approved_project()
        Wizard = self.env["ops.project.phase.wizard"]
        with self.assertRaises(AccessError):
            project.with_user(self.staff_a).action_ops_change_phase()
        with self.assertRaises(AccessError):
            Wizard.with_user(self.staff_a).create(
                {
                    "project_id": project.id,
                    "stage_id": self.phase["development"].id,
                    "reason": "I want to",
                }
            )
        action = project.with_user(self.manager_a).action_ops_change_phase()
        as_manager = Wizard.with_user(self.manager_a).with_context(**action["context"])
        with self.assertRaises(UserError):
            as_manager.create(
                {"stage_id": self.phase["development"].id, "reason": "  "}
            ).action_confirm()
        self.assertEqual(project.sudo().stage_id, self.phase["research"])
        # The launch gate holds even on a manager's decision.
        with self.assertRaises(UserError):
            as_manager.create(
                {"stage_id": self.phase["operation"].id, "reason": "Urgent"}
            ).action_confirm()
        self.assertEqual(project.sudo().stage_id, self.phase["research"])
        # Development starts after the kickoff, even on a manager's decision.
        with self.assertRaisesRegex(UserError, "kickoff"):
            as_manager.create(
                {"stage_id": self.phase["development"].id, "reason": "Urgent"}
            ).action_confirm()
        self._hold_kickoff(project)
        as_manager.create(
            {
                "stage_id": self.phase["development"].id,
                "reason": "Design reused from North School",
            }
        ).action_confirm()
        self.assertEqual(project.sudo().stage_id, self.phase["development"])
        as_manager.create(
            {"stage_id": self.phase["design"].id, "reason": "Customer changed scope"}
        ).action_confirm()
        self.assertEqual(project.sudo().stage_id, self.phase["design"])
        bodies = " ".join(project.message_ids.mapped("body"))
        self.assertIn("Design reused from North School", bodies)
        self.assertIn("Customer changed scope", bodies)

    # Department isolation --------------------------------------------------

    def test_employee_visible_project_keeps_its_records(self):
        project_b = self.Project.browse(self._approved_project(user=self.staff_b).id)
        project_b.privacy_visibility = "employees"
        risk = self.Risk.with_user(self.staff_b).create(
            {
                "name": "B risk",
                "project_id": project_b.id,
                "category_id": self.category.id,
            }
        )
        change = self._change(project_b, user=self.staff_b)
        launch = project_b.ops_launch_id
        # Anyone may read (and follow) an employee-visible project...
        project_b.with_user(self.staff_a).message_subscribe(
            partner_ids=self.staff_a.partner_id.ids
        )
        # ...but not its risks, changes and launch record.
        for user in (self.staff_a, self.manager_a):
            for record in (risk, change, launch, launch.line_ids[:1]):
                with self.subTest(user=user.login, model=record._name):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])
                    with self.assertRaises(AccessError):
                        record.with_user(user).write({"name": "Taken over"})
            self.assertFalse(
                self.Risk.with_user(user).search([("project_id", "=", project_b.id)])
            )
            with self.assertRaises(AccessError):
                self.Risk.with_user(user).create(
                    {
                        "name": "Planted",
                        "project_id": project_b.id,
                        "category_id": self.category.id,
                    }
                )
        self.assertEqual(
            self.Risk.search([("project_id", "=", project_b.id)]).mapped("name"),
            ["B risk"],
        )
        self.assertEqual(change.name, "Extra export")
        # B's people keep working with them.
        risk.with_user(self.staff_b).write({"mitigation": "Weekly check"})
        risk.with_user(self.manager_b).read(["name"])

    # Segregation of duties -------------------------------------------------

    def test_department_manager_or_above_approves(self):
        proposal_b = self._proposal(user=self.staff_b)
        proposal_b.request_validation()
        self.assertEqual(proposal_b.review_ids.reviewer_ids, self.manager_b)
        # AccessError (cannot read it) is a UserError too.
        with self.assertRaises(UserError):
            proposal_b.with_user(self.manager_a).validate_tier()
        self.assertEqual(proposal_b.state, "under_review")
        # A sub-department without its own manager: the manager above decides.
        sub = self.env["hr.department"].create(
            {"name": "Dept A / Field", "parent_id": self.dept_a.id}
        )
        proposal = self._proposal(department_id=sub.id)
        proposal.request_validation()
        self.assertEqual(proposal.review_ids.reviewer_ids, self.manager_a)
        self._approve(proposal, self.manager_a)
        self.assertEqual(proposal.state, "approved")

    def test_no_self_approval(self):
        # The department's manager files a proposal: he is the only one who
        # could approve it, so it is refused at submission, clearly.
        own = self._proposal(user=self.manager_a)
        with self.assertRaises(UserError) as err:
            own.request_validation()
        self.assertIn("Nobody can approve", str(err.exception))
        # Filling it in on a colleague's behalf does not help.
        for_staff = self._proposal(user=self.manager_a, user_id=self.staff_a.id)
        with self.assertRaises(UserError):
            for_staff.with_user(self.manager_a).request_validation()
        # A committee member's own non-standard proposal has no one to take
        # their seat: refused too.
        committee = self._proposal("non_standard", user=self.sales)
        with self.assertRaises(UserError):
            committee.request_validation()
        for proposal in (own | for_staff | committee).sudo():
            proposal.invalidate_recordset()
            self.assertEqual(proposal.state, "draft")
            self.assertFalse(proposal.sudo().review_ids)

    def test_committee_members_are_distinct(self):
        with self.assertRaises(ValidationError):
            self.company.write({"ops_product_manager_id": self.sales.id})
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"ops_product_manager_id": self.gm.id}
            ).execute()
        self.company.invalidate_recordset()
        self.assertEqual(self.company.ops_product_manager_id, self.product)
        # A company saved before the rule: refused at submission, so one
        # person never approves two seats with one click.
        self.env.cr.execute(
            "UPDATE res_company SET ops_product_manager_id = %s WHERE id = %s",
            (self.sales.id, self.company.id),
        )
        self.company.invalidate_recordset()
        proposal = self._proposal("non_standard")
        with self.assertRaises(ValidationError):
            proposal.request_validation()
        self.assertFalse(proposal.sudo().review_ids)
        self.assertEqual(proposal.state, "draft")

    def test_archived_member_refused_at_submission(self):
        self.product.active = False
        proposal = self._proposal("non_standard")
        with self.assertRaises(UserError) as err:
            proposal.request_validation()
        self.assertIn(self.product.name, str(err.exception))
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.sudo().review_ids)
        investment = self._investment(6000000)
        self.board.active = False
        with self.assertRaises(UserError) as err:
            investment.request_validation()
        self.assertIn(self.board.name, str(err.exception))
        self.assertFalse(investment.sudo().review_ids)

    def test_board_decides_by_majority(self):
        members = self.board | self.env["res.users"].create(
            [
                {
                    "name": f"Board member {i}",
                    "login": f"t_op_board_{i}",
                    "groups_id": [
                        Command.set([self.env.ref("ops_project.group_ops_board").id])
                    ],
                }
                for i in (2, 3)
            ]
        )
        self.company.ops_board_member_ids = [Command.set(members.ids)]
        proposal = self._investment(6000000)
        proposal.request_validation()
        self._approve(proposal, self.investor)
        self._approve(proposal, self.leader)
        board_review = proposal.review_ids.filtered(
            lambda r: r.definition_id
            == self.env.ref("ops_project.tier_proposal_investment_board")
        )
        self.assertEqual(board_review.reviewer_ids, members)
        self._approve(proposal, members[0], "For: the ROI is solid")
        self.assertEqual(proposal.state, "under_review", "one vote of three")
        with self.assertRaises(UserError):
            proposal.with_user(members[0]).validate_tier()
        self._reject(proposal, members[1], "Against: too early")
        self.assertEqual(proposal.state, "under_review", "one for, one against")
        self._approve(proposal, members[2], "For")
        self.assertEqual(proposal.state, "approved", "two of three")
        self.assertIn("the ROI is solid", proposal.decision_minutes)
        self.assertIn("too early", proposal.decision_minutes)
        self.assertIn(members[2].name, proposal.decision_minutes)

    def test_board_majority_against_terminates(self):
        members = self.board | self.env["res.users"].create(
            [
                {
                    "name": f"Board member {i}",
                    "login": f"t_op_board_{i}",
                    "groups_id": [
                        Command.set([self.env.ref("ops_project.group_ops_board").id])
                    ],
                }
                for i in (2, 3)
            ]
        )
        self.company.ops_board_member_ids = [Command.set(members.ids)]
        proposal = self._investment(6000000)
        proposal.request_validation()
        self._approve(proposal, self.investor)
        self._approve(proposal, self.leader)
        self._reject(proposal, members[0], "Against")
        self.assertEqual(proposal.state, "under_review")
        self._reject(proposal, members[1], "Against")
        self.assertEqual(proposal.state, "rejected")
        self.assertTrue(proposal.decision_minutes)

    def test_shipped_tiers_upgrade_once(self):
        """Databases installed before the segregation rules get them once on
        update (the tier data is noupdate); later choices are kept."""
        standard = self.env.ref("ops_project.tier_proposal_standard")
        board = self.env.ref("ops_project.tier_proposal_investment_board")
        self.assertTrue(standard.ops_department_scope)
        self.assertEqual(
            (board.review_type, board.ops_decision_rule), ("field", "majority")
        )
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("ops_project.tier_definitions_segregation", False)
        standard.ops_department_scope = False
        board.write(
            {
                "review_type": "group",
                "reviewer_field_id": False,
                "reviewer_group_id": self.env.ref("ops_project.group_ops_board").id,
                "ops_decision_rule": "any",
            }
        )
        Tier = self.env["tier.definition"]
        self.assertIs(Tier._ops_project_upgrade_tiers(), True)
        self.assertTrue(standard.ops_department_scope)
        self.assertEqual(
            (board.review_type, board.reviewer_field_id.name, board.ops_decision_rule),
            ("field", "board_member_ids", "majority"),
        )
        # Done once: an administrator's later choice stays.
        standard.ops_department_scope = False
        Tier._ops_project_upgrade_tiers()
        self.assertFalse(standard.ops_department_scope)

    # Bad input -------------------------------------------------------------

    def test_negative_amounts_refused(self):
        before = self.Proposal.search_count([])
        with self.assertRaises(ValidationError):
            self._proposal(contract_amount=-1)
        with self.assertRaises(ValidationError):
            self._investment(-900000)
        self.assertEqual(self.Proposal.search_count([]), before)
        project = self._approved_project()
        with self.assertRaises(ValidationError):
            self._change(project, cost_impact=-5000)
        self.assertFalse(self.Change.search([("project_id", "=", project.id)]))
        with self.assertRaises(ValidationError):
            self.company.write(
                {"ops_invest_gm_limit": -1, "ops_invest_office_limit": -1}
            )
        # The budget: not by any manager, and never negative.
        with self.assertRaises(AccessError):
            project.with_user(self.manager_a).write({"ops_budget": 999999})
        with self.assertRaises(ValidationError):
            project.with_user(self.gm).write({"ops_budget": -1})
        self.assertEqual(project.ops_budget, 100000)

    def test_actions_return_marshallable_values(self):
        project = self._approved_project()
        risk = self.Risk.with_user(self.staff_a).create(
            {"name": "R", "project_id": project.id, "category_id": self.category.id}
        )
        self.assertIs(risk.action_close(), True)
        self.assertIs(risk.action_reopen(), True)
        change = self._change(project, customer_signature=SIGNATURE)
        self.assertIs(change.action_cancel(), True)
        proposal = self._proposal()
        proposal.request_validation()
        self.assertIs(proposal.with_user(self.manager_a).validate_tier(), True)
        self.assertEqual(proposal.state, "approved")


@tagged("post_install", "-at_install")
class TestApprovalIntegrityRpc(OpsProjectCase, HttpCase):
    """The same bypasses over real HTTP JSON-RPC, as the web client and the
    external API send them."""

    def _rpc(self, login, model, method, args, context=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    def _assert_refused(self, exception, login, model, method, args, context=None):
        with self.assertRaises(JsonRpcException) as err:
            self._rpc(login, model, method, args, context)
        self.assertIn(exception.__name__, str(err.exception))

    def test_rpc_state_and_actions(self):
        proposal = self._proposal()
        self._assert_refused(
            UserError,
            "t_op_staff_a",
            proposal._name,
            "write",
            [[proposal.id], {"state": "approved"}],
            {"skip_validation_check": True},
        )
        self._assert_refused(
            UserError,
            "t_op_staff_a",
            proposal._name,
            "create",
            [{"name": "Forged", "kind": "standard", "state": "approved"}],
        )
        # Submitted and approved over RPC, the normal way.
        reviews = self._rpc(
            "t_op_staff_a", proposal._name, "request_validation", [[proposal.id]]
        )
        self.assertEqual(reviews, proposal.review_ids.ids)
        self._assert_refused(
            UserError, "t_op_staff_a", proposal._name, "validate_tier", [[proposal.id]]
        )
        self.assertIs(
            self._rpc(
                "t_op_manager_a", proposal._name, "validate_tier", [[proposal.id]]
            ),
            True,
        )
        self._assert_refused(
            UserError,
            "t_op_manager_a",
            proposal._name,
            "write",
            [[proposal.id], {"contract_amount": 9000000}],
        )
        self._assert_refused(
            AccessError,
            "t_op_manager_b",
            proposal._name,
            "action_create_project",
            [[proposal.id]],
        )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "approved")
        self.assertEqual(proposal.contract_amount, 100000)
        self.assertFalse(proposal.project_id)
        action = self._rpc(
            "t_op_staff_a", proposal._name, "action_create_project", [[proposal.id]]
        )
        proposal.invalidate_recordset()
        self.assertEqual(action["res_id"], proposal.project_id.id)
        # The project may not skip a phase, even for its manager (without
        # Project's Stages setting the stage field is not even theirs).
        self._assert_refused(
            UserError,
            "t_op_manager_a",
            "project.project",
            "write",
            [
                proposal.project_id.ids,
                {"stage_id": self.env.ref("ops_project.stage_phase_operation").id},
            ],
        )
        self.assertEqual(
            proposal.project_id.sudo().stage_id,
            self.env.ref("ops_project.stage_phase_research"),
        )
