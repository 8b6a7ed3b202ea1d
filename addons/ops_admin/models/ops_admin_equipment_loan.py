# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

LOAN_HOLDING_STATES = ("under_review", "approved", "issued")


class OpsAdminEquipmentLoan(models.Model):
    """Lending lab equipment out of the lab (设备借用).

    Four signatures in order (lab head, department head, the requester's
    responsible person, finance: four tier definitions shipped as data),
    then an issue slip (出库申请单) with the material requisition (领料单),
    and an inspection on return (仪器验收单). Overdue loans remind the
    borrower and the lab head once a day.
    """

    _name = "ops.admin.equipment.loan"
    _description = "Equipment Loan"
    _inherit = ["ops.admin.request"]
    _ops_sequence_code = "ops.admin.equipment.loan"
    _ops_end_field = "date_due"

    _ops_transitions = {
        "draft": ("under_review", "cancel"),
        "under_review": ("approved", "rejected", "draft"),
        "approved": ("issued", "cancel"),
        "issued": ("returned",),
        "rejected": ("draft",),
        "cancel": ("draft",),
    }
    _ops_frozen_fields = (
        "user_id",
        "department_id",
        "company_id",
        "equipment_id",
        "responsible_id",
        "date_start",
        "date_due",
        "destination",
        "line_ids",
    )
    _ops_server_fields = (
        "name",
        "submitted_on",
        "answered_on",
        "issue_slip",
        "issued_on",
        "issued_by_id",
        "returned_on",
        "return_condition",
        "inspection_note",
        "inspected_by_id",
        "reminded_on",
    )

    state = fields.Selection(
        selection_add=[("issued", "Lent Out"), ("returned", "Returned"), ("rejected",)],
        ondelete={"issued": "set default", "returned": "set default"},
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    lab_head_id = fields.Many2one(
        "res.users",
        string="Lab Head",
        related="equipment_id.category_id.ops_lab_head_id",
        store=True,
        index=True,
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        required=True,
        tracking=True,
        index=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user.employee_id.parent_id.user_id,
        help="Answers for the equipment while it is out of the lab; signs "
        "third, after the lab head and the department head.",
    )
    date_start = fields.Date(string="Out From", required=True, tracking=True)
    date_due = fields.Date(string="Return By", required=True, tracking=True)
    destination = fields.Char(
        string="Used At", required=True, help="Where the equipment goes."
    )
    purpose = fields.Text()
    line_ids = fields.One2many(
        "ops.admin.equipment.loan.line",
        "loan_id",
        string="Material Requisition",
        copy=True,
    )
    issue_slip = fields.Char(readonly=True, copy=False)
    issued_on = fields.Datetime(readonly=True, copy=False)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    returned_on = fields.Datetime(readonly=True, copy=False)
    return_condition = fields.Selection(
        selection=[
            ("good", "Good"),
            ("worn", "Worn, working"),
            ("damaged", "Damaged"),
            ("incomplete", "Parts Missing"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    inspection_note = fields.Text(readonly=True, copy=False)
    inspected_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reminded_on = fields.Date(
        string="Last Reminder",
        readonly=True,
        copy=False,
        help="Overdue reminders go out at most once a day.",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_days = fields.Integer(compute="_compute_is_overdue")

    _sql_constraints = [
        (
            "ops_loan_dates",
            "CHECK(date_due >= date_start)",
            "Equipment must be due back on or after the day it goes out.",
        ),
    ]

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} {rec.sudo().equipment_id.name or ''}"

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for rec in self:
            late = rec.state == "issued" and rec.date_due and rec.date_due < today
            rec.is_overdue = bool(late)
            rec.overdue_days = (today - rec.date_due).days if late else 0

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "issued"), ("date_due", "<", today)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    # Overlaps ---------------------------------------------------------------

    @api.model
    def _ops_overlapping(self, equipment, start, end, exclude=None):
        """A loan that holds ``equipment`` between datetimes ``start`` and
        ``end``. A lent-out loan holds it until it is back, even late."""
        domain = [
            ("equipment_id", "=", equipment.id),
            ("state", "in", LOAN_HOLDING_STATES),
            ("date_start", "<=", fields.Date.to_date(end)),
            "|",
            ("state", "=", "issued"),
            ("date_due", ">=", fields.Date.to_date(start)),
        ]
        if exclude and exclude._name == self._name:
            domain.append(("id", "!=", exclude.id))
        return self.sudo().search(domain, limit=1)

    @api.constrains("equipment_id", "date_start", "date_due", "state")
    def _check_equipment_overlap(self):
        holding = self.filtered(lambda r: r.state in LOAN_HOLDING_STATES)
        if not holding:
            return
        self._ops_lock_rows(holding.equipment_id)
        for rec in holding:
            start = datetime.combine(rec.date_start, time.min)
            end = datetime.combine(rec.date_due + timedelta(days=1), time.min)
            rec.sudo().equipment_id._ops_check_free(start, end, exclude=rec)

    @api.constrains("responsible_id", "user_id")
    def _check_responsible(self):
        for rec in self:
            if rec.responsible_id == rec.user_id:
                raise ValidationError(
                    self.env._(
                        "The responsible person of “%(name)s” signs for the "
                        "borrower: it must be someone else.",
                        name=rec.display_name,
                    )
                )

    def _ops_check_submittable(self):
        for rec in self:
            if not rec.lab_head_id:
                raise UserError(
                    self.env._(
                        "“%(equipment)s” has no lab head: set one on its "
                        "equipment category before lending it.",
                        equipment=rec.sudo().equipment_id.display_name,
                    )
                )
        return super()._ops_check_submittable()

    # Issue and return ---------------------------------------------------------

    def _ops_check_lab_head(self):
        if self.env.su:
            return True
        for rec in self:
            if self.env.user != rec.lab_head_id:
                raise AccessError(
                    self.env._(
                        "Only the lab head of “%(name)s” can issue or inspect it.",
                        name=rec.display_name,
                    )
                )
        return True

    def action_issue(self):
        """The lab head hands the equipment over against an issue slip,
        only after the four signatures."""
        self._ops_check_lab_head()
        self._ops_lock()
        self.invalidate_recordset(["state"])
        for rec in self:
            if rec.state != "approved":
                raise UserError(
                    self.env._(
                        "“%(name)s” can be issued only once its four signatures "
                        "are collected.",
                        name=rec.display_name,
                    )
                )
            slip = (
                self.env["ir.sequence"].sudo().next_by_code("ops.admin.equipment.issue")
            )
            rec.sudo()._ops_set_state(
                "issued",
                {
                    "issue_slip": slip,
                    "issued_on": fields.Datetime.now(),
                    "issued_by_id": self.env.user.id,
                },
            )
        return True

    def action_return(self):
        self.ensure_one()
        self._ops_check_lab_head()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Inspection"),
            "res_model": "ops.admin.loan.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_loan_id": self.id},
        }

    def _ops_register_return(self, condition, note):
        """Record the inspection on return (仪器验收单) and close the loan."""
        self.ensure_one()
        self._ops_check_lab_head()
        self._ops_lock()
        self.invalidate_recordset(["state"])
        if self.state != "issued":
            raise UserError(
                self.env._(
                    "Only equipment that is lent out can be returned: “%(name)s” "
                    "is not.",
                    name=self.display_name,
                )
            )
        if condition not in dict(self._fields["return_condition"].selection):
            raise UserError(self.env._("Record the condition of the equipment."))
        self.sudo()._ops_set_state(
            "returned",
            {
                "returned_on": fields.Datetime.now(),
                "return_condition": condition,
                "inspection_note": note,
                "inspected_by_id": self.env.user.id,
            },
        )
        overdue = self.env.ref(
            "ops_admin.mail_activity_type_loan_overdue", raise_if_not_found=False
        )
        if overdue:
            self.sudo().activity_unlink(["ops_admin.mail_activity_type_loan_overdue"])
        return True

    # Overdue reminders ----------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, batch_size=None):
        """Remind the borrower and the lab head of every overdue loan, once a
        day: one activity each, never a second one while the first is open.

        Batched: a constant number of queries whatever the number of loans
        (the ORM's bulk create and write); with ``batch_size`` the rest is
        reported to the scheduler, which runs the job again at once.
        """
        if batch_size is None and self.env.context.get("ir_cron_progress_id"):
            batch_size = 20000
        today = fields.Date.context_today(self)
        Loan = self.sudo()
        domain = [
            ("state", "=", "issued"),
            ("date_due", "<", today),
            "|",
            ("reminded_on", "=", False),
            ("reminded_on", "<", today),
        ]
        loans = Loan.search(domain, limit=batch_size)
        if loans:
            loans._ops_lock()
            # Checked again once locked: a concurrent run may have done some.
            loans = Loan.search(domain + [("id", "in", loans.ids)])
        if loans:
            loans._ops_mark_date("reminded_on", today)
            loans._ops_create_overdue_activities(today)
        remaining = Loan.search_count(domain) if batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(loans), remaining=remaining)
        return True

    def _ops_create_overdue_activities(self, today):
        activity_type = self.env.ref("ops_admin.mail_activity_type_loan_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        existing = {
            (a["res_id"], a["user_id"][0])
            for a in self.env["mail.activity"]
            .sudo()
            .search_read(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id", "user_id"],
            )
            if a["user_id"]
        }
        summary = self.env._("Overdue equipment: return it to the lab")
        vals_list = []
        for loan in self:
            for user in loan.user_id | loan.lab_head_id:
                if not user.active or (loan.id, user.id) in existing:
                    continue
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": loan.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "user_id": user.id,
                        "date_deadline": today,
                        "automated": True,
                    }
                )
        if vals_list:
            # mail.activity names each activity after its record, one record
            # at a time: load their names in one go first.
            self.mapped("display_name")
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(vals_list)
        return True
