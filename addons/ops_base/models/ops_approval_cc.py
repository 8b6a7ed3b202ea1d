# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.osv import expression

from .ops_guard import ops_model_names


class OpsApprovalCc(models.Model):
    """Users copied (抄送) on an operations record's approval: named by the
    approval step (tier definition) or on the record itself. They may read
    the record and are told the decision."""

    _name = "ops.approval.cc"
    _description = "Approval CC"

    model = fields.Char(required=True, index=True)
    res_id = fields.Many2oneReference(model_field="model", required=True, index=True)
    user_id = fields.Many2one("res.users", required=True, ondelete="cascade")
    definition_id = fields.Many2one("tier.definition", ondelete="set null")

    _sql_constraints = [
        (
            "user_uniq",
            "unique(model, res_id, user_id)",
            "A user is copied once on a record.",
        )
    ]


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        # Users copied on an approval read the record, whatever the model's
        # own rules (still within their companies); they never write it.
        domain = super()._compute_domain(model_name, mode)
        if mode != "read" or not domain or self.env.su:
            return domain
        if model_name not in ops_model_names(self.env):
            return domain
        Model = self.env[model_name]
        cc = [("ops_cc_user_ids", "in", [self.env.uid])]
        company = Model._tier_validation_company_field
        if company in Model._fields:
            cc = expression.AND(
                [cc, [(company, "in", self.env.user.company_ids.ids + [False])]]
            )
        return expression.OR([domain, cc])
