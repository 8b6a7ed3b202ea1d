# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL

from .ops_guard import as_server, is_server, ops_model_names

DECIDED = ("approved", "rejected")
OPEN = ("waiting", "pending")


class TierReview(models.Model):
    """Reviews of the suite's records belong to the engine.

    OCA lets every internal user create, write and delete any review, and
    lets portal users read them. For operations records a review is created
    and removed by the engine only, decided only through the record's
    Approve/Reject actions, and visible only to those who can read the
    record it reviews.
    """

    _inherit = "tier.review"

    # Votes exist on operations records only: people of the host apps (a
    # purchase user reading a PO's reviews) must not read the field, whose
    # model they have no access to.
    ops_vote_ids = fields.One2many(
        "ops.tier.vote",
        "review_id",
        string="Votes",
        readonly=True,
        groups="ops_base.group_ops_user",
    )
    ops_decision_rule = fields.Selection(related="definition_id.ops_decision_rule")
    ops_minutes = fields.Text(
        string="Minutes",
        readonly=True,
        help="How a collective body decided: each member's vote and comment.",
    )

    # Which reviews are ours ------------------------------------------------

    @api.model
    def _ops_model_names(self):
        return ops_model_names(self.env)

    def _ops_reviews(self):
        """Reviews run by the engine: every review of the suite's models, and
        the reviews of host models (quotations, expense sheets...) asked by a
        definition the suite ships (``ops_managed``)."""
        names = set(self._ops_model_names())
        hosts = set(ops_model_names(self.env, "ops.tier.decision")) - names
        return self.filtered(
            lambda r: r.sudo().model in names
            or (r.sudo().model in hosts and r.sudo().definition_id.ops_managed)
        )

    # Creation, edition, deletion -------------------------------------------

    def _ops_refuse_manual_create(self):
        raise AccessError(
            self.env._(
                "Approval steps are created by submitting the record for "
                "approval, not by hand."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if is_server(self):
            return super().create(vals_list)
        names = set(self._ops_model_names())
        default = self.env.context.get("default_model")
        if any(v.get("model", default) in names for v in vals_list):
            self._ops_refuse_manual_create()
        records = super().create(vals_list)
        # Whatever filled ``model`` (a default, an override), the result counts.
        if records.sudo()._ops_reviews():
            self._ops_refuse_manual_create()
        return records

    def write(self, vals):
        ops_reviews = self._ops_reviews()
        if not is_server(self):
            if ops_reviews:
                ops_reviews._ops_check_client_write(vals)
            if vals.get("model") in self._ops_model_names():
                # re-pointing another review into an operations record
                raise AccessError(
                    self.env._(
                        "Approval steps are decided with the Approve and Reject "
                        "buttons of the record they review; they cannot be edited."
                    )
                )
        decided = vals.get("status") in DECIDED
        res = super().write(vals)
        if decided:
            for review in ops_reviews:
                review._ops_post_decision()
        return res

    def _ops_check_client_write(self, vals):
        user = self.env.user
        for fname in vals:
            if fname == "comment":
                # The decision dialog stores the reviewer's comment first.
                if all(
                    user in r.reviewer_ids and r.status in ("waiting", "pending")
                    for r in self
                ):
                    continue
            raise AccessError(
                self.env._(
                    "Approval steps are decided with the Approve and Reject "
                    "buttons of the record they review; they cannot be edited."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _ops_unlink_only_by_engine(self):
        if not is_server(self) and self._ops_reviews():
            raise AccessError(
                self.env._(
                    "Approval steps cannot be deleted; withdraw or reset the "
                    "approval of the record instead."
                )
            )

    # Visibility ------------------------------------------------------------

    @api.model
    def _ops_visibility_domain(self):
        names = self._ops_model_names()
        domain = [("model", "not in", names)]
        user = self.env.user
        if user._is_portal() or user._is_public():
            return domain
        for name in names:
            Model = self.env[name].with_context(active_test=False)
            if not Model.has_access("read"):
                continue
            domain = expression.OR(
                [domain, [("model", "=", name), ("res_id", "in", Model._search([]))]]
            )
        return domain

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not is_server(self, "ops_review_visibility"):
            inner = as_server(self, "ops_review_visibility")
            domain = expression.AND([domain, inner._ops_visibility_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        res = super()._check_access(operation)
        if res or self.env.su or operation != "read":
            return res
        forbidden = self.browse()
        user = self.env.user
        ours = self.sudo()._ops_reviews()
        if user._is_portal() or user._is_public():
            forbidden = ours
        else:
            by_model = defaultdict(list)
            for review in ours:
                by_model[review.model].append(review)
            for name, reviews in by_model.items():
                records = (
                    self.env[name]
                    .with_context(active_test=False)
                    .browse({r.res_id for r in reviews})
                )
                readable = set(records._filtered_access("read").ids)
                forbidden |= self.browse(
                    [r.id for r in reviews if r.res_id not in readable]
                )
        if not forbidden:
            return None
        forbidden = self.browse(forbidden.ids)

        def make_error():
            return AccessError(
                self.env._(
                    "You cannot see the approval steps of a record you cannot read."
                )
            )

        return forbidden, make_error

    # Reviewers -------------------------------------------------------------

    def _get_reviewers(self):
        users = super()._get_reviewers()
        if not self.res_id or not self.sudo()._ops_reviews():
            return users
        record = self.env[self.model].sudo().browse(self.res_id)
        company = record._get_company()
        users = users.filtered(
            lambda u: u.active
            and company in u.company_ids
            # a reviewer without access to the model could never decide it
            # (record rules may grant reviewers access, so ACLs only)
            and record.browse().with_user(u).has_access("read")
        )
        if self.definition_id.ops_department_scope:
            users = self._ops_department_managers(record, users)
        return users - record._ops_requesters() - self.sudo().requested_by

    def _ops_department_managers(self, record, users):
        """Members of ``users`` who manage the record's department or one
        above it. A record without department is its requester's department;
        a requester without one leaves the company's reviewers."""
        department = record._ops_department()
        if not department:
            # Leaving the department empty must not widen the choice of
            # approver to every manager of the company.
            department = (
                record._ops_requesters().employee_ids.department_id
                | self.sudo().requested_by.employee_ids.department_id
            )
        if not department:
            return users
        managers = self.env["res.users"]
        while department:
            managers |= department.manager_id.user_id
            department = department.parent_id
        return users & managers

    # Collective bodies -----------------------------------------------------

    def _ops_vote(self, decision):
        """Record the current user's vote on reviews decided by a body.

        Return the reviews whose outcome is now settled (all of them for a
        plain tier), which the caller approves or rejects.
        """
        settled = self.browse()
        user = self.env.user
        for review in self:
            rule = review.definition_id.ops_decision_rule or "any"
            members = review.reviewer_ids
            cast = review.sudo().ops_vote_ids
            # votes already cast count even if their author left the body
            if rule == "any" or len(members | cast.user_id) <= 1:
                settled |= review
                continue
            self.env["ops.tier.vote"].sudo().create(
                {
                    "review_id": review.id,
                    "user_id": user.id,
                    "decision": decision,
                    "comment": review.comment,
                }
            )
            votes = review.sudo().ops_vote_ids
            approvals = len(votes.filtered(lambda v: v.decision == "approve"))
            rejections = len(votes) - approvals
            size = len(members | votes.user_id)
            if rule == "all":
                needed = size
            else:
                needed = math.floor(size / 2) + 1
            if decision == "approve" and approvals >= needed:
                settled |= review
            elif decision == "reject" and size - rejections < needed:
                settled |= review
            review._ops_post_vote(decision, approvals, rejections, size)
            if review in settled:
                as_server(review).write({"ops_minutes": review._ops_minutes_text()})
        return settled

    def _ops_post_vote(self, decision, approvals, rejections, size):
        record = self.env[self.model].browse(self.res_id)
        if not hasattr(record, "message_post"):
            return
        if decision == "approve":
            text = self.env._(
                "%(user)s voted for: %(review)s (%(yes)s for, %(no)s against, "
                "%(size)s members)",
                user=self.env.user.name,
                review=self.name or "",
                yes=approvals,
                no=rejections,
                size=size,
            )
        else:
            text = self.env._(
                "%(user)s voted against: %(review)s (%(yes)s for, %(no)s against, "
                "%(size)s members)",
                user=self.env.user.name,
                review=self.name or "",
                yes=approvals,
                no=rejections,
                size=size,
            )
        record.sudo().message_post(
            body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
        )

    def _ops_minutes_text(self):
        rule = dict(
            self.definition_id._fields["ops_decision_rule"]._description_selection(
                self.env
            )
        ).get(self.definition_id.ops_decision_rule, "")
        lines = [self.env._("Decision rule: %(rule)s", rule=rule)]
        for vote in self.sudo().ops_vote_ids.sorted("id"):
            label = (
                self.env._("for")
                if vote.decision == "approve"
                else self.env._("against")
            )
            line = f"{vote.date:%Y-%m-%d %H:%M} {vote.user_id.name}: {label}"
            if vote.comment:
                line += f" — {vote.comment}"
            lines.append(line)
        return "\n".join(lines)

    # History ---------------------------------------------------------------

    def _ops_post_decision(self):
        self.ensure_one()
        self._ops_log_decision()
        record = self.env[self.model].browse(self.res_id)
        if not hasattr(record, "message_post"):
            return
        values = {"user": self.env.user.name, "review": self.name or ""}
        if self.status == "approved":
            text = self.env._("%(user)s approved: %(review)s", **values)
        else:
            text = self.env._("%(user)s rejected: %(review)s", **values)
        body = Markup("<p>%s</p>") % text
        if self.comment:
            body += Markup("<p><i>%s</i></p>") % self.comment
        record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    # Approval centre, delegation, escalation (issue 11) ----------------------

    def _ops_log_decision(self):
        """The decision in the approval history, and to the requester in
        Odoo (whatever their e-mail preference)."""
        self.ensure_one()
        kind = "approve" if self.status == "approved" else "reject"
        record = self.env[self.model].browse(self.res_id)
        user = self.done_by or self.env.user
        on_behalf = self.ops_absent_user_ids.filtered(
            lambda u: self.env["ops.approval.delegation"]._ops_delegate_for(u) == user
        )[:1]
        self.env["ops.approval.event"]._ops_log(
            record,
            kind,
            user=user,
            on_behalf_of_id=on_behalf.id,
            step=self.name,
            comment=self.comment,
        )
        requesters = record._ops_requesters() - user
        if kind == "approve":
            text = self.env._(
                "%(user)s approved “%(step)s” of %(record)s.",
                user=user.name,
                step=self.name or "",
                record=record.display_name,
            )
        else:
            text = self.env._(
                "%(user)s rejected “%(step)s” of %(record)s.",
                user=user.name,
                step=self.name or "",
                record=record.display_name,
            )
        if on_behalf:
            text += " " + self.env._("(for %s)", on_behalf.name)
        if self.comment:
            text += " " + self.comment
        record._ops_inbox(requesters, text)

    def unlink(self):
        # The approval centre lists the suite's own records (not the host
        # apps' reviews the engine also runs).
        names = set(self._ops_model_names())
        records = [
            (r.model, r.res_id) for r in self.sudo()._ops_reviews() if r.model in names
        ]
        res = super().unlink()
        for model, res_id in set(records):
            self.env[model].browse(res_id)._ops_sync(status="reset")
        return res

    # Escalation: OCA's reminder reaches every reviewer in Odoo ---------------

    def _send_review_reminder(self):
        ours = self._ops_reviews()
        super(TierReview, self - ours)._send_review_reminder()
        for review in ours:
            record = self.env[review.model].sudo().browse(review.res_id)
            if not record.exists():
                continue
            body = review._notify_review_reminder_body()
            record._ops_schedule(
                record._ops_todo_users() & review.reviewer_ids,
                review._get_reminder_activity_type(),
                self.env._("Reminder: %s", review.name or ""),
                body,
            )
            record.message_post(
                body=Markup("<p>%s</p>") % body,
                subtype_xmlid=review._get_reminder_notification_subtype(),
            )
            review.sudo().last_reminder_date = fields.Datetime.now()
        return True

    # Delegation (代理审批) ---------------------------------------------------------

    ops_absent_user_ids = fields.Many2many(
        "res.users",
        "ops_tier_review_absent_rel",
        "review_id",
        "user_id",
        string="Delegated By",
        compute="_compute_reviewer_ids",
        store=True,
        help="Reviewers away during this review: their substitutes decide.",
    )

    def _compute_reviewer_ids(self):
        res = super()._compute_reviewer_ids()
        names = set(self._ops_model_names())
        delegates = self.env["ops.approval.delegation"]._ops_delegates_for(
            self.reviewer_ids
        )
        for review in self:
            review.ops_absent_user_ids = False
            if review.model not in names or not review.res_id:
                continue
            record = self.env[review.model].sudo().browse(review.res_id)
            if not record.exists():
                continue
            company = record._get_company()
            blocked = record._ops_requesters() | review.sudo().requested_by
            users = review.reviewer_ids
            absent = self.env["res.users"]
            for user in users:
                delegate = delegates.get(user.id)
                if (
                    delegate
                    and delegate.active
                    and not delegate.share
                    and company in delegate.company_ids
                    and delegate not in blocked
                ):
                    users = (users - user) | delegate
                    absent |= user
            review.reviewer_ids = users
            review.ops_absent_user_ids = absent
        return res

    @api.model
    def _ops_refresh_delegations(self):
        """Re-point open reviews when a delegation starts, ends or changes
        (and every hour, for leaves and date ranges).

        Only the reviews whose substitutes differ from today's are
        recomputed: a run with nothing new costs a handful of queries.
        """
        reviews = self.sudo().search(
            [("model", "in", self._ops_model_names()), ("status", "in", OPEN)]
        )
        if not reviews:
            return True
        delegates = self.env["ops.approval.delegation"]._ops_delegates_for(
            reviews.reviewer_ids | reviews.ops_absent_user_ids
        )
        reviews = reviews.filtered(lambda r: r._ops_delegation_outdated(delegates))
        if not reviews:
            return self._ops_sync_missing_requests()
        before = {r.id: (r.reviewer_ids, r.ops_absent_user_ids) for r in reviews}
        for fname in ("reviewer_ids", "ops_absent_user_ids"):
            self.env.add_to_compute(reviews._fields[fname], reviews)
        reviews.flush_recordset(["reviewer_ids", "ops_absent_user_ids"])
        Event = self.env["ops.approval.event"]
        touched = set()
        for review in reviews:
            users, absent = before[review.id]
            if users == review.reviewer_ids:
                continue
            touched.add((review.model, review.res_id))
            record = self.env[review.model].browse(review.res_id)
            for user in review.ops_absent_user_ids - absent:
                delegate = delegates.get(user.id, self.env["res.users"])
                Event._ops_log(
                    record,
                    "delegate",
                    user=user,
                    targets=delegate,
                    step=review.name,
                )
        for model, res_id in touched:
            self.env[model].browse(res_id)._ops_sync()
        return self._ops_sync_missing_requests()

    def _ops_delegation_outdated(self, delegates):
        """Whether this review's substitutes are not today's any more."""
        self.ensure_one()
        absent = self.ops_absent_user_ids
        substitutes = self.env["res.users"]
        for user in absent:
            delegate = delegates.get(user.id)
            if not delegate or delegate not in self.reviewer_ids:
                return True  # back, or another substitute
            substitutes |= delegate
        # Someone asked in person who is away now.
        return any(
            delegates.get(u.id) and delegates[u.id].active and not delegates[u.id].share
            for u in self.reviewer_ids - substitutes
        )

    @api.model
    def _ops_sync_missing_requests(self):
        """Records submitted before the approval centre existed get their
        line (one query when there is none to add)."""
        names = self._ops_model_names()
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT r.model, r.res_id FROM tier_review r
                    WHERE r.model IN %s AND r.status IN %s
                      AND NOT EXISTS (SELECT 1 FROM ops_approval_request q
                                       WHERE q.model = r.model
                                         AND q.res_id = r.res_id)""",
                tuple(names) or ("",),
                OPEN,
            )
        )
        for model, res_id in self.env.cr.fetchall():
            self.env[model].browse(res_id)._ops_sync()
        return True
