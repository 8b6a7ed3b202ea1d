# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import UserError

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
    _inherit = ["ops.tier.decision", "ops.guarded.mixin"]
    _description = "Operations approval (tier validation)"

    _ops_initial_state = "draft"
    # {from_state: (to_state, ...)}; empty means any move through _ops_set_state.
    _ops_transitions = {}
    _ops_frozen_fields = ()
    # None: every state but the initial one.
    _ops_frozen_states = None

    # The engine runs every approval of the suite's own models.

    def _ops_engine_model(self):
        return True

    def _ops_engine_records(self):
        return self

    def _ops_matching_records(self):
        return self

    # Helpers -------------------------------------------------------------

    def _ops_get_frozen_states(self):
        if self._ops_frozen_states is not None:
            return tuple(self._ops_frozen_states)
        selection = self._fields[self._state_field].get_values(self.env)
        return tuple(s for s in selection if s != self._ops_initial_state)

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

    # Approval actions ------------------------------------------------------

    def update_field_translations(self, field_name, translations, source_lang=None):
        # Translations are written with SQL, around write(): same rules.
        if not is_server(self):
            self._ops_check_server_fields([field_name])
            self._ops_check_client_write({field_name: None})
        return super().update_field_translations(
            field_name, translations, source_lang=source_lang
        )
