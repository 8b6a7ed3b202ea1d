# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demand (需求) of the operations centre's flow chart: received, allocated by
the operations manager to a person (and their team) as a task of a project,
completed through the task, and evaluated by whoever asked for it."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

# What the operations manager decides when allocating.
ALLOCATION_FIELDS = ("project_id", "assignee_id", "team_ids")
# What the requester (or a manager) writes once the work is done.
EVALUATION_FIELDS = ("evaluation_score", "evaluation_comment")
# What was asked: fixed once allocated (a different need is a new demand).
REQUEST_FIELDS = ("name", "description", "priority", "date_deadline")


class OpsDemand(models.Model):
    _name = "ops.demand"
    _description = "Operations Demand"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "priority desc, date_received desc, id desc"

    # The flow and who acted are the server's: a client writing them over
    # RPC would skip the manager's allocation or the requester's evaluation.
    _ops_server_fields = (
        "state",
        "user_id",
        "department_id",
        "company_id",
        "date_received",
        "task_id",
        "allocated_by_id",
        "allocated_on",
        "done_on",
        "evaluated_by_id",
        "evaluated_on",
    )

    name = fields.Char(string="Demand", required=True, tracking=True)
    description = fields.Html()
    user_id = fields.Many2one(
        "res.users",
        string="Requester",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        readonly=True,
        default=lambda self: self.env.user.employee_id.department_id,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")],
        default="0",
        required=True,
        tracking=True,
    )
    date_received = fields.Date(
        string="Received On",
        required=True,
        readonly=True,
        default=fields.Date.context_today,
        index=True,
    )
    date_deadline = fields.Date(string="Due Date", tracking=True)
    state = fields.Selection(
        [
            ("intake", "Received"),
            ("allocated", "Allocated"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("evaluated", "Evaluated"),
            ("rejected", "Rejected"),
        ],
        default="intake",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    # Allocation
    project_id = fields.Many2one(
        "project.project",
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
        help="Project in which the demand's task is created.",
    )
    assignee_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        index=True,
        domain=[("share", "=", False)],
    )
    team_ids = fields.Many2many(
        "res.users",
        "ops_demand_team_rel",
        "demand_id",
        "user_id",
        domain=[("share", "=", False)],
        help="Who works on the task with the assignee.",
    )
    task_id = fields.Many2one("project.task", readonly=True, copy=False, index=True)
    allocated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    allocated_on = fields.Date(readonly=True, copy=False)
    done_on = fields.Date(readonly=True, copy=False, index=True)
    reject_reason = fields.Text(tracking=True, copy=False)
    # Evaluation of the result
    evaluation_score = fields.Integer(
        string="Score",
        copy=False,
        tracking=True,
        help="From 1 (poor) to 5 (excellent), given by the requester.",
    )
    evaluation_comment = fields.Text(copy=False)
    evaluated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    evaluated_on = fields.Date(readonly=True, copy=False, index=True)

    @api.constrains("assignee_id", "team_ids", "company_id")
    def _check_assignee_company(self):
        """The demand's task is created by the server (sudo), so nothing else
        stops it from going to a portal user or to someone of another
        company: the people are checked here, whoever writes them."""
        for rec in self.sudo():
            strangers = (rec.assignee_id | rec.team_ids).filtered(
                lambda u, company=rec.company_id: u.share
                or company not in u.company_ids
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” can only be allocated to employees of "
                        "%(company)s: %(users)s cannot take it.",
                        name=rec.name,
                        company=rec.company_id.name,
                        users=", ".join(strangers.mapped("name")),
                    )
                )

    @api.constrains("evaluation_score")
    def _check_evaluation_score(self):
        for rec in self:
            if rec.evaluation_score and not 1 <= rec.evaluation_score <= 5:
                raise ValidationError(
                    self.env._(
                        "The score of “%(name)s” goes from 1 (poor) to 5 "
                        "(excellent).",
                        name=rec.name,
                    )
                )

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------
    def _ops_is_manager(self):
        return self.env.su or self.env.user.has_group("ops_base.group_ops_manager")

    def _ops_check_manager(self):
        """An operations manager who may change the demand (record rules:
        their departments)."""
        if not self._ops_is_manager():
            raise AccessError(
                self.env._("Only an operations manager allocates or rejects demands.")
            )
        self.check_access("write")
        return True

    def _ops_check_evaluator(self):
        """The requester, or an operations manager, but never who did the
        work: nobody evaluates their own result."""
        self.check_access("read")
        user = self.env.user
        for rec in self:
            if not self.env.su and user in (rec.assignee_id | rec.team_ids):
                raise AccessError(
                    self.env._(
                        "“%(name)s” was done by you: its requester or an "
                        "operations manager evaluates it.",
                        name=rec.name,
                    )
                )
            if user != rec.user_id and not self._ops_is_manager():
                raise AccessError(
                    self.env._(
                        "Only the requester of “%(name)s” or an operations "
                        "manager evaluates it.",
                        name=rec.name,
                    )
                )
        return True

    def _ops_check_client_write(self, vals):
        if any(f in vals for f in ALLOCATION_FIELDS + ("reject_reason",)):
            self._ops_check_manager()
            self._ops_check_state(("intake",))
        if any(f in vals for f in EVALUATION_FIELDS):
            self._ops_check_evaluator()
            self._ops_check_state(("done",))
        if any(f in vals for f in REQUEST_FIELDS):
            self._ops_check_state(("intake",))
        return True

    def _ops_check_state(self, states):
        for rec in self:
            if rec.state not in states:
                raise UserError(
                    self.env._(
                        "“%(name)s” is %(state)s: this can no longer be done or "
                        "changed.",
                        name=rec.name,
                        state=rec._ops_state_label(),
                    )
                )
        return True

    def _ops_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _ops_check_client_create(self):
        """A new demand is only the request. The allocation is the
        operations manager's (the assignee and team would see it at once
        through the record rules); the rejection and the evaluation come
        later in the flow. Checked on the created records, so values sent as
        ``default_*`` in the context are caught too."""
        for rec in self:
            late = [f for f in EVALUATION_FIELDS + ("reject_reason",) if rec[f]]
            if late:
                raise UserError(
                    self.env._(
                        "A new demand cannot carry %(fields)s yet: a demand is "
                        "rejected by an operations manager, and evaluated once "
                        "it is done.",
                        fields=", ".join(
                            self._fields[f]._description_string(self.env) for f in late
                        ),
                    )
                )
            if any(rec[f] for f in ALLOCATION_FIELDS):
                rec._ops_check_manager()
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not is_server(self):
            records._ops_check_client_create()
        return records

    def write(self, vals):
        if not is_server(self):
            self._ops_check_client_write(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._ops_check_state(("intake", "rejected"))
        return super().unlink()

    def _ops_lock(self):
        """Lock the demands' rows and read their state again: two managers
        allocating at once create one task, not two."""
        if not self.ids:
            return True
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT id FROM ops_demand WHERE id IN %s FOR UPDATE", tuple(self.ids))
        )
        self.invalidate_recordset()
        return True

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def action_allocate(self):
        """The operations manager hands the demand to a person (and team):
        it becomes a task of the chosen project."""
        self._ops_check_manager()
        self._ops_lock()
        self._ops_check_state(("intake",))
        for rec in self:
            if not (rec.project_id and rec.assignee_id):
                raise UserError(
                    self.env._(
                        "Choose the project and the person “%(name)s” is "
                        "allocated to.",
                        name=rec.name,
                    )
                )
            rec._ops_check_project()
            # again now: the people's companies may have changed since
            rec._check_assignee_company()
            task = rec._ops_create_task()
            as_server(rec.sudo()).write(
                {
                    "state": "allocated",
                    "task_id": task.id,
                    "allocated_by_id": self.env.user.id,
                    "allocated_on": fields.Date.context_today(self),
                }
            )
            rec.sudo().message_subscribe(
                partner_ids=(rec.assignee_id | rec.team_ids).partner_id.ids
            )
        return True

    def _ops_check_project(self):
        """The task goes into a project of the demand's company that the
        manager can see: the task is created as the server, so the choice is
        checked here rather than by the form's domain."""
        self.ensure_one()
        self.project_id.check_access("read")
        if self.project_id.company_id not in (self.company_id, self.env["res.company"]):
            raise UserError(
                self.env._(
                    "The project of “%(name)s” belongs to another company.",
                    name=self.name,
                )
            )
        return True

    def _ops_create_task(self):
        # sudo: the manager decides the task; they need not be allowed to
        # create tasks in that project themselves.
        self.ensure_one()
        return (
            self.env["project.task"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "project_id": self.project_id.id,
                    "user_ids": [
                        fields.Command.set((self.assignee_id | self.team_ids).ids)
                    ],
                    "date_deadline": self.date_deadline,
                    "description": self.description,
                    "priority": "1" if self.priority != "0" else "0",
                    "company_id": (self.project_id.company_id or self.company_id).id,
                }
            )
        )

    def action_start(self):
        """The assignee (or their team, or a manager) starts the work."""
        self.check_access("read")
        user = self.env.user
        for rec in self:
            if user not in (rec.assignee_id | rec.team_ids) and not (
                self._ops_is_manager()
            ):
                raise AccessError(
                    self.env._(
                        "Only who “%(name)s” is allocated to starts it.",
                        name=rec.name,
                    )
                )
        self._ops_check_state(("allocated",))
        as_server(self.sudo()).write({"state": "in_progress"})
        return True

    def _ops_task_movers(self, env):
        """The demands whose flow the user of ``env`` may move through their
        task: its assignee, their team, an operations manager in charge of
        the demand, or server code. Never a portal user: project sharing lets
        collaborators change a task's state, not close somebody's demand."""
        user = env.user
        if user.share:
            return self.browse()
        if env.su:
            return self
        managed = self.browse()
        if user.has_group("ops_base.group_ops_manager"):
            managed = self.with_user(user)._filtered_access("write")
        return self.filtered(
            lambda d: user in (d.assignee_id | d.team_ids) or d.id in managed.ids
        )

    def _ops_follow_task(self, env, before):
        """The task of a demand is its work: done, the demand goes to its
        requester's evaluation; cancelled, it is back to allocated; reopened
        once done, it is in progress again. ``before`` maps the moved tasks
        to their previous state; ``env`` is the environment that moved
        them."""
        if not self:
            return True
        demands = self._ops_task_movers(env)
        closed = ("1_done", "1_canceled")
        done = demands.filtered(lambda d: d.task_id.state == "1_done")
        done._ops_mark_done()
        cancelled = demands.filtered(
            lambda d: d.task_id.state == "1_canceled"
            and d.state in ("in_progress", "done")
        )
        cancelled._ops_move_back(
            "allocated",
            self.env._("The task was cancelled: the demand is allocated again."),
        )
        # Reopened after a cancel, the demand stays allocated: its assignee
        # starts it again.
        reopened = demands.filtered(
            lambda d: d.task_id.state not in closed
            and before.get(d.task_id.id) in closed
            and d.state == "done"
        )
        reopened._ops_move_back(
            "in_progress",
            self.env._("The task was reopened: the demand is in progress again."),
        )
        return True

    def _ops_move_back(self, state, note):
        """Undo the completion the task's state no longer supports: no done
        date in the month's figures, no evaluation asked of the requester."""
        if not self:
            return True
        was_done = self.filtered(lambda d: d.state == "done")
        as_server(self.sudo()).write({"state": state, "done_on": False})
        for rec in was_done.sudo():
            rec.activity_unlink(
                ["mail.mail_activity_data_todo"], user_id=rec.user_id.id
            )
        self.env["mail.message"]._ops_log_notes(
            self._name, dict.fromkeys(self.ids, note)
        )
        return True

    def _ops_mark_done(self):
        """Called by the server when the demand's task is done."""
        todo = self.filtered(lambda d: d.state in ("allocated", "in_progress"))
        as_server(todo.sudo()).write(
            {"state": "done", "done_on": fields.Date.context_today(self)}
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        self.env["mail.activity"]._ops_schedule_batch(
            [
                {
                    "res_model": self._name,
                    "res_id": rec.id,
                    "activity_type_id": activity_type.id,
                    "user_id": rec.user_id.id,
                    "summary": self.env._("Evaluate the result"),
                }
                for rec in todo
                if rec.user_id.active
            ],
            self.env._("Demands done: evaluate their result"),
        )
        return True

    def action_evaluate(self):
        """The requester (or a manager) scores the result, 1 to 5."""
        self._ops_check_evaluator()
        self._ops_lock()
        self._ops_check_state(("done",))
        for rec in self:
            if not rec.evaluation_score:
                raise UserError(
                    self.env._(
                        "Give “%(name)s” a score from 1 to 5 before evaluating it.",
                        name=rec.name,
                    )
                )
        as_server(self.sudo()).write(
            {
                "state": "evaluated",
                "evaluated_by_id": self.env.user.id,
                "evaluated_on": fields.Date.context_today(self),
            }
        )
        # The requester's reminder is answered, whoever evaluated.
        self.sudo().activity_ids.filtered(
            lambda a: a.user_id in self.user_id
        ).action_feedback()
        return True

    def action_reject(self):
        """The operations manager turns a demand down, saying why."""
        self._ops_check_manager()
        self._ops_lock()
        self._ops_check_state(("intake",))
        for rec in self:
            if not (rec.reject_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write why “%(name)s” is rejected before rejecting it.",
                        name=rec.name,
                    )
                )
        as_server(self.sudo()).write({"state": "rejected"})
        for rec in self.sudo():
            rec.message_post(
                body=Markup("<p>%s</p><p><i>%s</i></p>")
                % (self.env._("Demand rejected."), rec.reject_reason),
                partner_ids=rec.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_open_task(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": self.task_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Figures for the monthly report and the appraisal
    # ------------------------------------------------------------------
    @api.model
    def _ops_month_figures(self, company, date_from, date_to):
        """Demands of ``company`` received, done and evaluated from
        ``date_from`` to ``date_to``, and the average score: three grouped
        queries whatever the number of demands."""
        Demand = self.sudo()
        base = [("company_id", "=", company.id)]
        received = Demand.search_count(
            base
            + [("date_received", ">=", date_from), ("date_received", "<=", date_to)]
        )
        done = Demand.search_count(
            base + [("done_on", ">=", date_from), ("done_on", "<=", date_to)]
        )
        [(evaluated, score_sum)] = Demand._read_group(
            base
            + [
                ("state", "=", "evaluated"),
                ("evaluated_on", ">=", date_from),
                ("evaluated_on", "<=", date_to),
            ],
            [],
            ["__count", "evaluation_score:sum"],
        )
        return {
            "demand_received": received,
            "demand_done": done,
            "demand_evaluated": evaluated,
            "demand_score_avg": round((score_sum or 0) / evaluated, 2)
            if evaluated
            else 0.0,
        }

    @api.model
    def _ops_appraisal_figures(self, users, date_from, date_to):
        """Per assignee, the demands they completed from ``date_from`` to
        ``date_to``: ``{user_id: {"done": n, "evaluated": n, "score_avg": x}}``.

        The appraisal app reads it when this addon is installed (it does not
        depend on projects): one grouped query for all users.
        """
        groups = self.sudo()._read_group(
            [
                ("assignee_id", "in", users.ids),
                ("done_on", ">=", date_from),
                ("done_on", "<=", date_to),
            ],
            ["assignee_id", "state"],
            ["__count", "evaluation_score:sum"],
        )
        figures = {
            user.id: {"done": 0, "evaluated": 0, "score_avg": 0.0, "score_sum": 0}
            for user in users
        }
        for user, state, count, score_sum in groups:
            fig = figures[user.id]
            fig["done"] += count
            if state == "evaluated":
                fig["evaluated"] += count
                fig["score_sum"] += score_sum or 0
        for fig in figures.values():
            score_sum = fig.pop("score_sum")
            if fig["evaluated"]:
                fig["score_avg"] = round(score_sum / fig["evaluated"], 2)
        return figures
