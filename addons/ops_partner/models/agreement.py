# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

REQUIRED_OPERATOR_CLAUSES = ("confidentiality", "data_security")


class Agreement(models.Model):
    """Supply contracts (供货合同) and third-party operator contracts.

    The activation is checked on the server whatever sets it (the status,
    or the "Active" stage of agreement_legal's kanban): an operator contract
    needs its confidentiality and data-security clauses (保密义务和数据安全要求)
    and an approved due diligence; a supply contract needs a qualified
    supplier. Other agreements keep agreement_legal's behaviour.
    """

    _inherit = "agreement"

    ops_contract_kind = fields.Selection(
        selection=[
            ("supply", "Supply Contract"),
            ("operator", "Third-party Operator Contract"),
        ],
        string="Contract Kind",
        tracking=True,
    )

    @api.model
    def _ops_active_stage(self):
        return self.env.ref("agreement_legal.agreement_stage_active", False)

    def _ops_activating(self, vals):
        stage = self._ops_active_stage()
        return vals.get("state") == "active" or (
            stage and vals.get("stage_id") == stage.id
        )

    def _ops_is_active(self):
        stage = self._ops_active_stage()
        return self.state == "active" or (stage and self.stage_id == stage)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered(lambda r: r._ops_is_active())._ops_check_activation()
        return records

    def write(self, vals):
        res = super().write(vals)
        if (
            self._ops_activating(vals)
            or "ops_contract_kind" in vals
            or "partner_id" in vals
        ):
            self.filtered(lambda r: r._ops_is_active())._ops_check_activation()
        return res

    def _ops_check_activation(self):
        for rec in self.sudo():
            if rec.ops_contract_kind == "operator":
                rec._ops_check_operator_contract()
            elif rec.ops_contract_kind == "supply":
                rec._ops_check_supply_contract()
        return True

    def _ops_check_operator_contract(self):
        self.ensure_one()
        kinds = set(self.clauses_ids.mapped("ops_clause_kind"))
        missing = [k for k in REQUIRED_OPERATOR_CLAUSES if k not in kinds]
        if missing:
            labels = dict(
                self.env["agreement.clause"]
                ._fields["ops_clause_kind"]
                ._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "The operator contract “%(contract)s” cannot be activated "
                    "without its %(clauses)s clauses.",
                    contract=self.name,
                    clauses=", ".join(labels[k] for k in missing),
                )
            )
        partner = self.partner_id.commercial_partner_id
        if partner and partner.sudo().ops_operator_status != "approved":
            raise UserError(
                self.env._(
                    "%(operator)s has no approved due diligence: its contract "
                    "cannot be activated.",
                    operator=partner.display_name,
                )
            )

    def _ops_check_supply_contract(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        status, _evaluation = partner._ops_qualification_status(self.company_id)
        if status != "qualified":
            raise UserError(
                self.env._(
                    "%(supplier)s is not a qualified supplier: the supply "
                    "contract “%(contract)s” cannot be activated.",
                    supplier=partner.display_name,
                    contract=self.name,
                )
            )
