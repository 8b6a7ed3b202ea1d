# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# States reached only once the request is approved.
APPROVED_STATES = ("approved", "in_progress", "done")


class PurchaseRequest(models.Model):
    """R&D material purchase requests (研发物料采购) under the suite's
    approval rules, and their progress to the order and the receipt shown
    to the requester."""

    _name = "purchase.request"
    # The engine first: OCA already put tier.validation in the bases.
    _inherit = ["ops.tier.decision", "purchase.request"]

    _ops_requester_field = "requested_by"
    _ops_department_field = "ops_department_id"

    ops_rd = fields.Boolean(
        string="R&D Materials",
        tracking=True,
        help="A purchase of R&D materials: approved by the requester's "
        "department head under the operations rules before purchasing.",
    )
    ops_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        compute="_compute_ops_department_id",
        store=True,
        index="btree_not_null",
    )
    ops_progress = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("review", "Under Review"),
            ("approved", "Approved"),
            ("ordered", "Ordered"),
            ("partial", "Partially Received"),
            ("received", "Received"),
            ("rejected", "Rejected"),
            ("done", "Done"),
        ],
        string="Progress",
        compute="_compute_ops_progress",
    )

    @api.depends("requested_by")
    def _compute_ops_department_id(self):
        for request in self:
            request.ops_department_id = (
                request.sudo().requested_by.employee_id.department_id
            )

    @api.depends(
        "state",
        "review_ids.status",
        "line_ids.purchase_state",
        "line_ids.qty_done",
        "line_ids.product_qty",
    )
    def _compute_ops_progress(self):
        for request in self:
            request.ops_progress = request._ops_get_progress()

    def _ops_get_progress(self):
        self.ensure_one()
        lines = self.sudo().line_ids
        if self.state == "rejected":
            return "rejected"
        if self.state == "draft":
            return "review" if self.review_ids else "draft"
        if self.state == "to_approve":
            return "review"
        received = [ln.qty_done for ln in lines]
        if lines and all(ln.qty_done >= ln.product_qty for ln in lines):
            return "received"
        if any(received):
            return "partial"
        if any(ln.purchase_state in ("purchase", "done") for ln in lines):
            return "ordered"
        if self.state == "done":
            return "done"
        return "approved"

    def button_to_approve(self):
        self._ops_check_rd_flag()
        # Sending an R&D request for approval asks its steps at once.
        res = super().button_to_approve()
        engine = self._ops_matching_records().filtered(
            lambda r: r.state == "to_approve" and not r.review_ids
        )
        if engine:
            engine.request_validation()
        return res

    def _ops_check_rd_flag(self):
        """R&D materials have one purchasing channel, the R&D request: a
        request for them must say so, or no order could come from it."""
        for request in self.filtered(lambda r: not r.ops_rd):
            materials = request.sudo().line_ids.product_id.filtered(
                lambda product: product.categ_id._ops_is_rd_material()
            )
            if materials:
                raise UserError(
                    self.env._(
                        "“%(name)s” asks for R&D materials (%(products)s): tick "
                        "“R&D Materials” so that it is approved as an R&D "
                        "purchase.",
                        name=request.display_name,
                        products=", ".join(materials.mapped("display_name")),
                    )
                )
        return True

    def _check_state_from_condition(self):
        # OCA asks and checks the approval from draft only: an R&D request
        # is approved from "to approve", which must wait for its reviewers
        # too. Other requests keep OCA's behaviour.
        if super()._check_state_from_condition():
            return True
        return self.state == "to_approve" and bool(self._ops_matching_records())

    def write(self, vals):
        # OCA checks the approval on draft -> approved only; an R&D request
        # waiting in "to approve" must not be approved around its reviewers.
        if vals.get("state") in APPROVED_STATES:
            self._ops_check_validated(vals["state"])
        return super().write(vals)

    def _ops_check_validated(self, state):
        for request in self._ops_engine_records() | self._ops_matching_records():
            if request.state in APPROVED_STATES:
                continue
            if request.validation_status != "validated":
                raise ValidationError(
                    self.env._(
                        "“%(name)s” must be approved by its reviewers before it "
                        "becomes “%(state)s”.",
                        name=request.display_name,
                        state=request._ops_state_label(state),
                    )
                )
        return True
