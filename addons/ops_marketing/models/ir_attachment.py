# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import is_server

# What a file is: changing one of these replaces or re-points the file.
CONTENT_KEYS = {
    "datas",
    "raw",
    "db_datas",
    "store_fname",
    "url",
    "type",
    "mimetype",
    "res_model",
    "res_id",
    "res_field",
}


class IrAttachment(models.Model):
    """Files of publicity content stay those planning & promotion reviewed."""

    _inherit = "ir.attachment"

    def _ops_locked_contents(self):
        """Contents using these files that are under review or past draft."""
        Content = self.env["ops.marketing.content"].sudo()
        own = [a.res_id for a in self if a.res_model == Content._name and a.res_id]
        contents = Content.search([("attachment_ids", "in", self.ids)])
        contents |= Content.browse(own).exists()
        return contents.filtered(lambda c: c.state != "draft" or c.review_ids)

    def _ops_check_content_files(self):
        if is_server(self) or not self.ids:
            return
        locked = self._ops_locked_contents()
        if locked:
            raise UserError(
                self.env._(
                    "The files of “%(content)s” were submitted for review or "
                    "published: they can no longer be replaced or deleted. "
                    "Duplicate the content to prepare a new version.",
                    content=locked[0].display_name,
                )
            )

    def write(self, vals):
        if CONTENT_KEYS & set(vals):
            self._ops_check_content_files()
        return super().write(vals)

    def unlink(self):
        self._ops_check_content_files()
        return super().unlink()
