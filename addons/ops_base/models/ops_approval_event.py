# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from .ops_guard import as_server, is_server

EVENT_KINDS = [
    ("request", "Submitted"),
    ("approve", "Approved"),
    ("reject", "Rejected"),
    ("vote", "Voted"),
    ("forward", "Forwarded"),
    ("delegate", "Delegated"),
    ("urge", "Urged"),
    ("withdraw", "Withdrawn"),
    ("reset", "Reset"),
    ("cc", "Copied"),
]


def readable_by_record(records, operation):
    """``_check_access`` helper: rows pointing at a record (``model`` and
    ``res_id``) are readable only by users who can read that record."""
    if records.env.su or operation != "read":
        return None
    by_model = defaultdict(list)
    for row in records.sudo():
        by_model[row.model].append(row)
    forbidden = []
    for name, rows in by_model.items():
        if name not in records.env:
            forbidden += [r.id for r in rows]
            continue
        targets = (
            records.env[name]
            .with_context(active_test=False)
            .browse({r.res_id for r in rows})
            .exists()
        )
        readable = set(targets._filtered_access("read").ids)
        forbidden += [r.id for r in rows if r.res_id not in readable]
    return records.browse(forbidden)


class OpsApprovalEvent(models.Model):
    """The approval history of an operations record (its timeline).

    Reviews are deleted when a request is withdrawn or reset (that is how
    OCA restarts a validation); these events stay, so the earlier decisions
    remain visible. Written by the engine only, readable with the record.
    """

    _name = "ops.approval.event"
    _description = "Approval History"
    _order = "date desc, id desc"

    model = fields.Char(string="Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="model", required=True, index=True
    )
    kind = fields.Selection(selection=EVENT_KINDS, string="Event", required=True)
    user_id = fields.Many2one("res.users", string="By")
    on_behalf_of_id = fields.Many2one(
        "res.users",
        help="The reviewer whose approval the substitute decided (delegation).",
    )
    target_user_ids = fields.Many2many(
        "res.users",
        "ops_approval_event_target_rel",
        "event_id",
        "user_id",
        string="To",
    )
    step = fields.Char()
    comment = fields.Text()
    date = fields.Datetime(default=fields.Datetime.now, required=True)

    @api.model
    def _ops_log(self, record, kind, **values):
        """Record an event on ``record`` (server side, whoever acts)."""
        vals = {
            "model": record._name,
            "res_id": record.id,
            "kind": kind,
            "user_id": values.pop("user", self.env.user).id or False,
        }
        targets = values.pop("targets", None)
        if targets:
            vals["target_user_ids"] = [fields.Command.set(targets.ids)]
        vals.update(values)
        return self.sudo().create(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server(self):
            raise AccessError(
                self.env._("The approval history is written by the system only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not is_server(self):
            raise AccessError(self.env._("The approval history cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_server(self):
        if not is_server(self):
            raise AccessError(self.env._("The approval history cannot be deleted."))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not is_server(self, "ops_review_visibility"):
            reviews = as_server(self.env["tier.review"], "ops_review_visibility")
            domain = expression.AND([domain, reviews._ops_visibility_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        res = super()._check_access(operation)
        if res:
            return res
        forbidden = readable_by_record(self, operation)
        if not forbidden:
            return None

        def make_error():
            return AccessError(
                self.env._(
                    "You cannot see the approval history of a record you cannot "
                    "read."
                )
            )

        return forbidden, make_error
