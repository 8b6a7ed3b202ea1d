# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, models
from odoo.exceptions import ValidationError

# PostgreSQL "integer" columns hold at most 2**31 - 1: a larger value would
# fail in the database with a traceback instead of a message.
MAX_INTEGER = 2**31 - 1
# No budget, spend or revenue of a campaign comes near this; beyond it a float
# no longer holds cents, so such a value is a typing or import error.
MAX_AMOUNT = 10**12


def number_error(env, value, field_type):
    """Why ``value`` is not a sane non-negative number, or None if it is."""
    if isinstance(value, bool):
        return env._("a number is expected")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return env._("“%(value)s” is not a number", value=value)
    if math.isnan(number) or math.isinf(number):
        return env._("“%(value)s” is not a finite number", value=value)
    if number < 0:
        return env._("%(value)s is negative", value=value)
    limit = MAX_INTEGER if field_type == "integer" else MAX_AMOUNT
    if number > limit:
        return env._(
            "%(value)s is above the largest accepted value (%(limit)s)",
            value=value,
            limit=limit,
        )
    if field_type == "integer" and number != int(number):
        return env._("%(value)s is not a whole number", value=value)
    return None


class OpsMarketingNumberMixin(models.AbstractModel):
    """Non-negative, finite numbers of a sane size on the listed fields.

    Checked on the values sent, before the ORM converts them: ``inf`` or a
    value beyond the column's range would otherwise stop the request with an
    OverflowError or a PostgreSQL error instead of a message.
    """

    _name = "ops.marketing.number.mixin"
    _description = "Marketing: sane numbers"

    # Names of the Integer/Float/Monetary fields to check.
    _ops_marketing_number_fields = ()

    @api.model
    def _ops_check_numbers(self, vals):
        for name in self._ops_marketing_number_fields:
            value = vals.get(name)
            if value is None or value is False:
                continue
            field = self._fields[name]
            reason = number_error(self.env, value, field.type)
            if reason:
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(reason)s. Enter a number between 0 and "
                        "%(limit)s.",
                        field=field._description_string(self.env),
                        reason=reason,
                        limit=MAX_INTEGER if field.type == "integer" else MAX_AMOUNT,
                    )
                )

    @api.model
    def _ops_check_default_numbers(self):
        """``default_<field>`` context keys become values of the new record
        without going through the values checked above: check them too."""
        self._ops_check_numbers(
            {
                name: self.env.context[f"default_{name}"]
                for name in self._ops_marketing_number_fields
                if f"default_{name}" in self.env.context
            }
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._ops_check_default_numbers()
        for vals in vals_list:
            self._ops_check_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_numbers(vals)
        return super().write(vals)
