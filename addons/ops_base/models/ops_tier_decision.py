# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .ops_guard import as_server, strip_client_keys


class OpsTierDecision(models.AbstractModel):
    """Who decides an approval, and how: the half of the engine that host
    models (expense sheets, quotations, purchase requests...) can take
    without the suite's state machine.

    - only the pending reviewer of the current step decides, one step per
      click, never on their own request, one decision at a time per record;
    - OCA's on-the-fly approval and its context shortcuts are closed.

    On the suite's own models (``ops.tier.validation``) these rules always
    apply. On a host model they apply to records under review by a tier
    definition marked ``ops_managed`` (the definitions the suite ships):
    a company's own definitions keep OCA's behaviour, and so do the host
    apps' own tests.
    """

    _name = "ops.tier.decision"
    _inherit = ["tier.validation"]
    _description = "Operations approval decisions"

    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"
    # Who may restart a validation once a reviewer has decided.
    _ops_reset_groups = ("ops_base.group_ops_manager",)

    # Scope ---------------------------------------------------------------

    def _ops_engine_model(self):
        """Whether the engine may be asked to review records of this model."""
        return bool(
            self.env["tier.definition"]
            .sudo()
            .search_count(
                [("model", "=", self._name), ("ops_managed", "=", True)], limit=1
            )
        )

    def _ops_engine_records(self):
        """The records of ``self`` whose approval the engine runs."""
        return self.filtered(
            lambda r: r.sudo().review_ids.definition_id.filtered("ops_managed")
        )

    def _ops_matching_records(self):
        """The records of ``self`` that an engine definition would review."""
        if not self._ops_engine_model():
            return self.browse()
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search([("model", "=", self._name), ("ops_managed", "=", True)])
        )
        matching = self.browse()
        for definition in definitions:
            matching |= self.sudo().evaluate_tier(definition)
        return self.browse(matching.ids)

    def _compute_need_validation(self):
        # OCA searches the tier definitions and evaluates them record by
        # record (a query or more per row of a list or of a multi-record
        # read): search once, evaluate each definition on all the records.
        if len(self) < 2:
            return super()._compute_need_validation()
        real = self.filtered(lambda r: not isinstance(r.id, models.NewId))
        (self - real).need_validation = False
        companies = self.env["res.company"].browse(
            {rec._get_company().id for rec in real}
        )
        tiers = (
            self.env["tier.definition"]
            .with_context(active_test=True)
            .search(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False] + companies.ids),
                ]
            )
        )
        matching = [
            (tier.company_id, set(real.evaluate_tier(tier).ids)) for tier in tiers
        ]
        for rec in real:
            company = rec._get_company()
            valid = any(
                rec.id in ids
                for tier_company, ids in matching
                if not tier_company or tier_company == company
            )
            rec.need_validation = (
                not rec.review_ids and valid and rec._check_state_from_condition()
            )
        return None

    # Helpers -------------------------------------------------------------

    def _ops_state_label(self, state):
        selection = self._fields[self._state_field]._description_selection(self.env)
        return dict(selection).get(state, state)

    def _ops_check_groups(self, *xmlids):
        if self.env.su or any(self.env.user.has_group(x) for x in xmlids):
            return True
        names = ", ".join(
            self.env.ref(x).sudo().full_name for x in xmlids if self.env.ref(x, False)
        )
        raise AccessError(
            self.env._(
                "This action on %(model)s is reserved to: %(groups)s.",
                model=self._description,
                groups=names,
            )
        )

    def _ops_requesters(self):
        """Users who asked for this record's approval (they cannot decide it)."""
        self.ensure_one()
        rec = self.sudo()
        users = rec.review_ids.requested_by
        field = self._ops_requester_field
        if field and field in self._fields:
            value = rec[field]
            if value._name == "res.users":
                users |= value
            elif value._name == "hr.employee":
                users |= value.user_id
        return users

    def _ops_department(self):
        self.ensure_one()
        field = self._ops_department_field
        if field and field in self._fields:
            return self.sudo()[field]
        return self.env["hr.department"]

    def _ops_inbox(self, users, text):
        """Notify ``users`` in their Odoo inbox (not only by e-mail)."""
        self.ensure_one()
        partners = users.filtered(lambda u: u.active and not u.share).partner_id
        if partners:
            as_server(self.sudo(), "ops_inbox").message_notify(
                partner_ids=partners.ids,
                body=Markup("<p>%s</p>") % text,
                subject=self.display_name,
            )
        return True

    def _ops_lock(self):
        """Serialise decisions on the same records.

        Two reviewers deciding at once in two workers each see the other's
        review as still pending, so neither would conclude. Updating the row
        first makes the second transaction wait, then fail with a
        serialisation error that Odoo retries with fresh data.
        """
        ids = tuple(i for i in self.ids if isinstance(i, int))
        if ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET write_date = write_date WHERE id IN %s",
                    SQL.identifier(self._table),
                    ids,
                )
            )
        return True

    def _tier_validation_check_state_on_write(self, vals):
        # OCA requests and grants the approval on the fly when the user happens
        # to be a reviewer; the regulations want an explicit request, decided
        # by someone else. (need_validation has no dependencies: drop any value
        # cached before the reviews were created.)
        engine = self._ops_engine_records() | self._ops_matching_records()
        if not engine:
            return super()._tier_validation_check_state_on_write(vals)
        self.invalidate_recordset(["need_validation"])
        for rec in engine:
            if rec._check_state_conditions(vals) and rec.need_validation:
                raise ValidationError(
                    self.env._(
                        "“%(record)s” must be submitted for approval and approved "
                        "before it becomes “%(state)s”.",
                        record=rec.display_name,
                        state=rec._ops_state_label(vals[self._state_field]),
                    )
                )
        return super()._tier_validation_check_state_on_write(vals)

    def _check_state_from_condition(self):
        # OCA lets the context skip this check; only the server may.
        self = strip_client_keys(self, ("skip_check_state_condition",))
        return super()._check_state_from_condition()

    # Approval actions ------------------------------------------------------

    def _ops_check_can_request(self):
        """Hook: who may submit. By default whoever may write the record."""
        self.check_access("write")
        return True

    @api.depends_context("uid")
    @api.depends("review_ids.status")
    def _compute_can_review(self):
        # OCA reads each review's reviewers one record at a time (one query
        # per row of a list view, and of the systray counter): load them once.
        self.review_ids.mapped("reviewer_ids")
        self.sudo().review_ids.mapped("ops_vote_ids.user_id")
        return super()._compute_can_review()

    @api.returns("tier.review")
    def request_validation(self):
        # [id, id] or two workers at once would create the steps twice.
        if not self._ops_engine_model():
            return super().request_validation()
        self = strip_client_keys(self).browse(list(dict.fromkeys(self.ids)))
        self._ops_lock()
        self.invalidate_recordset(["need_validation"])
        self._ops_check_can_request()
        reviews = super(OpsTierDecision, as_server(self)).request_validation()
        # The caller gets the steps in its own rights, not the server's.
        reviews = reviews.with_env(self.env)
        for review in reviews:
            if not review.reviewer_ids and review.sudo()._ops_reviews():
                raise UserError(
                    self.env._(
                        "Nobody can approve the step “%(step)s” of “%(record)s”: "
                        "its reviewers are missing, archived, outside the record's "
                        "company, or the requester. Ask the administrator to "
                        "complete the approval settings.",
                        step=review.name or "",
                        record=self.browse(review.res_id).display_name,
                    )
                )
        return reviews

    def _ops_check_can_review(self):
        for rec in self:
            if self.env.user in rec._ops_requesters():
                raise UserError(
                    self.env._(
                        "You cannot decide on your own request “%(record)s”.",
                        record=rec.display_name,
                    )
                )
            if not rec.can_review:
                step = rec.review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).sorted("sequence")[:1]
                raise UserError(
                    self.env._(
                        "You are not a reviewer of “%(record)s” at this step. "
                        "Current step: %(step)s",
                        record=rec.display_name,
                        step=step.name or self.env._("none"),
                    )
                )

    def validate_tier(self):
        if not self._ops_engine_records():
            return super().validate_tier()
        self._ops_lock()
        self._ops_check_can_review()
        return super(OpsTierDecision, as_server(self)).validate_tier() or True

    def reject_tier(self):
        if not self._ops_engine_records():
            return super().reject_tier()
        self._ops_lock()
        self._ops_check_can_review()
        return super(OpsTierDecision, as_server(self)).reject_tier() or True

    def _ops_decidable_reviews(self, tiers):
        """Of ``tiers``, the reviews of this record the user may decide now."""
        self.ensure_one()
        own = self.review_ids
        tiers = (tiers & own) if tiers else own
        user = self.env.user
        sequences = self._get_sequences_to_approve(user)
        reviews = tiers.filtered(
            lambda r: user in r.reviewer_ids
            and r.status in ("waiting", "pending")
            and (r.sequence in sequences or r.approve_sequence_bypass)
        )
        # One click, one step (see _get_sequences_to_approve for who).
        return reviews.sorted("sequence")[:1]

    def _validate_tier(self, tiers=False):
        if not self._ops_engine_records():
            return super()._validate_tier(tiers)
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(tiers)
        reviews = reviews._ops_vote("approve")
        if not reviews:
            return True
        return super(OpsTierDecision, as_server(self))._validate_tier(
            as_server(reviews)
        )

    def _rejected_tier(self, tiers=False):
        if not self._ops_engine_records():
            return super()._rejected_tier(tiers)
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(tiers)
        reviews = reviews._ops_vote("reject")
        if not reviews:
            return True
        return super(OpsTierDecision, as_server(self))._rejected_tier(
            as_server(reviews)
        )

    def _get_sequences_to_approve(self, user):
        # A member of a collective body votes once; afterwards the step waits
        # for the others, so it is no longer theirs to decide.
        if not self._ops_engine_records():
            return super()._get_sequences_to_approve(user)
        sequences = super()._get_sequences_to_approve(user)
        open_reviews = self.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending")
        )
        voted = open_reviews.filtered(
            lambda r: user in r.sudo().ops_vote_ids.user_id
        ).mapped("sequence")
        # A chain of approvals means several people: whoever already decided
        # one step leaves the others to their other reviewers (a step with
        # nobody else stays theirs rather than blocking the record).
        decided = (self.review_ids - open_reviews).filtered(
            lambda r: r.done_by == user or user in r.sudo().ops_vote_ids.user_id
        )
        shared = (
            open_reviews.filtered(lambda r: r.reviewer_ids - user).mapped("sequence")
            if decided
            else []
        )
        return [s for s in sequences if s not in voted and s not in shared]

    def _update_counter(self, review_counter):
        # OCA recomputes review statuses here (a write on tier.review).
        if not self._ops_engine_records():
            return super()._update_counter(review_counter)
        return super(OpsTierDecision, as_server(self))._update_counter(review_counter)

    def restart_validation(self):
        if not self._ops_engine_records():
            return super().restart_validation()
        for rec in self:
            decided = rec.sudo().review_ids.filtered(
                lambda r: r.status in ("approved", "rejected") or r.ops_vote_ids
            )
            if decided:
                rec._ops_check_groups(*self._ops_reset_groups)
            elif self.env.user not in rec._ops_requesters():
                rec._ops_check_groups(*self._ops_reset_groups)
            rec.check_access("write")
        super(OpsTierDecision, as_server(self)).restart_validation()
        for rec in self:
            rec.sudo().message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "%(user)s restarted the approval.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
