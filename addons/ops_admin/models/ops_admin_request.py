# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import as_server

# A claim takes 2 days to 2 weeks: after 2 days, the reviewers are reminded.
REMIND_AFTER_DAYS = 2

REQUEST_STATES = [
    ("draft", "Draft"),
    ("under_review", "Under Review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class OpsAdminRequest(models.AbstractModel):
    """What the department's administrative requests share (travel, car,
    equipment booking and loan): a requester in a department, a submission
    that asks the approval steps shipped as data, and a conclusion written
    by the engine when the last step decides.

    Every move is an action method that checks who acts, then asks the
    engine (``_ops_set_state``) to change the state: a client cannot write it.
    """

    _name = "ops.admin.request"
    _description = "Administration Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"

    _state_from = ["draft", "under_review"]
    _state_to = ["approved"]
    # Not "rejected": moving to the cancel state deletes the reviews, and a
    # rejection (who, when, why) must stay on the record.
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("under_review", "cancel"),
        "under_review": ("approved", "rejected", "draft"),
        "approved": ("cancel",),
        "rejected": ("draft",),
        "cancel": ("draft",),
    }
    _ops_server_fields = (
        "name",
        "submitted_on",
        "answered_on",
        "reviewer_reminded_on",
    )
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"
    # ir.sequence code of the reference
    _ops_sequence_code = None

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    state = fields.Selection(
        selection=REQUEST_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requester",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain=[("share", "=", False)],
    )
    department_id = fields.Many2one(
        "hr.department",
        default=lambda self: self.env.user.employee_id.department_id,
        tracking=True,
        index=True,
    )
    submitted_on = fields.Date(readonly=True, copy=False, tracking=True)
    answered_on = fields.Date(readonly=True, copy=False, tracking=True)
    reviewer_reminded_on = fields.Date(
        string="Reviewers Reminded On",
        readonly=True,
        copy=False,
        help="Pending reviewers are reminded at most once a day.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        code = self._ops_sequence_code
        if code:
            for rec in records:
                number = self.env["ir.sequence"].sudo().next_by_code(code)
                as_server(rec).write({"name": number or "/"})
        return records

    # Who may act -----------------------------------------------------------

    def _ops_is_assistant(self):
        """The department assistant files and follows requests for their
        department's staff."""
        self.ensure_one()
        department = self.sudo().department_id
        return bool(department) and self.env.user in department.ops_assistant_ids

    def _ops_check_requester(self):
        """The requester, whoever typed the request or the department's
        assistant acts on it (submit, withdraw, cancel)."""
        if self.env.su:
            return True
        user = self.env.user
        for rec in self:
            rec.check_access("write")
            if user in (rec.user_id | rec.create_uid) or rec._ops_is_assistant():
                continue
            raise AccessError(
                self.env._(
                    "Only the requester of “%(name)s” or the assistant of their "
                    "department can do this.",
                    name=rec.display_name,
                )
            )
        return True

    def _ops_requesters(self):
        # Whoever typed the request asked for it too (an assistant filing for
        # a colleague): they cannot approve it either.
        return super()._ops_requesters() | self.sudo().create_uid

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        return self._ops_check_requester()

    # Submission ------------------------------------------------------------

    def _ops_check_submittable(self):
        """Hook: what must be true before the approval is asked."""
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "name",
            "submitted_on",
            "answered_on",
            "reviewer_reminded_on",
        ]

    # An override loses the engine's decorator: without it an RPC caller
    # gets a recordset, which XML-RPC cannot marshal.
    @api.returns("tier.review")
    def request_validation(self):
        to_submit = self.filtered(lambda r: r.state == "draft")
        to_submit._ops_check_can_request()
        to_submit._ops_check_submittable()
        reviews = super().request_validation()
        today = fields.Date.context_today(self)
        for rec in to_submit:
            if not rec.review_ids:
                raise UserError(
                    self.env._(
                        "No approval step applies to “%(name)s”: ask the "
                        "administrator to restore the approval settings.",
                        name=rec.display_name,
                    )
                )
            rec._ops_set_state("under_review", {"submitted_on": today})
        return reviews

    def action_submit(self):
        self.request_validation()
        return True

    def restart_validation(self):
        """Withdrawing a submission puts the request back to draft."""
        res = super().restart_validation()
        self.filtered(
            lambda r: r.state == "under_review" and not r.review_ids
        ).sudo()._ops_set_state("draft", {"submitted_on": False})
        return res

    # Conclusion -------------------------------------------------------------

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_conclude()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_conclude()
        return res

    def _ops_conclude(self):
        """The last approval approves, the first rejection rejects; the row
        is locked and read again so two reviewers at once conclude once."""
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        self.review_ids.invalidate_recordset(["status"])
        today = fields.Date.context_today(self)
        for rec in self.filtered(lambda r: r.state == "under_review"):
            if rec.validation_status == "validated":
                state = "approved"
            elif rec.validation_status == "rejected":
                state = "rejected"
                as_server(rec.review_ids).filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).write({"status": "cancel"})
            else:
                continue
            rec.sudo()._ops_set_state(state, {"answered_on": today})
            rec.sudo()._ops_on_concluded(state)
        return True

    def _ops_on_concluded(self, state):
        """Hook called once a request is approved or rejected."""
        return True

    # Other moves ------------------------------------------------------------

    def action_cancel(self):
        self._ops_check_requester()
        self.sudo()._ops_set_state("cancel")
        return True

    def action_draft(self):
        """Reopen a rejected or cancelled request for correction."""
        for rec in self:
            if rec.state not in ("rejected", "cancel"):
                raise UserError(
                    self.env._("Only a rejected or cancelled request can be reopened.")
                )
        self._ops_check_requester()
        as_server(self.review_ids).unlink()
        self.sudo()._ops_set_state(
            "draft", {"submitted_on": False, "answered_on": False}
        )
        return True

    # Overlaps --------------------------------------------------------------

    def _ops_lock_rows(self, records):
        """Lock ``records`` (a vehicle, an equipment) until the end of the
        transaction: two requests submitted at once for the same resource
        are checked one after the other, so only one of them gets it."""
        if records.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                    SQL.identifier(records._table),
                    tuple(records.ids),
                )
            )
        return True

    # Reminders to the pending reviewers ---------------------------------------

    def _ops_mark_date(self, fname, value):
        """Write a reminder's bookkeeping date on many records at once.

        Through the ORM, OCA's tier validation checks its write exceptions
        record by record (two queries each): a date only the crons write
        needs none of that, so one UPDATE whatever the number of records.
        """
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE id IN %s",
                    SQL.identifier(self._table),
                    SQL.identifier(fname),
                    value,
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset([fname])
        return True

    @api.model
    def _ops_admin_request_models(self):
        return [
            name
            for name in (
                "ops.admin.travel",
                "ops.admin.car.request",
                "ops.admin.equipment.booking",
                "ops.admin.equipment.loan",
            )
            if name in self.env
        ]

    @api.model
    def _cron_remind_reviewers(self, batch_size=None):
        """Remind the pending reviewers of every request waiting for them
        since ``REMIND_AFTER_DAYS`` days, once a day, one activity each (none
        while the previous one is open). Batched like the loan reminders."""
        if batch_size is None and self.env.context.get("ir_cron_progress_id"):
            batch_size = 20000
        done = remaining = 0
        for name in self._ops_admin_request_models():
            counts = self.env[name].sudo()._ops_remind_reviewers(batch_size)
            done += counts[0]
            remaining += counts[1]
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return True

    @api.model
    def _ops_remind_reviewers(self, batch_size):
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "under_review"),
            ("submitted_on", "<=", today - timedelta(days=REMIND_AFTER_DAYS)),
            "|",
            ("reviewer_reminded_on", "=", False),
            ("reviewer_reminded_on", "<", today),
        ]
        records = self.search(domain, limit=batch_size)
        if records:
            records._ops_lock()
            # Checked again once locked: a concurrent run may have done some.
            records = self.search(domain + [("id", "in", records.ids)])
        if records:
            records._ops_mark_date("reviewer_reminded_on", today)
            records._ops_create_reviewer_reminders(today)
        remaining = self.search_count(domain) if batch_size else 0
        return len(records), remaining

    def _ops_create_reviewer_reminders(self, today):
        activity_type = self.env.ref("ops_admin.mail_activity_type_review_reminder")
        model_id = self.env["ir.model"]._get_id(self._name)
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("status", "=", "pending"),
                ]
            )
        )
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
        summary = self.env._("Waiting for your approval")
        vals_list = []
        for review in reviews:
            for user in review.reviewer_ids:
                key = (review.res_id, user.id)
                if not user.active or key in existing:
                    continue
                existing.add(key)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": review.res_id,
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
