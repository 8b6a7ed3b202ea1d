# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Seeded defaults (data files) that every company gets its own copy of.
DEFAULT_MODELS = ("ops.appraisal.grade", "ops.appraisal.template")


class ResCompany(models.Model):
    _inherit = ["res.company", "ops.appraisal.finite.mixin"]
    _name = "res.company"

    ops_appraisal_base_bonus = fields.Monetary(
        string="Quarterly Base Bonus",
        currency_field="currency_id",
        default=1000.0,
        help="Default base bonus of a new quarterly cycle; the bonus of an "
        "employee is the base bonus times the coefficient of the grade.",
    )
    ops_appraisal_auto_cycle = fields.Boolean(
        string="Create Cycles Automatically",
        default=True,
        help="At each quarter end (and at year end) the scheduled action "
        "creates the cycle of the period that just ended, if missing, and "
        "starts it.",
    )

    @api.constrains("ops_appraisal_base_bonus")
    def _check_ops_appraisal_base_bonus(self):
        for company in self:
            bonus = company.ops_appraisal_base_bonus
            if not (math.isfinite(bonus) and bonus >= 0):
                raise ValidationError(
                    self.env._(
                        "The quarterly base bonus of %(company)s cannot be "
                        "negative.",
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._ops_appraisal_ensure_defaults()
        return companies

    def _ops_appraisal_ensure_defaults(self):
        """Give each company its own grade bands and KPI templates, copied
        from the seeded ones, when it has none: a cycle of a new company
        then creates its appraisals like the first company's. Called at
        install (post_init_hook) and when a company is created."""
        for model in DEFAULT_MODELS:
            Model = self.env[model].sudo().with_context(active_test=False)
            seeds = self._ops_appraisal_seeds(model)
            if not seeds:
                continue
            for company in self:
                if Model.search_count([("company_id", "=", company.id)], limit=1):
                    continue
                for seed in seeds:
                    seed.copy({"company_id": company.id})
        return True

    @api.model
    def _ops_appraisal_seeds(self, model):
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "ops_appraisal"), ("model", "=", model)])
        )
        return self.env[model].sudo().browse(data.mapped("res_id")).exists()
