# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server


class OpsMarketingStateGuard(models.AbstractModel):
    """Status moves only through the model's actions, for records without an
    approval (brand incidents and plans).

    The approval models use the engine of ``ops.tier.validation``; these have
    no tiers, but their status must not be set by an RPC ``write`` either.
    """

    _name = "ops.marketing.state.guard"
    _description = "Marketing: status changed by actions only"

    _ops_marketing_initial_state = "draft"
    # {from_state: (to_state, ...)}
    _ops_marketing_transitions = {}

    def _ops_marketing_state_label(self, state):
        selection = self._fields["state"]._description_selection(self.env)
        return dict(selection).get(state, state)

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server(self):
            initial = self._ops_marketing_initial_state
            for vals in vals_list:
                if vals.get("state") and vals["state"] != initial:
                    raise UserError(
                        self.env._(
                            "A new %(model)s starts as “%(state)s”.",
                            model=self._description,
                            state=self._ops_marketing_state_label(initial),
                        )
                    )
            default = self.env.context.get("default_state")
            if default and default != initial:
                self = self.with_context(default_state=initial)
        return super().create(vals_list)

    def write(self, vals):
        if (
            "state" in vals
            and not is_server(self)
            and any(rec.state != vals["state"] for rec in self)
        ):
            raise UserError(
                self.env._(
                    "The status of %(model)s changes only through its buttons, "
                    "never by editing it.",
                    model=self._description,
                )
            )
        return super().write(vals)

    def _ops_marketing_check_user(self, owner_field=None):
        """Operations managers act on every record; others only on those
        they own (``owner_field``)."""
        if self.env.su or self.env.user.has_group("ops_base.group_ops_manager"):
            return True
        if owner_field and all(rec[owner_field] == self.env.user for rec in self):
            return True
        raise AccessError(
            self.env._(
                "Only the owner or an operations manager may change the status "
                "of %(model)s.",
                model=self._description,
            )
        )

    def _ops_marketing_set_state(self, state, vals=None):
        for rec in self:
            if rec.state != state and state not in self._ops_marketing_transitions.get(
                rec.state, ()
            ):
                raise UserError(
                    self.env._(
                        "“%(record)s” cannot go from “%(from)s” to “%(to)s”.",
                        record=rec.display_name,
                        **{
                            "from": rec._ops_marketing_state_label(rec.state),
                            "to": rec._ops_marketing_state_label(state),
                        },
                    )
                )
        as_server(self).write(dict(vals or {}, state=state))
        return True
