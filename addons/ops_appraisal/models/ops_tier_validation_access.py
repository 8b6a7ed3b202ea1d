# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class OpsTierValidation(models.AbstractModel):
    """Operations records (every model on the suite's approval engine):
    opening one needs a valid NDA for the positions the company lists, and
    opening one of another department is logged for the executives."""

    _inherit = "ops.tier.validation"

    def read(self, fields=None, load="_classic_read"):
        # Every client read (forms, lists, search_read, RPC) goes through
        # read(): the NDA is checked there, not in the views.
        if self and not self.env.su:
            self._ops_check_nda()
        return super().read(fields=fields, load=load)

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **kw
    ):
        # search_read formats the records without read().
        if not self.env.su:
            self._ops_check_nda()
        return super().search_read(
            domain=domain, fields=fields, offset=offset, limit=limit, order=order, **kw
        )

    def web_read(self, specification):
        # A form opens one record; lists and kanbans are not logged.
        res = super().web_read(specification)
        if len(self) == 1 and not self.env.su:
            self._ops_log_access()
        return res

    # Odoo serves web_read on a read-only cursor (api.readonly): opening a
    # record of another department writes the access log, so the web client's
    # call must get a read/write cursor, not fail and be retried.
    web_read._readonly = False

    def _ops_check_nda(self):
        if self.env["ops.nda"]._ops_user_needs_nda(self.env.user):
            raise AccessError(
                self.env._(
                    "Operations data is confidential: your position needs a "
                    "signed confidentiality agreement (NDA) before you open "
                    "%(model)s. Ask HR.",
                    model=self._description,
                )
            )
        return True

    def _ops_log_access(self):
        self.ensure_one()
        department = self._ops_department()
        if not department:
            return False
        Department = self.env["hr.department"].sudo()
        mine = self.env.user.sudo().employee_ids.department_id
        # Inside: the record's department, one below it, or one above it
        # (its managers).
        if mine and (
            Department.search_count(
                [("id", "in", mine.ids), ("id", "child_of", department.id)], limit=1
            )
            or Department.search_count(
                [("id", "in", mine.ids), ("id", "parent_of", department.id)], limit=1
            )
        ):
            return False
        self.env["ops.access.log"]._ops_log(self, department)
        return True
