# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

CTX = {"no_reset_password": True, "mail_create_nosubscribe": True}
DOC = base64.b64encode(b"%PDF-1.4 test document")


class OpsProjectCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env

        def user(login, groups):
            return new_test_user(env, login=login, groups=groups, context=CTX)

        cls.dept_a = env["hr.department"].create({"name": "Dept A"})
        cls.dept_b = env["hr.department"].create({"name": "Dept B"})
        cls.staff_a = user("t_op_staff_a", "ops_base.group_ops_user")
        cls.staff_b = user("t_op_staff_b", "ops_base.group_ops_user")
        cls.manager_a = user("t_op_manager_a", "ops_base.group_ops_manager")
        cls.gm = user("t_op_gm", "ops_base.group_ops_executive")
        cls.sales = user("t_op_sales", "ops_base.group_ops_user")
        cls.product = user("t_op_product", "ops_base.group_ops_user")
        cls.leader = user("t_op_leader", "ops_base.group_ops_user")
        cls.investor = user("t_op_invest", "ops_project.group_ops_investment")
        cls.office = user("t_op_office", "ops_project.group_ops_gm_office")
        cls.board = user("t_op_board", "ops_project.group_ops_board")
        Employee = env["hr.employee"]
        boss_a = Employee.create(
            {
                "name": "Manager A",
                "user_id": cls.manager_a.id,
                "department_id": cls.dept_a.id,
            }
        )
        Employee.create(
            {
                "name": "Staff A",
                "user_id": cls.staff_a.id,
                "department_id": cls.dept_a.id,
                "parent_id": boss_a.id,
            }
        )
        # A department's manager-level steps are taken by the manager of that
        # department (or above it), not by any operations manager: each
        # department gets its manager.
        cls.dept_a.manager_id = boss_a
        cls.manager_b = user("t_op_manager_b", "ops_base.group_ops_manager")
        boss_b = Employee.create(
            {
                "name": "Manager B",
                "user_id": cls.manager_b.id,
                "department_id": cls.dept_b.id,
            }
        )
        cls.dept_b.manager_id = boss_b
        Employee.create(
            {
                "name": "Staff B",
                "user_id": cls.staff_b.id,
                "department_id": cls.dept_b.id,
                "parent_id": boss_b.id,
            }
        )
        cls.sales_boss = user("t_op_sales_boss", "ops_base.group_ops_manager")
        sales_boss_emp = Employee.create(
            {"name": "Sales boss", "user_id": cls.sales_boss.id}
        )
        Employee.create(
            {"name": "Sales", "user_id": cls.sales.id, "parent_id": sales_boss_emp.id}
        )
        cls.company = env.company
        cls.company.write(
            {
                "ops_general_manager_id": cls.gm.id,
                "ops_sales_manager_id": cls.sales.id,
                "ops_product_manager_id": cls.product.id,
                "ops_leader_in_charge_id": cls.leader.id,
                "ops_gm_office_member_ids": [Command.set(cls.office.ids)],
                "ops_board_member_ids": [Command.set(cls.board.ids)],
                "ops_invest_gm_limit": 1000000,
                "ops_invest_office_limit": 5000000,
                "ops_proposal_answer_days": 5,
            }
        )
        cls.Proposal = env["ops.project.proposal"]

    def _proposal(self, kind="standard", user=None, **vals):
        user = user or self.staff_a
        values = {
            "name": f"Proposal {kind}",
            "kind": kind,
            "contract_amount": 100000,
        }
        values.update(vals)
        return self.Proposal.with_user(user).create(values)

    def _investment_docs(self):
        """What a complete investment proposal carries: the documents, the
        company's control and the assessment of every investment risk."""
        values = {
            f: DOC
            for f in (
                "doc_plan",
                "doc_market",
                "doc_positioning",
                "doc_business_plan",
                "doc_budget",
                "doc_proposal",
                "doc_feasibility",
                "doc_implementation",
            )
        }
        values["investment_control"] = "yes"
        values["investment_risk_ids"] = [
            Command.create({"category_id": category.id, "assessment": "Assessed"})
            for category in self.env["ops.project.risk.category"].search(
                [("investment", "=", True)]
            )
        ]
        return values

    def _approve(self, record, user, comment="OK"):
        """Press Validate as ``user`` (answering the comment wizard if any)."""
        res = record.with_user(user).validate_tier()
        if isinstance(res, dict) and res.get("res_model") == "comment.wizard":
            self.env["comment.wizard"].with_user(user).with_context(
                **res["context"]
            ).create({"comment": comment}).add_comment()
        record.invalidate_recordset()

    def _reject(self, record, user, comment="No"):
        res = record.with_user(user).reject_tier()
        if isinstance(res, dict) and res.get("res_model") == "comment.wizard":
            self.env["comment.wizard"].with_user(user).with_context(
                **res["context"]
            ).create({"comment": comment}).add_comment()
        record.invalidate_recordset()

    def _department_manager(self, record):
        return self.manager_b if record.department_id == self.dept_b else self.manager_a

    def _approved_project(self, **vals):
        proposal = self._proposal(**vals)
        proposal.request_validation()
        manager = self._department_manager(proposal)
        self._approve(proposal, manager)
        proposal.with_user(manager).action_create_project()
        return proposal.project_id

    def _walk_to(self, project, xmlid, user=None):
        """Move ``project`` phase by phase (the only way without a manager's
        logged decision) up to the phase ``xmlid``."""
        user = user or self._department_manager(project.ops_proposal_id)
        target = self.env.ref(xmlid)
        design = self.env.ref("ops_project.stage_phase_design")
        while project.sudo().stage_id != target:
            self._deliver_phase(project)
            if project.sudo().stage_id == design:
                self._hold_kickoff(project)
            project.with_user(user).action_ops_next_phase()
        return project

    def _hold_kickoff(self, project, user=None):
        """Hold and minute the project's kickoff meeting (needed before
        development)."""
        user = user or self.staff_a
        kickoff = project.sudo().ops_kickoff_ids or self.env[
            "ops.project.kickoff"
        ].with_user(user).create(
            {
                "project_id": project.id,
                "attendee_ids": [Command.set([user.id, self.manager_a.id])],
                "minutes": "<p>Scope, schedule and roles agreed.</p>",
            }
        )
        if kickoff.state != "held":
            kickoff.with_user(user).action_hold()
        return kickoff

    def _deliver_phase(self, project, accept_as=None):
        """Attach the deliverables of the project's current phase and have an
        operations manager accept them (the phase's approval)."""
        stage = project.sudo().stage_id
        required = self.env["ops.project.deliverable.type"]._ops_required(
            project, stage
        )
        done = project.sudo().ops_deliverable_ids.type_id
        deliverables = self.env["ops.project.deliverable"].create(
            [
                {"project_id": project.id, "type_id": kind.id, "document": DOC}
                for kind in required - done
            ]
        )
        manager = accept_as or self._department_manager(project.ops_proposal_id)
        deliverables.with_user(manager).action_accept()
        return deliverables
