# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

from odoo.addons.ops_base.models.ops_guard import as_server

SERVICE_GROUPS = "helpdesk_mgmt.group_helpdesk_user_own,base.group_portal"
# The complaint's internal analysis and the staff accountability decision are
# read by service staff and operations managers only: never by the customer
# in the portal, nor by an internal user who merely follows the ticket.
INTERNAL_GROUPS = "helpdesk_mgmt.group_helpdesk_user_own,ops_base.group_ops_manager"


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "ops.guarded.mixin"]

    # Maintained by the server (SLA computation, escalation cron, complaint
    # closing): the form shows them read-only, the server refuses them from
    # any client.
    _ops_server_fields = (
        "service_kind",
        "response_deadline",
        "resolution_deadline",
        "response_breached",
        "resolution_breached",
        "sla_breached",
        "sla_compliance",
        "escalation_level",
        "escalation_date",
        "first_response_date",
        "response_hours",
        "resolution_hours",
        "accountability_id",
    )

    # Customer contact details: only service staff (and the customer in the
    # portal) read them.
    partner_email = fields.Char(groups=SERVICE_GROUPS)

    service_kind = fields.Selection(
        string="Kind",
        related="category_id.service_kind",
        store=True,
        index=True,
    )

    product_id = fields.Many2one(
        "product.product",
        index=True,
        help="The product the customer contacts us about, for the analysis.",
    )

    # --- SLA and escalation ------------------------------------------------
    response_deadline = fields.Datetime(
        string="First Response Deadline", compute="_compute_sla_deadlines", store=True
    )
    resolution_deadline = fields.Datetime(compute="_compute_sla_deadlines", store=True)
    response_breached = fields.Boolean(
        string="First Response Late", readonly=True, copy=False
    )
    resolution_breached = fields.Boolean(
        string="Resolution Late", readonly=True, copy=False
    )
    sla_breached = fields.Boolean(
        string="SLA Breached",
        compute="_compute_sla_breached",
        store=True,
        index=True,
    )
    sla_compliance = fields.Float(
        string="SLA Compliance (%)",
        compute="_compute_sla_breached",
        store=True,
        aggregator="avg",
        help="100 for a ticket handled within its deadlines, 0 otherwise.",
    )
    escalation_level = fields.Selection(
        selection=[
            ("0", "Not Escalated"),
            ("1", "Team Leader"),
            ("2", "Service Manager"),
        ],
        default="0",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    escalation_date = fields.Datetime(readonly=True, copy=False)
    first_response_date = fields.Datetime(readonly=True, copy=False)
    response_hours = fields.Float(
        string="Hours to First Response",
        compute="_compute_service_hours",
        store=True,
        aggregator="avg",
    )
    resolution_hours = fields.Float(
        string="Hours to Resolution",
        compute="_compute_service_hours",
        store=True,
        aggregator="avg",
    )

    # --- Complaints --------------------------------------------------------
    complaint_cause = fields.Selection(
        selection=[
            ("product", "Product Quality"),
            ("service", "Service Attitude"),
            ("delivery", "Delivery / Logistics"),
            ("billing", "Pricing / Billing"),
            ("system", "System Fault"),
            ("process", "Process / Policy"),
            ("other", "Other"),
        ],
        string="Cause Category",
        tracking=True,
        groups=INTERNAL_GROUPS,
    )
    root_cause = fields.Text(tracking=True, groups=INTERNAL_GROUPS)
    solution = fields.Text(tracking=True, groups=INTERNAL_GROUPS)
    staff_at_fault = fields.Boolean(
        string="Staff at Fault",
        tracking=True,
        help="A member of staff was responsible: name the employee and the "
        "reward/penalty decision before closing.",
        groups=INTERNAL_GROUPS,
    )
    responsible_employee_id = fields.Many2one(
        "hr.employee", tracking=True, groups=INTERNAL_GROUPS
    )
    accountability_decision = fields.Selection(
        selection=[("none", "None"), ("reward", "Reward"), ("penalty", "Penalty")],
        tracking=True,
        groups=INTERNAL_GROUPS,
    )
    accountability_amount = fields.Monetary(
        string="Reward/Penalty Amount",
        currency_field="company_currency_id",
        groups=INTERNAL_GROUPS,
    )
    accountability_points = fields.Float(
        string="Appraisal Points", groups=INTERNAL_GROUPS
    )
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    accountability_id = fields.Many2one(
        "ops.accountability",
        string="Accountability Record",
        readonly=True,
        copy=False,
        groups=INTERNAL_GROUPS,
    )

    # --- Feedback to the product team --------------------------------------
    task_stage_id = fields.Many2one(
        related="task_id.stage_id", string="Task Stage", readonly=True
    )
    task_state = fields.Selection(
        related="task_id.state", string="Task Status", readonly=True
    )

    # --- Revisit (回访) -----------------------------------------------------
    revisit_date = fields.Date(copy=False, tracking=True)
    revisit_outcome = fields.Selection(
        selection=[
            ("satisfied", "Satisfied"),
            ("partly", "Partly Satisfied"),
            ("unsatisfied", "Unsatisfied"),
            ("unreachable", "Unreachable"),
        ],
        copy=False,
        tracking=True,
    )
    revisit_note = fields.Text(string="Revisit Notes", copy=False)

    # ------------------------------------------------------------------------
    @api.depends(
        "ticket_sla_ids.deadline", "ticket_sla_ids.sla_id", "ticket_sla_ids.state"
    )
    def _compute_sla_deadlines(self):
        for ticket in self:
            deadlines = {"response": [], "resolution": []}
            for line in ticket.ticket_sla_ids:
                kind = line.sla_id.sla_type
                if kind and line.deadline:
                    deadlines[kind].append(line.deadline)
            ticket.response_deadline = min(deadlines["response"], default=False)
            ticket.resolution_deadline = min(deadlines["resolution"], default=False)

    @api.depends("response_breached", "resolution_breached")
    def _compute_sla_breached(self):
        for ticket in self:
            breached = ticket.response_breached or ticket.resolution_breached
            ticket.sla_breached = breached
            ticket.sla_compliance = 0.0 if breached else 100.0

    @api.depends("first_response_date", "closed_date", "create_date")
    def _compute_service_hours(self):
        def hours(start, end):
            # create_date keeps microseconds, Datetime.now() does not: an
            # answer in the same second must not come out negative.
            return (
                max((end - start).total_seconds() / 3600, 0.0) if start and end else 0.0
            )

        for ticket in self:
            ticket.response_hours = hours(
                ticket.create_date, ticket.first_response_date
            )
            ticket.resolution_hours = hours(ticket.create_date, ticket.closed_date)

    # ------------------------------------------------------------------------
    def _get_sla_ticket_domain(self):
        # helpdesk_mgmt_sla matches team, category and tags; the kind x
        # priority matrix also needs the priority.
        # The SLA policies of another company never apply (each company has
        # its own kind x priority matrix, see res.company).
        return super()._get_sla_ticket_domain() + [
            "|",
            ("ticket_priority", "=", False),
            ("ticket_priority", "=", self.priority),
            ("company_id", "in", [False, self.company_id.id]),
        ]

    @api.constrains("category_id", "company_id")
    def _check_ops_category_company(self):
        for ticket in self:
            category_company = ticket.category_id.company_id
            if category_company and category_company != ticket.company_id:
                raise ValidationError(
                    self.env._(
                        "Ticket %(ticket)s belongs to %(company)s but its "
                        "category %(category)s to %(other)s: choose a category "
                        "of the ticket's company.",
                        ticket=ticket.display_name,
                        company=ticket.company_id.name,
                        category=ticket.category_id.display_name,
                        other=category_company.name,
                    )
                )

    # --- Public methods of the OCA modules: return something RPC can marshal.
    def assign_to_me(self):
        super().assign_to_me()
        return True

    def action_duplicate_tickets(self):
        super().action_duplicate_tickets()
        return True

    # The SLA lines are the server's (see helpdesk.ticket.sla): matching
    # creates them as the server; removing lines still needs the right to.
    def set_sla(self):
        super(HelpdeskTicket, as_server(self)).set_sla()
        return True

    def refresh_sla(self):
        super(HelpdeskTicket, as_server(self)).refresh_sla()
        return True

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        answered = tickets.filtered(lambda t: t.stage_id and not t.stage_id.unattended)
        if answered:
            as_server(answered).write({"first_response_date": fields.Datetime.now()})
        closed = tickets.filtered(lambda t: t.stage_id.closed)
        if closed:
            closed._ops_on_close()
        return tickets

    def write(self, vals):
        closing = self.browse()
        to_check = self.browse()
        first_response = self.browse()
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                to_check = self
                closing = self.filtered(lambda t: not t.stage_id.closed)
            if not stage.unattended:
                first_response = self.filtered(lambda t: not t.first_response_date)
        res = super().write(vals)
        if first_response:
            super(HelpdeskTicket, as_server(first_response)).write(
                {"first_response_date": fields.Datetime.now()}
            )
        if "stage_id" in vals:
            self.sudo()._ops_record_breaches()
        if {"category_id", "priority", "team_id", "tag_ids"} & set(vals):
            for ticket in self.filtered(lambda t: not t.stage_id.closed):
                if ticket.team_id.use_sla:
                    # Bookkeeping of the user's change: agents may not delete
                    # the lines that no longer apply themselves.
                    ticket.sudo().refresh_sla()
        if to_check:
            to_check._ops_check_complaint_closing()
            to_check._ops_create_accountability()
        if closing:
            closing._ops_schedule_revisits()
        if vals.get("revisit_outcome"):
            self._ops_close_revisit_activities()
        return res

    # --- Complaints ----------------------------------------------------------
    def _ops_check_complaint_closing(self):
        for ticket in self.filtered(lambda t: t.service_kind == "complaint"):
            missing = []
            if not ticket.complaint_cause:
                missing.append(self.env._("cause category"))
            if not (ticket.root_cause or "").strip():
                missing.append(self.env._("root cause"))
            if not (ticket.solution or "").strip():
                missing.append(self.env._("solution"))
            if ticket.staff_at_fault:
                if not ticket.responsible_employee_id:
                    missing.append(self.env._("responsible employee"))
                if not ticket.accountability_decision:
                    missing.append(self.env._("accountability decision"))
            if missing:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ticket)s cannot be closed yet. "
                        "Please fill in: %(fields)s.",
                        ticket=ticket.display_name,
                        fields=", ".join(missing),
                    )
                )
            if (
                ticket.staff_at_fault
                and ticket.accountability_decision in ("reward", "penalty")
                and not (ticket.accountability_amount or ticket.accountability_points)
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ticket)s: a reward or penalty needs an "
                        "amount or appraisal points.",
                        ticket=ticket.display_name,
                    )
                )

    def _ops_check_portal_close(self):
        """A customer closes their ticket from the portal (the close itself is
        written in sudo): a complaint whose handling is not recorded yet, or
        whose staff accountability decision is still to be taken, is closed by
        the service team, not by the customer.
        """
        for ticket in self.sudo().filtered(lambda t: t.service_kind == "complaint"):
            handled = (
                ticket.complaint_cause
                and (ticket.root_cause or "").strip()
                and (ticket.solution or "").strip()
            )
            if not handled or (ticket.staff_at_fault and not ticket.accountability_id):
                raise UserError(
                    self.env._(
                        "Your complaint %(ticket)s is still being handled by our "
                        "service team; it will be closed once its handling is "
                        "complete.",
                        ticket=ticket.display_name,
                    )
                )
        return True

    def _ops_can_decide_accountability(self):
        """Team leaders, helpdesk managers and operations managers decide."""
        self.ensure_one()
        user = self.env.user
        return (
            self.env.su
            or user.has_group("helpdesk_mgmt.group_helpdesk_manager")
            or user.has_group("ops_base.group_ops_manager")
            or (self.team_id and self.team_id.user_id == user)
        )

    def _ops_create_accountability(self):
        Accountability = self.env["ops.accountability"].sudo()
        for ticket in self.filtered(
            lambda t: t.service_kind == "complaint"
            and t.staff_at_fault
            and not t.accountability_id
        ):
            if not ticket._ops_can_decide_accountability():
                raise UserError(
                    self.env._(
                        "Only the team leader or a service manager can close "
                        "complaint %(ticket)s with a staff accountability "
                        "decision.",
                        ticket=ticket.display_name,
                    )
                )
            record = Accountability.create(
                {
                    "name": self.env._(
                        "Complaint %(ticket)s", ticket=ticket.display_name
                    ),
                    "employee_id": ticket.responsible_employee_id.id,
                    "decision": ticket.accountability_decision,
                    "amount": ticket.accountability_amount,
                    "points": ticket.accountability_points,
                    "reason": "\n".join(
                        filter(None, [ticket.root_cause, ticket.solution])
                    ),
                    "company_id": ticket.company_id.id,
                    "res_model": ticket._name,
                    "res_id": ticket.id,
                }
            )
            as_server(ticket).accountability_id = record

    def _ops_schedule_revisits(self):
        activity_type = self.env.ref(
            "ops_service.mail_activity_type_revisit", raise_if_not_found=False
        )
        if not activity_type:
            return
        vals_list = []
        model_id = self.env["ir.model"]._get_id(self._name)
        for ticket in self.filtered(
            lambda t: t.service_kind == "complaint" and t._ops_revisit_user()
        ):
            deadline = fields.Date.context_today(ticket) + timedelta(
                days=ticket.company_id.ops_service_revisit_days
            )
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Revisit the customer"),
                    "user_id": ticket._ops_revisit_user().id,
                    "date_deadline": deadline,
                }
            )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)

    def _ops_revisit_user(self):
        """Who calls the customer back: the assignee, else the team leader,
        else the service manager, else whoever closes (if staff: a customer
        closing from the portal is not)."""
        self.ensure_one()
        for user in (
            self.user_id,
            self.team_id.user_id,
            self.company_id.ops_service_manager_id,
            self.env.user,
        ):
            if user and not user.share:
                return user
        return self.env["res.users"]

    def _ops_on_close(self):
        self._ops_check_complaint_closing()
        self._ops_create_accountability()
        self._ops_schedule_revisits()

    def _ops_close_revisit_activities(self):
        activity_type = self.env.ref(
            "ops_service.mail_activity_type_revisit", raise_if_not_found=False
        )
        for ticket in self:
            activities = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if activities:
                activities.action_feedback(
                    feedback=dict(
                        self._fields["revisit_outcome"]._description_selection(self.env)
                    ).get(ticket.revisit_outcome)
                )
            if not ticket.revisit_date:
                ticket.revisit_date = fields.Date.context_today(ticket)

    # --- SLA breaches and escalation -------------------------------------------
    @api.model
    def _ops_overdue_sla_domain(self, sla_type, now):
        return [
            ("sla_id.sla_type", "=", sla_type),
            "|",
            ("state", "=", "expired"),
            "&",
            ("state", "=", "in_progress"),
            ("deadline", "<", now),
        ]

    def _ops_lock_rows(self):
        """Lock these tickets for the current transaction; return those locked.

        The escalation cron may run in two processes at once (two schedulers,
        or a manual run beside the scheduled one). Rows another transaction
        holds are skipped (``SKIP LOCKED``): that transaction handles them.
        Rows another transaction changed and committed after ours began cannot
        be locked under repeatable read: they are skipped too, and the next
        run sees them as they now are. Either way each ticket is handled by
        one process only.
        """
        if not self:
            return self
        locked = set()
        for ids in split_every(1000, self.ids):
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(
                        "SELECT id FROM helpdesk_ticket WHERE id IN %s "
                        "FOR UPDATE SKIP LOCKED",
                        [tuple(ids)],
                        log_exceptions=False,
                    )
                    locked.update(row[0] for row in self.env.cr.fetchall())
            except SerializationFailure:
                continue
        tickets = self.browse([tid for tid in self.ids if tid in locked])
        # Under read committed, a row locked after another process committed
        # shows that process's values only once re-read.
        tickets.invalidate_recordset()
        return tickets

    def _ops_record_breaches(self, now=None):
        """Flag late first responses and resolutions (batched).

        Called on ``self`` after a stage change, or on the empty recordset by
        the cron for all open tickets (then rows held by a concurrent run are
        left to it).
        """
        now = now or fields.Datetime.now()
        for sla_type, field in (
            ("response", "response_breached"),
            ("resolution", "resolution_breached"),
        ):
            domain = [
                (field, "=", False),
                (
                    "ticket_sla_ids",
                    "any",
                    self._ops_overdue_sla_domain(sla_type, now),
                ),
            ]
            if self:
                domain.append(("id", "in", self.ids))
            else:
                domain.append(("stage_id.closed", "=", False))
            late = self.with_context(active_test=False).search(domain)
            if not self:
                late = late._ops_lock_rows().filtered(lambda t, f=field: not t[f])
            if late:
                as_server(late).write({field: True})

    def _ops_escalation_recipient(self, *users):
        """The first of ``users`` who works for the ticket's company.

        An escalation never leaves the company: a team leader or manager who
        cannot open the ticket's company is skipped.
        """
        self.ensure_one()
        for user in users:
            if user and self.company_id in user.company_ids:
                return user
        return self.env["res.users"]

    def _ops_escalate(self, level, users_by_ticket):
        activity_type = self.env.ref("ops_service.mail_activity_type_escalation")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        summary = (
            self.env._("Overdue ticket escalated to you (team leader)")
            if level == "1"
            else self.env._("Overdue ticket escalated to you (service manager)")
        )
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": ticket_id,
                "activity_type_id": activity_type.id,
                "summary": summary,
                "user_id": user_id,
                "date_deadline": today,
            }
            for ticket_id, user_id in users_by_ticket.items()
            if user_id
        ]
        if vals_list:
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(vals_list)

    def _ops_escalate_to(self, level, domain, now, batch_size):
        """Escalate the open tickets of ``domain`` to ``level``, once.

        Returns (escalated, remaining) counts for the cron's progress.
        """
        tickets = self.search(domain, limit=batch_size)._ops_lock_rows()
        if tickets:
            # Check again once locked: a concurrent run may have escalated some.
            tickets = self.search(domain + [("id", "in", tickets.ids)])
        if tickets:
            as_server(tickets).write(
                {"escalation_level": level, "escalation_date": now}
            )
            recipients = {}
            for ticket in tickets:
                manager = ticket.company_id.ops_service_manager_id
                candidates = (ticket.team_id.user_id, manager)
                if level != "1":
                    candidates = (manager,)
                recipient = ticket._ops_escalation_recipient(*candidates)
                recipients[ticket.id] = recipient.id
            tickets._ops_escalate(level, recipients)
        # Rows left to a concurrent run count as remaining work.
        remaining = self.search_count(domain) if batch_size else 0
        return len(tickets), remaining

    @api.model
    def _cron_escalate_overdue(self, batch_size=None):
        """Record SLA breaches and escalate overdue tickets, once per level.

        Run by the scheduler, each level handles at most ``batch_size`` tickets
        (20,000 by default) and reports the rest as remaining work, so that the
        scheduler runs it again at once instead of one long transaction. Safe
        to run in two processes at once (see ``_ops_lock_rows``).
        """
        if batch_size is None and self.env.context.get("ir_cron_progress_id"):
            batch_size = 20000
        # A system job over every company's tickets, whoever the cron user is.
        Ticket = self.sudo()
        now = fields.Datetime.now()
        Ticket.browse()._ops_record_breaches(now)
        open_domain = [("stage_id.closed", "=", False)]
        companies = [
            company
            for (company,) in Ticket._read_group(
                open_domain + [("escalation_level", "!=", "2")], ["company_id"]
            )
        ]
        done = remaining = 0
        for company in companies:
            company_domain = open_domain + [("company_id", "=", company.id)]
            # Level 1: the team leader.
            counts_1 = Ticket._ops_escalate_to(
                "1",
                company_domain
                + [("sla_breached", "=", True), ("escalation_level", "=", "0")],
                now,
                batch_size,
            )
            # Level 2: the customer service manager, once the delay is over.
            limit = now - timedelta(hours=company.ops_service_escalation_hours)
            counts_2 = Ticket._ops_escalate_to(
                "2",
                company_domain
                + [("escalation_level", "=", "1"), ("escalation_date", "<=", limit)],
                now,
                batch_size,
            )
            done += counts_1[0] + counts_2[0]
            remaining += counts_1[1] + counts_2[1]
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return True

    # --- Actions -----------------------------------------------------------------
    def action_ops_create_task(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send to Product Team"),
            "res_model": "ops.service.task.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_ops_open_task(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": self.task_id.id,
            "view_mode": "form",
        }
