# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

PHASE_XMLIDS = [
    "ops_project.stage_phase_research",
    "ops_project.stage_phase_design",
    "ops_project.stage_phase_development",
    "ops_project.stage_phase_launch",
    "ops_project.stage_phase_operation",
]
OPS_GROUP = "ops_base.group_ops_user"
TASK_PHASE_XMLIDS = [
    "ops_project.task_type_phase_research",
    "ops_project.task_type_phase_design",
    "ops_project.task_type_phase_development",
    "ops_project.task_type_phase_launch",
    "ops_project.task_type_phase_operation",
]


class ProjectProject(models.Model):
    _inherit = "project.project"

    # Only ops_is_operations is for everybody (Project's own filters and the
    # record rules use it); the operations data on a host project is for
    # operations roles: a project user's form, kanban and RPC reads never
    # reach the operations models behind them.
    ops_is_operations = fields.Boolean(
        string="Operations Project", copy=False, index=True
    )
    ops_proposal_id = fields.Many2one(
        "ops.project.proposal",
        string="Initiation Proposal",
        copy=False,
        index=True,
        groups=OPS_GROUP,
    )
    # Not copied: a duplicate is no operations project (ops_is_operations is
    # not copied either), and Project's "Duplicate" by a project manager
    # without an operations role would have to read it.
    ops_department_id = fields.Many2one(
        "hr.department",
        string="Operations Department",
        index=True,
        copy=False,
        groups=OPS_GROUP,
    )
    ops_budget = fields.Monetary(
        string="Budget",
        related="account_id.ops_budget",
        readonly=False,
        currency_field="currency_id",
        groups=OPS_GROUP,
    )
    ops_actual_cost = fields.Monetary(
        string="Actual Cost",
        compute="_compute_ops_actual_cost",
        currency_field="currency_id",
        help="Costs posted on the project's analytic account.",
        groups=OPS_GROUP,
    )
    ops_launch_id = fields.Many2one(
        "ops.project.launch", string="Launch Acceptance", copy=False, groups=OPS_GROUP
    )
    ops_launch_state = fields.Selection(related="ops_launch_id.state", groups=OPS_GROUP)
    ops_risk_ids = fields.One2many(
        "ops.project.risk", "project_id", string="Risks", groups=OPS_GROUP
    )
    ops_change_ids = fields.One2many(
        "ops.project.change", "project_id", string="Change Requests", groups=OPS_GROUP
    )
    # Consolidated investments report with the group's accounts; the others
    # report quarterly, at the latest half-yearly (investment report).
    ops_investment_consolidated = fields.Boolean(
        string="Consolidated Investment",
        tracking=True,
        groups=OPS_GROUP,
        help="A consolidated investment is reported with the group's accounts; "
        "a non-consolidated one is in the quarterly and half-year investment "
        "reports.",
    )
    ops_kickoff_ids = fields.One2many(
        "ops.project.kickoff", "project_id", string="Kickoff Meeting", groups=OPS_GROUP
    )
    ops_deliverable_ids = fields.One2many(
        "ops.project.deliverable",
        "project_id",
        string="Phase Deliverables",
        groups=OPS_GROUP,
    )
    ops_open_high_risk_count = fields.Integer(
        string="Open High Risks",
        compute="_compute_ops_open_high_risk_count",
        groups=OPS_GROUP,
    )
    ops_solution_id = fields.Many2one(
        "ops.project.solution", string="Library Solution", copy=False, groups=OPS_GROUP
    )

    def _compute_ops_actual_cost(self):
        costs = self._ops_actual_costs()
        for project in self:
            project.ops_actual_cost = costs.get(project.account_id.id, 0.0)

    def _ops_actual_costs(self, date_to=None, date_from=None):
        """Costs (negative analytic amounts) per analytic account, one query."""
        accounts = self.account_id
        if not accounts:
            return {}
        domain = [("account_id", "in", accounts.ids), ("amount", "<", 0)]
        if date_to:
            domain.append(("date", "<=", date_to))
        if date_from:
            domain.append(("date", ">=", date_from))
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(domain, ["account_id"], ["amount:sum"])
        )
        return {account.id: -amount for account, amount in groups}

    @api.model
    def _ops_open_high_risk_domain(self, projects):
        """Open risks rated high or critical of these projects: the count of
        the project form and kanban."""
        return [
            ("project_id", "in", projects.ids),
            ("state", "=", "open"),
            ("level", "in", ("high", "critical")),
        ]

    def _compute_ops_open_high_risk_count(self):
        # sudo: whoever may read the project (and has the field's group) may
        # know how many open high risks it has, even those the risk rules hide
        # from them; the domain above is the whole filter (tested in
        # test_host_apps).
        groups = (
            self.env["ops.project.risk"]
            .sudo()
            ._read_group(
                self._ops_open_high_risk_domain(self), ["project_id"], ["__count"]
            )
        )
        counts = {project.id: count for project, count in groups}
        for project in self:
            project.ops_open_high_risk_count = counts.get(project.id, 0)

    @api.model
    def _ops_milestone_template(self):
        return [
            (self.env._("Equipment on site"), 15),
            (self.env._("Installation and debugging"), 30),
            (self.env._("Software development"), 60),
            (self.env._("Third-party work"), 75),
            (self.env._("Customer acceptance"), 90),
            (self.env._("Customer training"), 100),
        ]

    @api.model
    def _ops_create_from_proposal(self, proposal):
        phases = [self.env.ref(x) for x in PHASE_XMLIDS]
        task_types = [self.env.ref(x) for x in TASK_PHASE_XMLIDS]
        start = fields.Date.context_today(self)
        lead = proposal.project_lead_id or proposal.user_id
        plan, _other_plans = self.env["account.analytic.plan"].sudo()._get_all_plans()
        account = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                {
                    "name": proposal.name,
                    "company_id": proposal.company_id.id,
                    "partner_id": proposal.partner_id.id,
                    "plan_id": plan.id,
                    "ops_budget": proposal.investment_amount
                    or proposal.contract_amount,
                    "ops_department_id": proposal.department_id.id,
                    "ops_user_id": lead.id,
                }
            )
        )
        template = self._ops_milestone_template()
        project = self.sudo().create(
            {
                "name": proposal.name,
                "company_id": proposal.company_id.id,
                "partner_id": proposal.partner_id.id,
                "user_id": lead.id,
                "ops_is_operations": True,
                "ops_proposal_id": proposal.id,
                "ops_department_id": proposal.department_id.id,
                "ops_solution_id": proposal.solution_id.id,
                "ops_value_added": proposal.value_added,
                "account_id": account.id,
                "privacy_visibility": "followers",
                "allow_milestones": True,
                "stage_id": phases[0].id,
                "type_ids": [fields.Command.set([t.id for t in task_types])],
                "date_start": start,
                "date": start + timedelta(days=template[-1][1]),
                "milestone_ids": [
                    fields.Command.create(
                        {"name": name, "deadline": start + timedelta(days=days)}
                    )
                    for name, days in template
                ],
            }
        )
        self.env["ops.project.milestone.plan"]._ops_draft_from_milestones(project)
        # Followers-only project: the lead, the applicant and the department.
        partners = (
            lead.partner_id
            | proposal.create_uid.partner_id
            | proposal.department_id.member_ids.user_id.partner_id
            | proposal.department_id.manager_id.user_id.partner_id
        )
        project.message_subscribe(partner_ids=partners.ids)
        return project.with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        # The phase and launch gates are checked in project_project_phase.py.
        ops_projects = projects.filtered("ops_is_operations")
        todo = ops_projects.filtered(lambda p: not p.sudo().ops_launch_id)
        launches = (
            self.env["ops.project.launch"]
            .sudo()
            .create([self.env["ops.project.launch"]._ops_vals_for(p) for p in todo])
        )
        for project, launch_record in zip(todo, launches, strict=True):
            # A server field (see project_project_phase.py): the gate reads it.
            project.sudo().ops_launch_id = launch_record
        return projects

    def _ops_check_launch_gate(self):
        for project in self.filtered("ops_is_operations"):
            launch = project.sudo().ops_launch_id
            if launch.state != "accepted" or launch.project_id != project:
                raise UserError(
                    self.env._(
                        "The project “%(name)s” cannot enter the launch phase or "
                        "a later one: its launch acceptance (tests, security, "
                        "compliance, deployment, data migration, user training) is "
                        "not complete and approved.",
                        name=project.name,
                    )
                )

    def action_ops_open_risks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Risks"),
            "res_model": "ops.project.risk",
            "view_mode": "list,kanban,form",
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
        }

    def action_ops_promote_solution(self):
        """Enter the project's non-standard solution into the library as a
        draft: at the technical handover, once the bid is won (the project
        exists), or later. It becomes a standard solution by approval."""
        self.ensure_one()
        self.check_access("write")
        proposal = self.ops_proposal_id
        if proposal and proposal.kind != "non_standard":
            raise UserError(
                self.env._(
                    "Only a non-standard solution is promoted into the solution "
                    "library: this project already started from a standard "
                    "solution or an investment."
                )
            )
        if self.ops_solution_id:
            raise UserError(
                self.env._(
                    "The solution of “%(name)s” is already in the library.",
                    name=self.name,
                )
            )
        # as_server: the source project is the server's link, never typed.
        solution = as_server(self.env["ops.project.solution"]).create(
            {
                "name": self.name,
                "description": proposal.background or proposal.customer_needs,
                "source_project_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        self.ops_solution_id = solution
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Solution promoted into the library: %(name)s", name=solution.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.project.solution",
            "res_id": solution.id,
            "view_mode": "form",
        }

    def _compute_next_milestone_id(self):
        # Odoo reads each project's next milestone from its own recordset, so
        # "can be marked as done" and "deadline exceeded" are computed one
        # milestone at a time (two queries per project of a list). Computing
        # them once for every open milestone of the list first fills the
        # cache that Odoo's loop then reads: same values, a constant number
        # of queries.
        if len(self) > 1:
            milestones = (
                self.env["project.milestone"]
                .sudo()
                .search([("project_id", "in", self.ids), ("is_reached", "=", False)])
            )
            milestones.mapped("can_be_marked_as_done")
            milestones.mapped("is_deadline_exceeded")
        return super()._compute_next_milestone_id()

    # Milestone plan, project team and economic responsibility contract
    # (ops_project_milestone_plan.py, ops_project_team.py,
    # ops_project_contract.py): the project shows the ones in force.
    ops_milestone_plan_id = fields.Many2one(
        "ops.project.milestone.plan",
        string="Baseline Milestone Plan",
        compute="_compute_ops_in_force",
        groups=OPS_GROUP,
    )
    ops_team_id = fields.Many2one(
        "ops.project.team",
        string="Approved Team",
        compute="_compute_ops_in_force",
        groups=OPS_GROUP,
    )
    ops_contract_id = fields.Many2one(
        "ops.project.contract",
        string="Responsibility Contract",
        compute="_compute_ops_in_force",
        groups=OPS_GROUP,
    )

    def _compute_ops_in_force(self):
        # One search per model for the whole list; sudo: the project's
        # readers see which plan, team and contract are in force.
        in_force = {}
        for fname, model, state in (
            ("ops_milestone_plan_id", "ops.project.milestone.plan", "baseline"),
            ("ops_team_id", "ops.project.team", "approved"),
            ("ops_contract_id", "ops.project.contract", "signed"),
        ):
            records = (
                self.env[model]
                .sudo()
                .search([("project_id", "in", self.ids), ("state", "=", state)])
            )
            in_force[fname] = {rec.project_id.id: rec.id for rec in records}
        for project in self:
            for fname, by_project in in_force.items():
                project[fname] = by_project.get(project.id, False)

    def write(self, vals):
        if "user_id" in vals and not is_server(self):
            self._ops_check_lead_change(vals["user_id"])
        return super().write(vals)

    def _ops_check_lead_change(self, user_id):
        """The general manager appoints the lead of an operations project by
        approving its team: nobody changes it by hand."""
        for project in self.filtered("ops_is_operations"):
            if project.user_id.id != (user_id or False):
                raise UserError(
                    self.env._(
                        "The lead of the operations project “%(name)s” is "
                        "appointed by the general manager: propose a project "
                        "team for approval instead.",
                        name=project.name,
                    )
                )
        return True

    # Operations plans (运营方案) -------------------------------------------
    ops_plan_ids = fields.One2many(
        "ops.project.plan", "project_id", string="Operations Plans", groups=OPS_GROUP
    )
    ops_plan_count = fields.Integer(
        string="Operations Plan Count",
        compute="_compute_ops_plan_count",
        groups=OPS_GROUP,
    )

    def _compute_ops_plan_count(self):
        # The versions the user may read, one query for the whole list.
        groups = self.env["ops.project.plan"]._read_group(
            [("project_id", "in", self.ids)], ["project_id"], ["__count"]
        )
        counts = {project.id: count for project, count in groups}
        for project in self:
            project.ops_plan_count = counts.get(project.id, 0)

    def action_ops_open_plans(self):
        self.ensure_one()
        return self.env["ops.project.plan"]._ops_action_for(
            [("project_id", "=", self.id)],
            {"default_project_id": self.id, "default_name": self.name},
        )

    # Value-added product track (增值产品) -------------------------------------
    ops_value_added = fields.Boolean(
        string="Value-added Product",
        tracking=True,
        copy=False,
        groups=OPS_GROUP,
        help="A value-added product (software service, hardware accessory, "
        "service package) launches after the product committee and the design "
        "review approved it, its unit, integration, system and compatibility "
        "tests passed and its quality targets are met.",
    )
    ops_product_review_ids = fields.One2many(
        "ops.project.product.review",
        "project_id",
        string="Product Reviews",
        groups=OPS_GROUP,
    )
    ops_quality_target_ids = fields.One2many(
        "ops.project.quality.target",
        "project_id",
        string="Quality Targets",
        groups=OPS_GROUP,
    )
