# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from .ops_guard import is_server, ops_model_names

CONTENT_FIELDS = {
    "raw",
    "datas",
    "db_datas",
    "store_fname",
    "url",
    "res_model",
    "res_id",
}


class IrAttachment(models.Model):
    """The documents of an approved record are part of what was approved:
    Odoo lets anyone who may write the record rewrite or delete them."""

    _inherit = "ir.attachment"

    def _ops_check_frozen_documents(self):
        if is_server(self):
            return
        names = set(ops_model_names(self.env))
        for att in self.sudo():
            if att.res_model not in names or not att.res_id:
                continue
            record = self.env[att.res_model].sudo().browse(att.res_id).exists()
            if (
                record
                and record[record._state_field] in record._ops_get_frozen_states()
            ):
                raise UserError(
                    self.env._(
                        "“%(doc)s” belongs to “%(record)s”, which is %(state)s: "
                        "its documents can no longer be changed.",
                        doc=att.name,
                        record=record.display_name,
                        state=record._ops_state_label(record[record._state_field]),
                    )
                )

    def write(self, vals):
        if CONTENT_FIELDS & set(vals):
            self._ops_check_frozen_documents()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _ops_unlink_frozen_documents(self):
        self._ops_check_frozen_documents()
