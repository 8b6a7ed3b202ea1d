# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .ops_guard import as_server, is_server, strip_client_keys


class OpsTierValidation(models.AbstractModel):
    """The suite's approval engine: OCA tier validation as a state machine
    that the server enforces.

    Everything here can be called over RPC by any user who can write the
    record, so every rule is checked here rather than by the form:

    - a record is created in ``_ops_initial_state`` only;
    - ``state`` moves only through ``_ops_set_state`` along
      ``_ops_transitions``; a client ``write({'state': ...})`` is refused;
    - ``_ops_frozen_fields`` cannot change in ``_ops_frozen_states``;
    - only the pending reviewer decides, on this record's reviews, in
      sequence, never on their own request, one decision at a time per record.
    """

    _name = "ops.tier.validation"
    _inherit = ["tier.validation", "ops.guarded.mixin"]
    _description = "Operations approval (tier validation)"

    _ops_initial_state = "draft"
    # {from_state: (to_state, ...)}; empty means any move through _ops_set_state.
    _ops_transitions = {}
    _ops_frozen_fields = ()
    # None: every state but the initial one.
    _ops_frozen_states = None
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"
    # Who may restart a validation once a reviewer has decided.
    _ops_reset_groups = ("ops_base.group_ops_manager",)

    # Helpers -------------------------------------------------------------

    def _ops_state_label(self, state):
        selection = self._fields[self._state_field]._description_selection(self.env)
        return dict(selection).get(state, state)

    def _ops_get_frozen_states(self):
        if self._ops_frozen_states is not None:
            return tuple(self._ops_frozen_states)
        selection = self._fields[self._state_field].get_values(self.env)
        return tuple(s for s in selection if s != self._ops_initial_state)

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

    # CRUD guards -----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self = strip_client_keys(self)
        if not is_server(self):
            field = self._state_field
            initial = self._ops_initial_state
            default = self.env.context.get(f"default_{field}")
            if default and default != initial:
                self = self.with_context(**{f"default_{field}": initial})
            for vals in vals_list:
                self._ops_check_department_choice(vals)
                if vals.get(field) and vals[field] != initial:
                    raise UserError(
                        self.env._(
                            "A new %(model)s starts as “%(initial)s”; it reaches "
                            "“%(state)s” only through its approval.",
                            model=self._description,
                            initial=self._ops_state_label(initial),
                            state=self._ops_state_label(vals[field]),
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        self = strip_client_keys(self)
        if not is_server(self):
            self._ops_check_client_write(vals)
        res = super().write(vals)
        # Record rules are checked before a write, not after: a record must
        # not be moved into a company (or department) its author cannot reach.
        company_field = self._tier_validation_company_field
        if company_field in vals and not self.env.su:
            self.check_access("write")
        return res

    def unlink(self):
        # OCA removes the reviews as the user; the engine owns them.
        self.check_access("unlink")
        as_server(self).review_ids.unlink()
        return super().unlink()

    def _ops_check_department_choice(self, vals):
        """A record is filed for the author's own department (or one below
        it, or one they manage): its department decides who approves it."""
        field = self._ops_department_field
        if not field or field not in self._fields or not vals.get(field):
            return
        if self and all(rec[field].id == vals[field] for rec in self):
            return
        user = self.env.user
        if user.has_group("ops_base.group_ops_executive"):
            return
        Department = self.env["hr.department"].sudo()
        roots = user.sudo().employee_ids.department_id | Department.search(
            [("manager_id.user_id", "=", user.id)]
        )
        department = Department.browse(vals[field])
        if roots and department in Department.search([("id", "child_of", roots.ids)]):
            return
        raise UserError(
            self.env._(
                "%(model)s can be filed only for your own department or one you "
                "manage: “%(department)s” is not one of them.",
                model=self._description,
                department=department.display_name,
            )
        )

    def _ops_check_client_write(self, vals):
        self._ops_check_department_choice(vals)
        field = self._state_field
        if field in vals and any(rec[field] != vals[field] for rec in self):
            raise UserError(
                self.env._(
                    "The status of %(model)s changes only through its actions "
                    "(submit, approve, reject, cancel...), never by editing it.",
                    model=self._description,
                )
            )
        frozen = [f for f in self._ops_frozen_fields if f in vals]
        if not frozen:
            return
        states = self._ops_get_frozen_states()
        for rec in self:
            if rec[field] in states:
                labels = ", ".join(
                    self._fields[f]._description_string(self.env) for f in frozen
                )
                raise UserError(
                    self.env._(
                        "“%(record)s” is %(state)s: %(fields)s can no longer be "
                        "changed. Reset it to draft to submit the change for "
                        "approval again.",
                        record=rec.display_name,
                        state=rec._ops_state_label(rec[field]),
                        fields=labels,
                    )
                )

    def _tier_validation_check_state_on_write(self, vals):
        # OCA requests and grants the approval on the fly when the user happens
        # to be a reviewer; the regulations want an explicit request, decided
        # by someone else. (need_validation has no dependencies: drop any value
        # cached before the reviews were created.)
        self.invalidate_recordset(["need_validation"])
        for rec in self:
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

    def _ops_set_state(self, state, vals=None):
        """The only way a record's state changes; callers check *who* first."""
        field = self._state_field
        for rec in self:
            current = rec[field]
            if current == state or not self._ops_transitions:
                continue
            if state not in self._ops_transitions.get(current, ()):
                raise UserError(
                    self.env._(
                        "“%(record)s” cannot go from “%(from)s” to “%(to)s”.",
                        record=rec.display_name,
                        **{
                            "from": rec._ops_state_label(current),
                            "to": rec._ops_state_label(state),
                        },
                    )
                )
        values = dict(vals or {})
        values[field] = state
        as_server(self).write(values)
        return True

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

    def update_field_translations(self, field_name, translations, source_lang=None):
        # Translations are written with SQL, around write(): same rules.
        if not is_server(self):
            self._ops_check_server_fields([field_name])
            self._ops_check_client_write({field_name: None})
        return super().update_field_translations(
            field_name, translations, source_lang=source_lang
        )

    @api.returns("tier.review")
    def request_validation(self):
        # [id, id] or two workers at once would create the steps twice.
        self = strip_client_keys(self).browse(list(dict.fromkeys(self.ids)))
        self._ops_lock()
        self.invalidate_recordset(["need_validation"])
        self._ops_check_can_request()
        reviews = super(OpsTierValidation, as_server(self)).request_validation()
        for review in reviews:
            if not review.reviewer_ids:
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
        self._ops_lock()
        self._ops_check_can_review()
        return super(OpsTierValidation, as_server(self)).validate_tier() or True

    def reject_tier(self):
        self._ops_lock()
        self._ops_check_can_review()
        return super(OpsTierValidation, as_server(self)).reject_tier() or True

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
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(tiers)
        reviews = reviews._ops_vote("approve")
        if not reviews:
            return True
        return super(OpsTierValidation, as_server(self))._validate_tier(
            as_server(reviews)
        )

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        self._ops_lock()
        self._ops_check_can_review()
        reviews = self._ops_decidable_reviews(tiers)
        reviews = reviews._ops_vote("reject")
        if not reviews:
            return True
        return super(OpsTierValidation, as_server(self))._rejected_tier(
            as_server(reviews)
        )

    def _get_sequences_to_approve(self, user):
        # A member of a collective body votes once; afterwards the step waits
        # for the others, so it is no longer theirs to decide.
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
        return super(OpsTierValidation, as_server(self))._update_counter(review_counter)

    def restart_validation(self):
        for rec in self:
            decided = rec.review_ids.filtered(
                lambda r: r.status in ("approved", "rejected") or r.ops_vote_ids
            )
            if decided:
                rec._ops_check_groups(*self._ops_reset_groups)
            elif self.env.user not in rec._ops_requesters():
                rec._ops_check_groups(*self._ops_reset_groups)
            rec.check_access("write")
        super(OpsTierValidation, as_server(self)).restart_validation()
        for rec in self:
            rec.sudo().message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "%(user)s restarted the approval.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
