# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, models
from odoo.exceptions import ValidationError


class OpsAppraisalFiniteMixin(models.AbstractModel):
    """Refuse NaN and infinity before the ORM rounds them.

    A JSON or XML-RPC client can send ``NaN`` or ``Infinity`` for a number;
    the ORM's rounding of float and monetary fields then fails with a
    ValueError (a traceback for the caller) before any constraint runs.
    """

    _name = "ops.appraisal.finite.mixin"
    _description = "Appraisal: finite numbers only"

    def _ops_check_finite(self, vals):
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if (
                field
                and field.type in ("float", "monetary")
                and isinstance(value, float)
                and not math.isfinite(value)
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s must be a number; %(value)s given.",
                        field=field._description_string(self.env),
                        value=value,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ops_check_finite(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_finite(vals)
        return super().write(vals)
