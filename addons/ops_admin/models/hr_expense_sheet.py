# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.ops_base.models.ops_guard import is_server


class HrExpenseSheet(models.Model):
    """Expense claims (报销) under the suite's approval rules: the steps
    shipped as data (department head, then finance) are decided by their
    pending reviewer only, never by the claimant nor by whoever filed the
    claim for them (the department assistant)."""

    _name = "hr.expense.sheet"
    # The engine first: OCA already put tier.validation in the sheet's bases,
    # and the engine (a tier.validation itself) must come before it.
    _inherit = ["ops.tier.decision", "hr.expense.sheet"]

    _ops_requester_field = "employee_id"
    _ops_department_field = "department_id"

    ops_travel_ids = fields.Many2many(
        "ops.admin.travel",
        string="Travel Requests",
        compute="_compute_ops_travel_ids",
    )
    ops_submitted_on = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    ops_progress = fields.Html(
        string="Progress",
        compute="_compute_ops_progress",
        sanitize=False,
        help="Every step of the claim and its date, for the claimant.",
    )

    @api.depends("expense_line_ids.ops_travel_id")
    def _compute_ops_travel_ids(self):
        for sheet in self:
            sheet.ops_travel_ids = sheet.expense_line_ids.ops_travel_id

    def write(self, vals):
        if "ops_submitted_on" in vals and not is_server(self):
            raise AccessError(
                self.env._("The submission date of a claim is set by the system.")
            )
        return super().write(vals)

    def _ops_requesters(self):
        # The assistant who filed the claim asked for it too.
        return super()._ops_requesters() | self.sudo().create_uid

    def _do_submit(self):
        # The regulations: travel is reimbursed only against an approved
        # travel request. Checked here and, whatever the path (RPC write of
        # approval_state included), by the constraint on the expenses.
        self.expense_line_ids._ops_fill_travel()
        self.expense_line_ids._ops_check_travel()
        res = super()._do_submit()
        self.sudo().write({"ops_submitted_on": fields.Datetime.now()})
        # Submitting asks the approval steps at once: once submitted, the
        # claimant (or the assistant) can no longer write the report, so the
        # request is made for them (sudo keeps them as the requester).
        engine = self._ops_matching_records().filtered(lambda s: not s.review_ids)
        if engine:
            engine.sudo().request_validation()
        return res

    @api.constrains("approval_state")
    def _check_ops_travel_requests(self):
        self.filtered(
            lambda s: s.approval_state in ("submit", "approve")
        ).expense_line_ids._ops_check_travel()

    def _ops_progress_steps(self):
        """(label, date, who) of each step reached so far."""
        self.ensure_one()
        sheet = self.sudo()
        steps = [(self.env._("Created"), sheet.create_date, sheet.create_uid.name)]
        if sheet.ops_submitted_on:
            steps.append((self.env._("Submitted"), sheet.ops_submitted_on, ""))
        status = dict(
            self.env["tier.review"]._fields["status"]._description_selection(self.env)
        )
        for review in sheet.review_ids.sorted("sequence"):
            label = f"{review.name or ''}: {status.get(review.status, '')}"
            steps.append((label, review.reviewed_date, review.done_by.name or ""))
        if sheet.approval_date:
            steps.append(
                (self.env._("Approved"), sheet.approval_date, sheet.user_id.name)
            )
        if sheet.account_move_ids:
            steps.append((self.env._("Posted"), sheet.accounting_date or False, ""))
        if sheet.payment_state in ("paid", "in_payment"):
            steps.append((self.env._("Paid"), False, ""))
        return steps

    @api.depends(
        "approval_state",
        "state",
        "review_ids.status",
        "ops_submitted_on",
        "approval_date",
        "payment_state",
    )
    def _compute_ops_progress(self):
        for sheet in self:
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (
                    label,
                    escape(
                        fields.Datetime.to_string(date)
                        if isinstance(date, datetime)
                        else (date and fields.Date.to_string(date) or "")
                    ),
                    who or "",
                )
                for label, date, who in sheet._ops_progress_steps()
            )
            sheet.ops_progress = (
                Markup('<table class="table table-sm"><tbody>%s</tbody></table>') % rows
            )
