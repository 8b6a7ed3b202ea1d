# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

DEPARTMENTS = [
    ("purchasing", "Purchasing"),
    ("technical", "Technical"),
    ("quality", "Quality"),
    ("finance", "Finance"),
]


class OpsSupplierCriterion(models.Model):
    """A criterion of the supplier scorecard and its weight."""

    _name = "ops.supplier.criterion"
    _description = "Supplier Evaluation Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        selection=[
            ("price", "Price / Bid"),
            ("quality", "Quality"),
            ("delivery", "Delivery"),
            ("finance", "Finance"),
            ("compliance", "Compliance"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    department = fields.Selection(
        DEPARTMENTS, required=True, default="purchasing", help="Who scores it."
    )
    weight = fields.Float(required=True, default=1.0)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: every company.")

    _sql_constraints = [
        ("weight_positive", "CHECK(weight > 0)", "A criterion's weight is positive.")
    ]
