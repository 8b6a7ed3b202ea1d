# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AgreementClause(models.Model):
    _inherit = "agreement.clause"

    ops_clause_kind = fields.Selection(
        selection=[
            ("confidentiality", "Confidentiality"),
            ("data_security", "Data Security"),
            ("rights_duties", "Rights and Duties"),
            ("other", "Other"),
        ],
        string="Clause Kind",
        default="other",
        help="Operator contracts can be activated only with at least one "
        "confidentiality and one data-security clause.",
    )

    # An active operator contract keeps its required clauses: removing one,
    # moving it or changing its kind is checked like the activation.
    def _ops_recheck(self, agreements):
        agreements.exists().filtered(
            lambda a: a._ops_is_active()
        )._ops_check_activation()
        return True

    @api.model_create_multi
    def create(self, vals_list):
        clauses = super().create(vals_list)
        self._ops_recheck(clauses.agreement_id)
        return clauses

    def write(self, vals):
        agreements = self.agreement_id
        res = super().write(vals)
        self._ops_recheck(agreements | self.agreement_id)
        return res

    def unlink(self):
        agreements = self.agreement_id
        res = super().unlink()
        self._ops_recheck(agreements)
        return res
