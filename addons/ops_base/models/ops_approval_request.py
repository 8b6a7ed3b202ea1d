# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class OpsApprovalRequest(models.Model):
    """One line of the approval centre (审批中心) per operations record that
    went through approval: who asked, the step it is at, who must decide now,
    who decided, who is copied.

    Kept in step with the record's reviews by the engine (``_ops_sync``), so
    the centre lists, counts and filters records of every approval model of
    the suite with plain searches. Users never write it.
    """

    _name = "ops.approval.request"
    _description = "Approval Request"
    _order = "pending_since desc, id desc"
    _rec_name = "name"

    model = fields.Char(string="Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="model", required=True, index=True
    )
    model_id = fields.Many2one("ir.model", string="Type", ondelete="cascade")
    name = fields.Char(string="Record")
    company_id = fields.Many2one("res.company")
    requester_id = fields.Many2one("res.users", index=True)
    request_date = fields.Datetime(string="Submitted On")
    status = fields.Selection(
        selection=[
            ("pending", "In Approval"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("withdrawn", "Withdrawn"),
            ("reset", "Reset"),
        ],
        default="pending",
        index=True,
    )
    step = fields.Char(string="Current Step")
    progress = fields.Char()
    pending_since = fields.Datetime(string="Waiting Since")
    deadline = fields.Datetime()
    waiting_time = fields.Char(compute="_compute_waiting_time")
    overdue = fields.Boolean(compute="_compute_waiting_time")
    todo_user_ids = fields.Many2many(
        "res.users",
        "ops_approval_request_todo_rel",
        "request_id",
        "user_id",
        string="To Be Decided By",
    )
    reviewer_user_ids = fields.Many2many(
        "res.users",
        "ops_approval_request_reviewer_rel",
        "request_id",
        "user_id",
        string="Reviewers",
    )
    decided_user_ids = fields.Many2many(
        "res.users",
        "ops_approval_request_decided_rel",
        "request_id",
        "user_id",
        string="Decided By",
    )
    cc_user_ids = fields.Many2many(
        "res.users",
        "ops_approval_request_cc_rel",
        "request_id",
        "user_id",
        string="CC",
    )
    last_urge_date = fields.Datetime(string="Last Urged On")
    can_decide = fields.Boolean(compute="_compute_can_decide")
    can_urge = fields.Boolean(compute="_compute_can_decide")

    _sql_constraints = [
        (
            "record_uniq",
            "unique(model, res_id)",
            "A record has one line in the approval centre.",
        )
    ]

    @api.depends_context("uid")
    @api.depends("todo_user_ids")
    def _compute_can_decide(self):
        for row in self:
            row.can_decide = self.env.user in row.todo_user_ids
            row.can_urge = (
                row.status == "pending"
                and row.requester_id == self.env.user
                and bool(row.todo_user_ids)
            )

    @api.depends("pending_since", "deadline", "status")
    def _compute_waiting_time(self):
        now = fields.Datetime.now()
        for row in self:
            row.waiting_time = False
            row.overdue = False
            if row.status != "pending" or not row.pending_since:
                continue
            delta = now - row.pending_since
            hours = int(delta.total_seconds() // 3600)
            row.waiting_time = self.env._(
                "%(days)sd %(hours)sh", days=hours // 24, hours=hours % 24
            )
            row.overdue = bool(row.deadline and row.deadline < now)

    # Sync ------------------------------------------------------------------

    @api.model
    def _ops_sync(self, records, status=None):
        """Bring the centre's lines of ``records`` (any ops approval model)
        in line with their reviews; ``status`` overrides it for records
        whose reviews were just removed (withdrawn, reset)."""
        Request = self.sudo()
        for rec in records.sudo().exists():
            row = Request.search(
                [("model", "=", rec._name), ("res_id", "=", rec.id)], limit=1
            )
            reviews = rec.review_ids
            if not reviews and not row:
                continue
            vals = rec._ops_request_values()
            if not reviews:
                vals.update(
                    status=status or "withdrawn",
                    todo_user_ids=[fields.Command.clear()],
                    step=False,
                )
            if row:
                before = row.status
                row.write(vals)
            else:
                before = None
                row = Request.create(
                    dict(
                        vals,
                        model=rec._name,
                        res_id=rec.id,
                        model_id=rec._ops_model_id(),
                    )
                )
            rec._ops_sync_activities(row.todo_user_ids)
            if before != row.status and row.status in ("approved", "rejected"):
                rec._ops_notify_cc(row)
        return True

    # Actions from the centre -------------------------------------------------

    def _ops_record(self):
        self.ensure_one()
        if self.model not in self.env:
            raise UserError(self.env._("This type of record is no longer installed."))
        return self.env[self.model].browse(self.res_id)

    def action_open_record(self):
        record = self._ops_record()
        record.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_approve(self):
        return self._ops_record().action_ops_approve()

    def action_reject(self):
        return self._ops_record().action_ops_reject()

    def action_urge(self):
        return self._ops_record().action_ops_urge()

    # Guards: the engine writes these lines ---------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Approval centre lines are kept by the system.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._("Approval centre lines are kept by the system.")
            )
        return super().write(vals)
