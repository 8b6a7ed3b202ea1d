# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

CONFIRMED = ("to approve", "purchase", "done")


class PurchaseOrder(models.Model):
    """Only qualified suppliers (合格供应商) receive purchase orders.

    Checked on the state change itself rather than on the button, so that
    every path (button, approval, RPC write) meets it.
    """

    _inherit = "purchase.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.filtered(lambda o: o.state in CONFIRMED)._ops_check_supplier()
        return orders

    def write(self, vals):
        if vals.get("state") in CONFIRMED:
            self.filtered(lambda o: o.state not in CONFIRMED)._ops_check_supplier(
                vals.get("partner_id")
            )
        elif vals.get("partner_id"):
            self.filtered(lambda o: o.state in CONFIRMED)._ops_check_supplier(
                vals["partner_id"]
            )
        return super().write(vals)

    def _ops_check_supplier(self, partner_id=None):
        for order in self:
            company = order.company_id.sudo()
            if not company.ops_supplier_qualification_required:
                continue
            partner = (
                self.env["res.partner"].browse(partner_id)
                if partner_id
                else order.partner_id
            )
            status, evaluation = partner.sudo()._ops_qualification_status(company)
            if status == "qualified":
                continue
            if status == "expired":
                message = self.env._(
                    "The qualification of supplier %(supplier)s expired on "
                    "%(date)s: it must be re-evaluated before purchase order "
                    "%(order)s can be confirmed.",
                    supplier=partner.commercial_partner_id.display_name,
                    date=evaluation.valid_until,
                    order=order.name,
                )
            else:
                message = self.env._(
                    "%(supplier)s is not a qualified supplier of %(company)s: "
                    "purchase order %(order)s can be confirmed only after the "
                    "supplier evaluation has been approved.",
                    supplier=partner.commercial_partner_id.display_name,
                    company=company.name,
                    order=order.name,
                )
            raise UserError(message)
        return True
