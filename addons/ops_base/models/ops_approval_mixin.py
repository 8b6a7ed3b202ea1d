# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from lxml import etree
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ops_guard import as_server, is_server

OPEN = ("waiting", "pending")
DECIDED = ("approved", "rejected", "forwarded")
APPROVAL_ACTIVITY = "ops_base.mail_activity_ops_approval"
URGE_ACTIVITY = "ops_base.mail_activity_ops_urge"


class OpsTierValidationActions(models.AbstractModel):
    """How people work with approvals (issue 11), on top of the engine:
    progress on the form, urge (催办), withdraw (撤回), reset with a reason,
    forward (转交) under the engine's rules, the Approve/Reject dialog, and
    delivery of every request, urge and decision inside Odoo."""

    _inherit = "ops.tier.validation"

    ops_progress_html = fields.Html(
        string="Approval Progress", compute="_compute_ops_progress", sanitize=True
    )
    ops_can_urge = fields.Boolean(compute="_compute_ops_actions")
    ops_can_withdraw = fields.Boolean(compute="_compute_ops_actions")
    ops_approval_event_ids = fields.Many2many(
        "ops.approval.event",
        string="Approval History",
        compute="_compute_ops_approval_event_ids",
    )

    # Progress --------------------------------------------------------------

    def _ops_user_label(self, review, user):
        absent = review.ops_absent_user_ids.filtered(
            lambda u: self.env["ops.approval.delegation"]._ops_delegate_for(u) == user
        )
        if absent:
            return self.env._(
                "%(user)s (for %(absent)s)",
                user=user.name,
                absent=", ".join(absent.mapped("name")),
            )
        return user.name

    def _ops_progress_parts(self):
        """(waiting for, approved by, rejected by, chain ahead) as text."""
        self.ensure_one()
        rec = self.sudo()
        reviews = rec.review_ids.sorted(lambda r: (r.sequence, r.id))
        todo = rec._ops_todo_users()
        waiting, approved, rejected = [], [], []
        for review in reviews:
            if review.status == "pending":
                for user in review.reviewer_ids & todo:
                    waiting.append(self._ops_user_label(review, user))
                for vote in review.ops_vote_ids:
                    bucket = approved if vote.decision == "approve" else rejected
                    bucket.append(vote.user_id.name)
            elif review.status in ("approved", "forwarded") and review.done_by:
                approved.append(review.done_by.name)
            elif review.status == "rejected" and review.done_by:
                rejected.append(review.done_by.name)
        ahead = [
            f"{r.name or ''} ({r.todo_by or ''})"
            for r in reviews
            if r.status == "waiting" and not (r.reviewer_ids & todo)
        ]
        return (
            list(dict.fromkeys(waiting)),
            list(dict.fromkeys(approved)),
            list(dict.fromkeys(rejected)),
            ahead,
        )

    def _ops_progress_text(self):
        self.ensure_one()
        waiting, approved, rejected, ahead = self._ops_progress_parts()
        parts = []
        if waiting:
            parts.append(self.env._("Waiting for: %s", ", ".join(waiting)))
        if approved:
            parts.append(self.env._("approved: %s", ", ".join(approved)))
        if rejected:
            parts.append(self.env._("rejected: %s", ", ".join(rejected)))
        if ahead:
            parts.append(self.env._("then: %s", " → ".join(ahead)))
        return "; ".join(parts)

    @api.depends_context("uid", "lang")
    def _compute_ops_progress(self):
        for rec in self:
            if not isinstance(rec.id, int) or not rec.sudo().review_ids:
                rec.ops_progress_html = False
                continue
            waiting, approved, rejected, ahead = rec._ops_progress_parts()
            lines = []
            if waiting:
                lines.append(
                    Markup("<div><b>%s</b> %s</div>")
                    % (self.env._("Waiting for:"), ", ".join(waiting))
                )
            if approved:
                lines.append(
                    Markup("<div class='text-success'><b>%s</b> %s</div>")
                    % (self.env._("Approved:"), ", ".join(approved))
                )
            if rejected:
                lines.append(
                    Markup("<div class='text-danger'><b>%s</b> %s</div>")
                    % (self.env._("Rejected:"), ", ".join(rejected))
                )
            if ahead:
                lines.append(
                    Markup("<div class='text-muted'><b>%s</b> %s</div>")
                    % (self.env._("Then:"), " → ".join(ahead))
                )
            rec.ops_progress_html = Markup("").join(lines)

    def _compute_next_review(self):
        # OCA says "Next: <step>" even while several people review in
        # parallel: name who the record is waiting for.
        for rec in self:
            waiting = rec._ops_progress_parts()[0] if isinstance(rec.id, int) else []
            rec.next_review = waiting and self.env._(
                "Waiting for: %s", ", ".join(waiting)
            )

    @api.depends_context("uid")
    def _compute_ops_actions(self):
        user = self.env.user
        for rec in self:
            mine = isinstance(rec.id, int) and user in rec._ops_requesters()
            is_open = rec.validation_status in OPEN and bool(rec.review_ids)
            rec.ops_can_urge = bool(mine and is_open and rec._ops_todo_users())
            rec.ops_can_withdraw = bool(
                mine and is_open and not rec._ops_has_decision()
            )

    def _compute_ops_approval_event_ids(self):
        # One search for all the records (forms read several at once).
        Event = self.env["ops.approval.event"]
        ids = [rec.id for rec in self if isinstance(rec.id, int)]
        events = Event.search([("model", "=", self._name), ("res_id", "in", ids)])
        for rec in self:
            rec.ops_approval_event_ids = events.filtered(
                lambda e, r=rec: e.res_id == r.id
            )

    def _ops_has_decision(self):
        """Whether a reviewer already acted (approved, rejected, forwarded,
        or a member of a body voted): the request can no longer be withdrawn."""
        self.ensure_one()
        reviews = self.sudo().review_ids
        return bool(
            reviews.filtered(lambda r: r.status in DECIDED) or reviews.ops_vote_ids
        )

    # Form ------------------------------------------------------------------

    def _ops_render(self, template):
        return etree.fromstring(self.env["ir.qweb"]._render(template, {}))

    def _add_tier_validation_buttons(self, node, params):
        new_node = super()._add_tier_validation_buttons(node, params)
        # The requester withdraws, a manager resets with a reason: both from
        # the approval panel. OCA's restart button does neither.
        for button in new_node.xpath("//button[@name='restart_validation']"):
            button.getparent().remove(button)
        return new_node

    def _add_tier_validation_label(self, node, params):
        new_node = super()._add_tier_validation_label(node, params)
        for button in new_node.xpath(
            "//button[@name='validate_tier' or @name='reject_tier' "
            "or @name='forward_tier']"
        ):
            button.getparent().remove(button)
        for field in new_node.xpath("//field[@name='next_review']"):
            field.getparent().remove(field)
        for element in self._ops_render("ops_base.ops_approval_panel"):
            new_node.append(element)
        return new_node

    def _add_tier_validation_reviews(self, node, params):
        reviews = super()._add_tier_validation_reviews(node, params)
        wrapper = self._ops_render("ops_base.ops_approval_history")
        wrapper.insert(0, reviews)
        return wrapper

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + [
            "ops_cc_user_ids",
            "ops_approval_event_ids",
            "ops_progress_html",
        ]

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["ops_cc_user_ids"]

    # Engine hooks ------------------------------------------------------------

    def _ops_sync(self, status=None):
        return self.env["ops.approval.request"]._ops_sync(self, status=status)

    @api.returns("tier.review")
    def request_validation(self):
        reviews = super().request_validation()
        records = self.browse(reviews.mapped("res_id"))
        if records:
            # OCA leaves the first step "waiting" until something recomputes
            # it: do it now so the reviewers get their activity at once.
            as_server(records)._update_counter({"review_created": True})
            Event = self.env["ops.approval.event"]
            for rec in records:
                rec._ops_copy_definition_cc(reviews)
                Event._ops_log(
                    rec,
                    "request",
                    targets=rec._ops_todo_users(),
                    step=", ".join(
                        n
                        for n in reviews.filtered(lambda r, rec=rec: r.res_id == rec.id)
                        .sorted("sequence")
                        .mapped("name")
                        if n
                    ),
                )
            records._ops_sync()
        return reviews

    def _update_counter(self, review_counter):
        res = super()._update_counter(review_counter)
        self._ops_sync()
        return res

    def restart_validation(self):
        keyed = is_server(self, "ops_withdraw", allow_su=False) or is_server(
            self, "ops_reset", allow_su=False
        )
        if self.env.su or keyed:
            res = super().restart_validation()
            if not keyed:
                self._ops_sync(status="reset")
            return res
        # OCA's "restart" called by a client: for the requester before any
        # decision it is a withdrawal, otherwise a manager's reset.
        with_reviews = self.filtered("review_ids")
        withdraw = with_reviews.filtered(
            lambda r: self.env.user in r._ops_requesters() and not r._ops_has_decision()
        )
        if withdraw:
            withdraw.action_ops_withdraw()
        if with_reviews - withdraw:
            (with_reviews - withdraw)._ops_reset(False, strict=False)
        return True

    # Decisions ---------------------------------------------------------------

    def _ops_decision_action(self, decision):
        self.ensure_one()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(False)
        action = self._add_comment(decision, reviews)
        action["name"] = (
            self.env._("Approve") if decision == "validate" else self.env._("Reject")
        )
        if decision == "validate":
            action["context"]["default_comment"] = (
                reviews[:1].definition_id.comment_approve_default or False
            )
        return action

    def action_ops_approve(self):
        """Open the Approve dialog (comment optional unless the step asks)."""
        return self._ops_decision_action("validate")

    def action_ops_reject(self):
        """Open the Reject dialog (a reason is always required)."""
        return self._ops_decision_action("reject")

    def reject_tier(self):
        # The form's Reject button asks for the reason first; OCA's direct
        # rejection stays for server code and RPC (the engine checks both).
        if self.env.context.get("ops_reject_dialog"):
            return self.action_ops_reject()
        return super().reject_tier()

    # Urge ------------------------------------------------------------------

    def action_ops_urge(self):
        """Remind the reviewers the record is waiting for (催办), at most once
        per the company's interval."""
        self.ensure_one()
        self._ops_lock()
        if self.env.user not in self._ops_requesters():
            raise AccessError(
                self.env._(
                    "Only the requester of “%s” can urge its reviewers.",
                    self.display_name,
                )
            )
        todo = self._ops_todo_users()
        if self.validation_status not in OPEN or not todo:
            raise UserError(
                self.env._(
                    "“%s” is not waiting for anyone's approval.", self.display_name
                )
            )
        self._ops_sync()
        row = self._ops_request_row()
        hours = self._get_company().ops_approval_urge_interval_hours
        now = fields.Datetime.now()
        if (
            row.last_urge_date
            and hours
            and now < row.last_urge_date + timedelta(hours=hours)
        ):
            raise UserError(
                self.env._(
                    "The reviewers of “%(record)s” were already urged on "
                    "%(date)s. You can urge them again after %(next)s.",
                    record=self.display_name,
                    date=fields.Datetime.context_timestamp(
                        self, row.last_urge_date
                    ).strftime("%Y-%m-%d %H:%M"),
                    next=fields.Datetime.context_timestamp(
                        self, row.last_urge_date + timedelta(hours=hours)
                    ).strftime("%Y-%m-%d %H:%M"),
                )
            )
        row.sudo().last_urge_date = now
        names = ", ".join(todo.mapped("name"))
        note = self.env._(
            "%(user)s urged the approval of “%(record)s” (waiting for: %(names)s).",
            user=self.env.user.name,
            record=self.display_name,
            names=names,
        )
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % note, subtype_xmlid="mail.mt_note"
        )
        self._ops_schedule(
            todo,
            URGE_ACTIVITY,
            self.env._("Urged: please decide on %s", self.display_name),
            note,
        )
        self.env["ops.approval.event"]._ops_log(self, "urge", targets=todo)
        return True

    def _ops_request_row(self):
        self.ensure_one()
        return (
            self.env["ops.approval.request"]
            .sudo()
            .search([("model", "=", self._name), ("res_id", "=", self.id)], limit=1)
        )

    # Withdraw and reset --------------------------------------------------------

    def _ops_back_to_initial(self):
        """After a withdrawal or reset the record is a draft again (when the
        model declares that move)."""
        field = self._state_field
        initial = self._ops_initial_state
        for rec in self:
            state = rec[field]
            if state == initial or rec.review_ids:
                continue
            if initial in self._ops_transitions.get(state, ()):
                rec.sudo()._ops_set_state(initial)
        return True

    def action_ops_withdraw(self):
        """The requester takes the request back (撤回) before anyone decided."""
        for rec in self:
            if self.env.user not in rec._ops_requesters():
                raise AccessError(
                    self.env._(
                        "Only the requester can withdraw “%(record)s”; a manager "
                        "can reset its approval.",
                        record=rec.display_name,
                    )
                )
            if not rec.review_ids or rec.validation_status not in OPEN:
                raise UserError(
                    self.env._(
                        "“%(record)s” is not waiting for approval: there is "
                        "nothing to withdraw.",
                        record=rec.display_name,
                    )
                )
            if rec._ops_has_decision():
                raise UserError(
                    self.env._(
                        "A reviewer has already decided on “%(record)s”: it can "
                        "no longer be withdrawn. Ask an operations manager to "
                        "reset its approval.",
                        record=rec.display_name,
                    )
                )
        todo = {rec.id: rec._ops_todo_users() for rec in self}
        as_server(self, "ops_withdraw").restart_validation()
        self._ops_back_to_initial()
        Event = self.env["ops.approval.event"]
        for rec in self:
            text = self.env._(
                "%(user)s withdrew the approval request.", user=self.env.user.name
            )
            rec.sudo().message_post(
                body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
            )
            Event._ops_log(rec, "withdraw", targets=todo[rec.id])
            rec._ops_inbox(todo[rec.id], text)
        self._ops_sync(status="withdrawn")
        return True

    def _ops_reset(self, reason, strict=True):
        """A manager restarts an approval after decisions, with a reason;
        the earlier decisions stay in the approval history. (Not ``strict``:
        called through OCA's restart, which ignores records past approval.)"""
        self._ops_check_groups(*self._ops_reset_groups)
        self.check_access("write")
        if not strict:
            self = self.filtered(lambda r: r[self._state_field] in self._state_from)
        for rec in self:
            if rec[self._state_field] not in self._state_from:
                raise UserError(
                    self.env._(
                        "“%(record)s” is %(state)s: its approval can no longer be "
                        "reset here.",
                        record=rec.display_name,
                        state=rec._ops_state_label(rec[self._state_field]),
                    )
                )
        snapshot = {rec.id: rec._ops_review_snapshot() for rec in self}
        notify = {rec.id: rec._ops_todo_users() | rec._ops_requesters() for rec in self}
        as_server(self, "ops_reset").restart_validation()
        self._ops_back_to_initial()
        Event = self.env["ops.approval.event"]
        for rec in self:
            text = self.env._(
                "%(user)s reset the approval. Reason: %(reason)s",
                user=self.env.user.name,
                reason=reason or self.env._("none given"),
            )
            body = Markup("<p>%s</p>") % text
            if snapshot[rec.id]:
                body += Markup("<p><i>%s</i></p>") % snapshot[rec.id]
            rec.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
            Event._ops_log(
                rec,
                "reset",
                comment="\n".join(x for x in (reason, snapshot[rec.id]) if x),
                targets=notify[rec.id],
            )
            rec._ops_inbox(notify[rec.id] - self.env.user, text)
        self._ops_sync(status="reset")
        return True

    def _ops_review_snapshot(self):
        self.ensure_one()
        lines = []
        for review in self.sudo().review_ids.sorted("sequence"):
            line = f"{review.name or ''}: {review.display_status or ''}"
            if review.done_by:
                line += f" ({review.done_by.name})"
            if review.comment:
                line += f" — {review.comment}"
            lines.append(line)
        return "; ".join(lines)

    def action_ops_reset_wizard(self):
        self._ops_check_groups(*self._ops_reset_groups)
        return {
            "name": self.env._("Reset Approval"),
            "type": "ir.actions.act_window",
            "res_model": "ops.approval.reset.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    # Forward -------------------------------------------------------------------

    def _ops_check_can_forward(self):
        self.ensure_one()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(False)
        if not reviews.filtered(lambda r: r.definition_id.has_forward):
            raise UserError(
                self.env._(
                    "The current step of “%(record)s” cannot be forwarded.",
                    record=self.display_name,
                )
            )
        if reviews.filtered(
            lambda r: r.definition_id.ops_decision_rule in ("all", "majority")
            and len(r.reviewer_ids) > 1
        ):
            raise UserError(
                self.env._(
                    "A member of a body votes in person: the step “%(step)s” "
                    "cannot be forwarded.",
                    step=", ".join(n for n in reviews.mapped("name") if n),
                )
            )
        return reviews

    def forward_tier(self):
        self._ops_check_can_forward()
        return super().forward_tier()

    def _forward_tier(self, tiers=False):
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_forward()
        reviews = self._ops_decidable_reviews(tiers).filtered(
            lambda r: r.definition_id.has_forward
        )
        if not reviews:
            return True
        return (
            super(OpsTierValidationActions, as_server(self))._forward_tier(
                as_server(reviews)
            )
            or True
        )

    # In-app delivery -------------------------------------------------------------

    def _ops_schedule(self, users, act_type, summary, note, deadline=None):
        """An activity per user (shown in Odoo and the mobile app whatever
        the user's e-mail preference); an inbox message where the model has
        no activities."""
        self.ensure_one()
        users = users.filtered(lambda u: u.active and not u.share)
        if not users:
            return True
        if "activity_ids" not in self._fields:
            return self._ops_inbox(users, note)
        date = deadline or fields.Date.context_today(self)
        for user in users:
            self.sudo().activity_schedule(
                act_type,
                date_deadline=date,
                summary=summary,
                note=note,
                user_id=user.id,
            )
        return True

    def _ops_sync_activities(self, todo):
        """One "To approve" activity per user the record waits for; none
        (and no urge) left for anyone else."""
        self.ensure_one()
        if "activity_ids" not in self._fields:
            return True
        rec = self.sudo()
        approval = self.env.ref(APPROVAL_ACTIVITY, raise_if_not_found=False)
        urge = self.env.ref(URGE_ACTIVITY, raise_if_not_found=False)
        if not approval:
            return True
        activities = rec.activity_ids.filtered(
            lambda a: a.activity_type_id in (approval | urge)
        )
        activities.filtered(lambda a: a.user_id not in todo).unlink()
        have = activities.filtered(
            lambda a: a.exists() and a.activity_type_id == approval
        ).user_id
        missing = (todo - have).filtered(lambda u: u.active and not u.share)
        if missing:
            row = self._ops_request_row()
            deadline = row.deadline and row.deadline.date()
            steps = row.step or ""
            for user in missing:
                rec.activity_schedule(
                    APPROVAL_ACTIVITY,
                    date_deadline=deadline or fields.Date.context_today(self),
                    summary=self.env._("To approve: %s", steps),
                    note=escape(
                        self.env._(
                            "%(record)s is waiting for your approval.",
                            record=self.display_name,
                        )
                    ),
                    user_id=user.id,
                )
        return True

    # Approval centre -----------------------------------------------------------

    def _ops_model_id(self):
        return self.env["ir.model"].sudo()._get_id(self._name)

    def _ops_todo_users(self):
        """Users who can decide the record now (pending step, not yet voted)."""
        self.ensure_one()
        rec = self.sudo()
        reviews = rec.review_ids
        if rec.validation_status == "rejected":
            return self.env["res.users"]
        open_reviews = reviews.filtered(lambda r: r.status in OPEN)
        users = self.env["res.users"]
        if not open_reviews:
            return users
        first = min(open_reviews.mapped("sequence"))
        for review in open_reviews.filtered(lambda r: r.status == "pending"):
            if review.approve_sequence and review.sequence > first:
                continue
            users |= review.reviewer_ids - review.ops_vote_ids.user_id
        return users - self._ops_requesters()

    def _ops_request_values(self):
        self.ensure_one()
        rec = self.sudo()
        reviews = rec.review_ids.sorted("id")
        todo = rec._ops_todo_users()
        requester = self.env["res.users"]
        field = self._ops_requester_field
        if field and field in self._fields and rec[field]._name == "res.users":
            requester = rec[field]
        requester = requester or reviews[:1].requested_by
        status = {
            "validated": "approved",
            "rejected": "rejected",
        }.get(rec.validation_status, "pending")
        decided = reviews.filtered(lambda r: r.status in DECIDED)
        pending = reviews.filtered(
            lambda r: r.status == "pending" and r.reviewer_ids & todo
        )
        dates = [d for d in decided.mapped("reviewed_date") if d]
        start = reviews[:1].create_date
        pending_since = max(dates + [start]) if start else False
        days = rec._get_company().ops_approval_response_days
        voters = reviews.ops_vote_ids.user_id
        return {
            "name": rec.display_name,
            "company_id": rec._get_company().id,
            "requester_id": requester.id,
            "request_date": start,
            "status": status,
            "step": ", ".join(n for n in pending.mapped("name") if n) or False,
            "progress": rec._ops_progress_text(),
            "pending_since": pending_since,
            "deadline": pending_since and days and pending_since + timedelta(days=days),
            "todo_user_ids": [fields.Command.set(todo.ids)],
            "reviewer_user_ids": [
                fields.Command.link(u.id)
                for u in reviews.reviewer_ids | reviews.ops_absent_user_ids
            ],
            "decided_user_ids": [
                fields.Command.link(u.id) for u in decided.done_by | voters
            ],
            "cc_user_ids": [fields.Command.set(rec._ops_cc_users().ids)],
        }

    # CC ----------------------------------------------------------------------------

    ops_cc_user_ids = fields.Many2many(
        "res.users",
        string="CC",
        compute="_compute_ops_cc_user_ids",
        inverse="_inverse_ops_cc_user_ids",
        search="_search_ops_cc_user_ids",
        domain=[("share", "=", False)],
        help="Copied on the approval (抄送): they can read this record and are "
        "told the decision.",
    )

    def _ops_cc_rows(self):
        return (
            self.env["ops.approval.cc"]
            .sudo()
            .search([("model", "=", self._name), ("res_id", "in", self.ids)])
        )

    def _ops_cc_users(self):
        self.ensure_one()
        return self._ops_cc_rows().user_id

    def _compute_ops_cc_user_ids(self):
        rows = self.filtered(lambda r: isinstance(r.id, int))._ops_cc_rows()
        for rec in self:
            rec.ops_cc_user_ids = rows.filtered(
                lambda r, rec=rec: r.res_id == rec.id
            ).user_id

    def _inverse_ops_cc_user_ids(self):
        Cc = self.env["ops.approval.cc"].sudo()
        for rec in self:
            rec.check_access("write")
            wanted = rec.ops_cc_user_ids
            if wanted.filtered("share"):
                raise UserError(self.env._("Only internal users can be copied."))
            rows = rec._ops_cc_rows()
            removed = rows.filtered(lambda r, w=wanted: r.user_id not in w)
            if removed.filtered("definition_id"):
                raise UserError(
                    self.env._(
                        "%(users)s are copied by the approval settings and cannot "
                        "be removed here.",
                        users=", ".join(
                            removed.filtered("definition_id").user_id.mapped("name")
                        ),
                    )
                )
            removed.unlink()
            new = wanted - rows.user_id
            Cc.create(
                [{"model": rec._name, "res_id": rec.id, "user_id": u.id} for u in new]
            )
            rec._ops_sync()

    @api.model
    def _search_ops_cc_user_ids(self, operator, value):
        if operator not in ("in", "=", "any"):
            raise UserError(self.env._("Unsupported search on CC."))
        if isinstance(value, int):
            value = [value]
        # A subquery, not the ids: this domain is part of the read rule of
        # every operations model, evaluated on each search and fetch.
        query = (
            self.env["ops.approval.cc"]
            .sudo()
            ._search([("model", "=", self._name), ("user_id", "in", value)])
        )
        return [("id", "in", query.subselect("res_id"))]

    def _ops_copy_definition_cc(self, reviews):
        """At submission, copy the users the approval steps name."""
        self.ensure_one()
        Cc = self.env["ops.approval.cc"].sudo()
        existing = self._ops_cc_users()
        for definition in reviews.filtered(lambda r: r.res_id == self.id).definition_id:
            users = definition.ops_cc_user_ids | definition.ops_cc_group_ids.users
            users = users.filtered(lambda u: u.active and not u.share) - existing
            Cc.create(
                [
                    {
                        "model": self._name,
                        "res_id": self.id,
                        "user_id": u.id,
                        "definition_id": definition.id,
                    }
                    for u in users
                ]
            )
            existing |= users
        return True

    def _ops_notify_cc(self, row):
        self.ensure_one()
        users = row.cc_user_ids
        if not users:
            return True
        if row.status == "approved":
            text = self.env._(
                "For your information: %s was approved.", self.display_name
            )
        else:
            text = self.env._(
                "For your information: %s was rejected.", self.display_name
            )
        self._ops_inbox(users, text)
        self.env["ops.approval.event"]._ops_log(self, "cc", targets=users)
        self.sudo().message_post(
            body=Markup("<p>%s</p>")
            % self.env._("Copied: %s", ", ".join(users.mapped("name"))),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def unlink(self):
        keys = [(self._name, i) for i in self.ids]
        res = super().unlink()
        domain = [("model", "=", self._name), ("res_id", "in", [k[1] for k in keys])]
        for name in ("ops.approval.cc", "ops.approval.request", "ops.approval.event"):
            self.env[name].sudo().search(domain).unlink()
        return res


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        # mail.thread comes first in the suite's models: the inbox override
        # lives here, active only under the engine's private key.
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if is_server(self, "ops_inbox", allow_su=False):
            for data in recipients:
                if data.get("notif") == "email" and not data.get("share"):
                    data["notif"] = "inbox"
        return recipients
