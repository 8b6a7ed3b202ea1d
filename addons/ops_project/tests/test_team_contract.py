# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DOC, OpsProjectCase


@tagged("post_install", "-at_install")
class TestProjectTeam(OpsProjectCase):
    def setUp(self):
        super().setUp()
        self.project = self._approved_project(department_id=self.dept_a.id)
        self.pm = self.project.user_id
        self.Team = self.env["ops.project.team"]

    def _team(self, lead=None, user=None):
        return self.Team.with_user(user or self.pm).create(
            {
                "project_id": self.project.id,
                "lead_id": (lead or self.leader).id,
                "member_ids": [
                    Command.create(
                        {"user_id": self.staff_a.id, "role": "data_analyst"}
                    ),
                    Command.create(
                        {"user_id": self.product.id, "role": "product_manager"}
                    ),
                ],
            }
        )

    def test_gm_appoints_lead_and_approves_team(self):
        team = self._team()
        team.request_validation()
        team.invalidate_recordset()
        self.assertEqual(team.state, "under_review")
        self.assertEqual(self.project.user_id, self.pm, "not effective yet")
        for user in (self.manager_a, self.leader, self.sales):
            with self.assertRaises(UserError):
                team.with_user(user).validate_tier()
        self.assertEqual(self.project.user_id, self.pm)
        self._approve(team, self.gm)
        self.assertEqual(team.state, "approved")
        self.assertEqual(self.project.user_id, self.leader)
        self.assertEqual(self.project.ops_team_id, team)
        self.assertIn(self.product.partner_id, self.project.message_partner_ids)
        # A new team (the new lead proposes it) supersedes the approved one.
        with self.assertRaisesRegex(AccessError, "project lead"):
            self._team(lead=self.staff_a)
        second = self._team(lead=self.staff_a, user=self.leader)
        second.request_validation()
        self._approve(second, self.gm)
        # The former lead no longer reads the team; the general manager does.
        teams = (team | second).with_user(self.gm)
        self.assertEqual(teams.mapped("state"), ["superseded", "approved"])
        self.assertEqual(self.project.user_id, self.staff_a)

    def test_rejected_team_changes_nothing(self):
        team = self._team()
        team.request_validation()
        self._reject(team, self.gm)
        team.invalidate_recordset()
        self.assertEqual(team.state, "rejected")
        self.assertEqual(self.project.user_id, self.pm)

    def test_lead_not_changed_by_hand(self):
        project = self.project.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "appointed by the general manager"):
            project.write({"user_id": self.leader.id})
        with self.assertRaisesRegex(UserError, "appointed by the general manager"):
            project.with_context(ops_server=True).write({"user_id": self.leader.id})
        self.assertEqual(self.project.user_id, self.pm)

    def test_team_stays_with_its_project(self):
        team = self._team()
        other = self._approved_project(
            department_id=self.dept_b.id, user=self.staff_b, name="Other"
        )
        for user in (self.pm, self.manager_a):
            with self.assertRaisesRegex(UserError, "cannot be changed once created"):
                team.with_user(user).write({"project_id": other.id})
        self.assertEqual(team.project_id, self.project)
        # The manager of another department proposes no team for it; the
        # manager of its department does.
        with self.assertRaises(AccessError):
            self.Team.with_user(self.manager_b).create(
                {"project_id": self.project.id, "lead_id": self.leader.id}
            )
        self.assertTrue(self._team(user=self.manager_a))

    def test_lead_and_members_work_for_the_company(self):
        elsewhere = self.env["res.company"].create({"name": "Elsewhere"})
        outsider = new_test_user(
            self.env,
            login="t_op_team_outsider",
            groups="ops_base.group_ops_user",
            company_id=elsewhere.id,
            company_ids=[Command.set(elsewhere.ids)],
        )
        with self.assertRaisesRegex(ValidationError, "does not work for"):
            self._team(lead=outsider)
        team = self._team()
        with self.assertRaisesRegex(ValidationError, "does not work for"):
            team.with_user(self.pm).write({"lead_id": outsider.id})
        with self.assertRaisesRegex(ValidationError, "does not work for"):
            team.with_user(self.pm).write(
                {"member_ids": [Command.create({"user_id": outsider.id})]}
            )
        # A lead who leaves the company before the approval is not appointed.
        mover = new_test_user(
            self.env, login="t_op_team_mover", groups="ops_base.group_ops_user"
        )
        team.with_user(self.pm).lead_id = mover
        team.with_user(self.pm).request_validation()
        mover.write(
            {"company_id": elsewhere.id, "company_ids": [Command.set(elsewhere.ids)]}
        )
        with self.assertRaisesRegex(ValidationError, "does not work for"):
            self._approve(team, self.gm)
        self.assertEqual(self.project.user_id, self.pm)

    def test_name_in_the_reader_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        team = self._team().with_user(self.pm)
        self.assertIn("Team of", team.with_context(lang="en_US").name)
        self.assertIn("项目团队", team.with_context(lang="zh_CN").name)
        self.assertIn("项目团队", team.with_context(lang="zh_CN").display_name)
        for term in (self.project.name, self.leader.name):
            found = self.Team.with_user(self.pm).search([("name", "ilike", term)])
            self.assertIn(team, found)

    def test_team_frozen_once_submitted(self):
        team = self._team()
        colleague = new_test_user(
            self.env, login="t_op_team_colleague", groups="ops_base.group_ops_user"
        )
        self.env["hr.employee"].create(
            {
                "name": "Colleague",
                "user_id": colleague.id,
                "department_id": self.dept_a.id,
            }
        )
        with self.assertRaisesRegex(AccessError, "project lead"):
            self.Team.with_user(colleague).create(
                {"project_id": self.project.id, "lead_id": colleague.id}
            )
        team.request_validation()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            team.member_ids[0].with_user(self.pm).role = "other"
        with self.assertRaises(UserError):
            team.with_user(self.pm).write(
                {"member_ids": [Command.create({"user_id": self.sales.id})]}
            )
        with self.assertRaisesRegex(UserError, "status"):
            team.with_user(self.pm).write({"state": "approved"})
        with self.assertRaises(AccessError):
            team.with_user(self.pm).write({"approved_on": date(2030, 1, 1)})


@tagged("post_install", "-at_install")
class TestResponsibilityContract(OpsProjectCase):
    def setUp(self):
        super().setUp()
        self.project = self._approved_project(department_id=self.dept_a.id)
        self.pm = self.project.user_id
        self.Contract = self.env["ops.project.contract"]

    def _contract(self, user=None, **vals):
        values = {
            "name": "Contract 2030",
            "project_id": self.project.id,
            "date_start": date(2030, 1, 1),
            "date_end": date(2030, 12, 31),
            "profit_base": 200.0,
            "profit_ratio": 10.0,
            "revenue_target": 2000.0,
            "cost_target": 1000.0,
            "profit_target": 1000.0,
            "document": DOC,
            "document_name": "contract.pdf",
        }
        values.update(vals)
        return self.Contract.with_user(user or self.pm).create(values)

    def _line(self, amount, day, project=None):
        project = project or self.project
        return self.env["account.analytic.line"].create(
            {
                "name": "Line",
                "account_id": project.account_id.id,
                "amount": amount,
                "date": day,
            }
        )

    def test_actuals_from_analytic_lines(self):
        contract = self._contract()
        self._line(1000.0, date(2030, 3, 1))
        self._line(-200.0, date(2030, 4, 1))
        self._line(-100.0, date(2030, 5, 1))
        self._line(5000.0, date(2029, 12, 31))  # before the period
        self._line(-7000.0, date(2031, 1, 1))  # after it
        contract.invalidate_recordset()
        contract = contract.with_user(self.pm)
        self.assertAlmostEqual(contract.actual_revenue, 1000.0)
        self.assertAlmostEqual(contract.actual_cost, 300.0)
        self.assertAlmostEqual(contract.actual_profit, 700.0)
        self.assertAlmostEqual(contract.achievement, 70.0)
        self.assertAlmostEqual(contract.profit_share, 50.0)  # (700-200)*10%

    def test_actuals_query_count_constant(self):
        contracts = self._contract()
        for i in range(3):
            project = self._approved_project(
                department_id=self.dept_a.id, name=f"Other {i}"
            )
            self._line(100.0 * (i + 1), date(2030, 6, 1), project)
            contracts |= self._contract(project_id=project.id)
        contracts = contracts.with_user(self.gm)
        contracts.invalidate_recordset()
        contracts.mapped("name")
        with self.assertQueryCount(1):
            contracts.mapped("actual_profit")
        self.assertEqual(contracts.mapped("actual_revenue"), [0.0, 100.0, 200.0, 300.0])

    def test_only_gm_signs_and_signed_is_frozen(self):
        contract = self._contract()
        for user in (self.pm, self.manager_a, self.leader):
            with self.assertRaisesRegex(AccessError, "general manager"):
                contract.with_user(user).action_sign()
        with self.assertRaises(AccessError):
            contract.with_user(self.pm).write({"state": "signed"})
        with self.assertRaises(AccessError):
            contract.with_user(self.pm).with_context(ops_server=True).write(
                {"signed_by_id": self.pm.id}
            )
        contract.with_user(self.pm).document = False
        with self.assertRaisesRegex(UserError, "signed document"):
            contract.with_user(self.gm).action_sign()
        contract.with_user(self.pm).document = DOC
        self.assertIs(contract.with_user(self.gm).action_sign(), True)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.signed_by_id, self.gm)
        self.assertEqual(contract.responsible_id, self.pm)
        self.assertTrue(contract.signed_on)
        self.assertEqual(self.project.ops_contract_id, contract)
        for user in (self.pm, self.manager_a, self.gm):
            with self.assertRaisesRegex(UserError, "signed"):
                contract.with_user(user).write({"profit_base": 0.0})
        with self.assertRaisesRegex(UserError, "signed"):
            contract.with_user(self.manager_a).unlink()
        # A new contract replaces the signed one when it is signed.
        second = self._contract(name="Amended")
        second.with_user(self.gm).action_sign()
        self.assertEqual((contract.state, second.state), ("superseded", "signed"))

    def test_only_lead_or_manager_prepares(self):
        colleague_project = self.project.with_user(self.staff_b)
        with self.assertRaises(AccessError):
            self.Contract.with_user(self.staff_b).create(
                {
                    "name": "X",
                    "project_id": colleague_project.id,
                    "date_start": date(2030, 1, 1),
                    "date_end": date(2030, 12, 31),
                }
            )

    def test_contract_stays_with_its_project(self):
        # The lead of this project re-points a draft to another project whose
        # contract is signed: signing it would supersede that contract.
        other = self._approved_project(
            department_id=self.dept_b.id, user=self.staff_b, name="Other"
        )
        signed = self._contract(user=self.staff_b, project_id=other.id)
        signed.with_user(self.gm).action_sign()
        draft = self._contract()
        for user in (self.pm, self.manager_a):
            with self.assertRaisesRegex(UserError, "cannot be changed once created"):
                draft.with_user(user).write({"project_id": other.id})
        draft.with_user(self.gm).action_sign()
        self.assertEqual(draft.project_id, self.project)
        self.assertEqual(
            (signed.state, signed.responsible_id), ("signed", self.staff_b)
        )
        self.assertEqual(other.ops_contract_id, signed)

    def test_managers_prepare_for_their_departments_only(self):
        with self.assertRaises(AccessError):
            self._contract(user=self.manager_b)
        contract = self._contract(user=self.manager_a)
        self.assertEqual(contract.project_id, self.project)
