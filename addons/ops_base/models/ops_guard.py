# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Server-only write permissions.

Any logged-in user can call ``create``/``write`` over XML-RPC or JSON-RPC with
a context of their choosing, so a context *flag* (``ops_x=True``) can never be
what unlocks a protected write. The suite's server code instead puts a private
Python object in the context: RPC payloads are JSON or XML, so no client can
send that object, and ``is`` comparison cannot be fooled by an equal value.
"""

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools.misc import clean_context


class _ServerToken:
    __slots__ = ()

    def __repr__(self):
        return "<ops server token>"

    def __bool__(self):
        return True


SERVER = _ServerToken()

# Context keys that OCA's tier validation honours to skip its own checks. A
# client could send them, so the suite's models only accept them from the
# server (see ``strip_client_keys``).
TIER_SKIP_KEYS = ("skip_validation_check", "skip_check_state_condition")
# Client keys that must not ride along when the server acts: they would
# silence the audit trail or defer OCA's status bookkeeping.
CLIENT_KEYS = TIER_SKIP_KEYS + (
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
    "tier_validation_defer_compute_can_review",
)


def ops_model_names(env, root="ops.tier.validation"):
    """Names of the concrete models built on the approval engine.

    Walked by name (class identity changes whenever the registry is
    rebuilt) and as a function rather than a model method: global overrides
    (record rules, attachments, OCA's dialogs) must work even in a registry
    that OCA's own tests rebuild without the suite's model extensions.
    """
    registry = env.registry
    if root not in registry:
        return ()
    names, todo = set(), [root]
    while todo:
        for child in registry[todo.pop()]._inherit_children:
            if child not in names and child in registry:
                names.add(child)
                todo.append(child)
    return tuple(sorted(n for n in names if not registry[n]._abstract))


def as_server(records, key="ops_server"):
    """Return ``records`` marked as acting for the server under ``key``."""
    # clean_context drops every default_* key: a client's default_status or
    # default_state must not fill the records the server creates for it.
    ctx = clean_context(records.env.context)
    for k in CLIENT_KEYS:
        if ctx.get(k) is not SERVER:
            ctx.pop(k, None)
    ctx[key] = SERVER
    # the whole context is replaced on purpose: dropped keys must stay dropped
    return records.with_context(ctx)  # pylint: disable=context-overridden


def is_server(records, key="ops_server", allow_su=True):
    """Whether ``records`` act for the server (``as_server`` or superuser)."""
    if allow_su and records.env.su:
        return True
    return records.env.context.get(key) is SERVER


def strip_client_keys(records, keys=TIER_SKIP_KEYS):
    """Drop the given context keys unless the server set them."""
    ctx = records.env.context
    forged = [k for k in keys if ctx.get(k) and ctx.get(k) is not SERVER]
    if not forged or records.env.su:
        return records
    return records.with_context(**dict.fromkeys(forged, False))


class OpsGuardedMixin(models.AbstractModel):
    """Fields that only the server writes (escalation levels, dates set by a
    flow, links to records the flow creates...).

    ``readonly`` in a view is a display hint; this makes it a rule.
    """

    _name = "ops.guarded.mixin"
    _description = "Operations: server-written fields"

    _ops_server_fields = ()

    def _ops_check_server_fields(self, fnames):
        if not self._ops_server_fields or is_server(self):
            return
        touched = [f for f in self._ops_server_fields if f in fnames]
        if touched:
            labels = ", ".join(
                self._fields[f]._description_string(self.env) for f in touched
            )
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s are set by the system and cannot be "
                    "changed by hand.",
                    fields=labels,
                    model=self._description,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if self._ops_server_fields and not is_server(self):
            # default_<field> in the context is a value sent by the client too
            self._ops_check_server_fields(
                [
                    f
                    for f in self._ops_server_fields
                    if self.env.context.get(f"default_{f}") not in (None, False)
                ]
            )
        for vals in vals_list:
            self._ops_check_server_fields(
                [f for f, v in vals.items() if v not in (False, None, 0, [])]
            )
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_server_fields(vals)
        return super().write(vals)
