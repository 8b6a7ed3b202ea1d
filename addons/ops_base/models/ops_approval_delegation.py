# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class OpsApprovalDelegation(models.Model):
    """A reviewer's substitute for a period (代理审批).

    While it runs, the reviewer's approvals of operations records go to the
    substitute; the review keeps the absent reviewer's name, so both names
    are recorded. With Time Off installed, approved leave counts as a
    delegation to the reviewer's usual substitute (or, by default, their
    manager).
    """

    _name = "ops.approval.delegation"
    _description = "Approval Delegation"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        index=True,
    )
    delegate_id = fields.Many2one(
        "res.users",
        string="Substitute",
        required=True,
        domain=[("share", "=", False)],
        index=True,
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(string="To", required=True)
    reason = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("user_id", "delegate_id")
    def _compute_display_name(self):
        for rec in self:
            # Names only: nothing to translate.
            rec.display_name = (
                f"{rec.user_id.name or ''} → {rec.delegate_id.name or ''}"
            )

    # Rules ------------------------------------------------------------------

    @api.constrains("user_id", "delegate_id", "date_from", "date_to", "active")
    def _check_delegation(self):
        for rec in self:
            if rec.delegate_id == rec.user_id:
                raise ValidationError(self.env._("Nobody can be their own substitute."))
            if rec.delegate_id.share or not rec.delegate_id.active:
                raise ValidationError(
                    self.env._("The substitute must be an active internal user.")
                )
            if rec.date_to < rec.date_from:
                raise ValidationError(
                    self.env._("The delegation ends before it starts.")
                )
            if not rec.active:
                continue
            overlap = self.search_count(
                [
                    ("id", "!=", rec.id),
                    ("user_id", "=", rec.user_id.id),
                    ("date_from", "<=", rec.date_to),
                    ("date_to", ">=", rec.date_from),
                ]
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(user)s already has a substitute during part of this "
                        "period.",
                        user=rec.user_id.name,
                    )
                )

    def _check_delegator(self, users):
        """A reviewer delegates their own approvals; an operations manager
        may set one for someone who could not."""
        if self.env.su or self.env.user.has_group("ops_base.group_ops_manager"):
            return
        if users - self.env.user:
            raise AccessError(self.env._("You can only delegate your own approvals."))

    @api.model_create_multi
    def create(self, vals_list):
        users = self.env["res.users"].browse(
            [v.get("user_id", self.env.uid) for v in vals_list]
        )
        self._check_delegator(users)
        records = super().create(vals_list)
        records._ops_refresh()
        return records

    def write(self, vals):
        self._check_delegator(self.user_id)
        if "user_id" in vals:
            self._check_delegator(self.env["res.users"].browse(vals["user_id"]))
        res = super().write(vals)
        self._ops_refresh()
        return res

    def unlink(self):
        self._check_delegator(self.user_id)
        res = super().unlink()
        self.env["tier.review"]._ops_refresh_delegations()
        return res

    def _ops_refresh(self):
        self.env["tier.review"]._ops_refresh_delegations()
        return True

    # Lookup -------------------------------------------------------------------

    @api.model
    def _ops_delegate_for(self, user, day=None):
        """The substitute deciding for ``user`` on ``day`` (today), if any."""
        return self._ops_delegates_for(user, day).get(user.id, self.env["res.users"])

    @api.model
    def _ops_delegates_for(self, users, day=None):
        """{user id: substitute} for those of ``users`` away on ``day``, in
        two queries whatever the number of users (an explicit delegation
        wins over a leave)."""
        day = day or fields.Date.context_today(self)
        result = {}
        if not users:
            return result
        for delegation in self.sudo().search(
            [
                ("user_id", "in", users.ids),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
            ],
            order="id",
        ):
            result.setdefault(delegation.user_id.id, delegation.delegate_id)
        on_leave = users.filtered(lambda u: u.id not in result)
        result.update(self._ops_leave_delegates(on_leave, day))
        return result

    @api.model
    def _ops_leave_delegates(self, users, day):
        # Time Off is optional: only look at leaves when it is installed.
        if "hr.leave" not in self.env or not users:
            return {}
        users = users.sudo()
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", users.employee_ids.ids),
                    ("state", "=", "validate"),
                    ("request_date_from", "<=", day),
                    ("request_date_to", ">=", day),
                ]
            )
        )
        result = {}
        for leave in leaves:
            user = leave.employee_id.user_id
            if user and user.id not in result:
                result[user.id] = (
                    user.ops_approval_substitute_id
                    or leave.employee_id.parent_id.user_id
                )
        return result
