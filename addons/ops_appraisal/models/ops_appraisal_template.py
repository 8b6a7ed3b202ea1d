# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.float_utils import float_compare

from odoo.addons.ops_base.models.ops_guard import as_server

# Server key: the lines are being edited through their template, whose
# constraint checks the total once all the commands are applied.
TEMPLATE_WRITE_KEY = "ops_template_write"


class OpsAppraisalTemplate(models.Model):
    """KPI template of a role: weighted indicators in three dimensions."""

    _name = "ops.appraisal.template"
    _description = "Appraisal KPI Template"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        selection=[
            ("marketing", "Marketing Promoter"),
            ("customer", "Customer Operations"),
            ("product", "Product Operations"),
            ("product_manager", "Product Manager"),
            ("data_analyst", "Data Analyst"),
            ("general", "General"),
        ],
        required=True,
        default="general",
        tracking=True,
    )
    job_ids = fields.Many2many(
        "hr.job",
        string="Job Positions",
        help="Employees holding one of these positions are appraised with "
        "this template. Employees whose position matches no template get "
        "the default template.",
    )
    is_default = fields.Boolean(
        string="Default Template",
        help="Used for employees whose job position matches no template.",
    )
    self_assessment = fields.Boolean(
        default=True,
        help="The employee first scores and comments each indicator.",
    )
    line_ids = fields.One2many(
        "ops.appraisal.template.line", "template_id", string="Indicators", copy=True
    )
    total_weight = fields.Float(compute="_compute_total_weight")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    @api.constrains("line_ids")
    def _check_total_weight(self):
        for template in self:
            total = sum(template.line_ids.mapped("weight"))
            if float_compare(total, 100.0, precision_digits=2) != 0:
                raise ValidationError(
                    self.env._(
                        "The indicator weights of template “%(template)s” add up "
                        "to %(total)s; they must add up to exactly 100.",
                        template=template.display_name,
                        total=round(total, 2),
                    )
                )

    @api.constrains("is_default", "company_id", "active")
    def _check_single_default(self):
        for template in self.filtered("is_default"):
            if self.search_count(
                [
                    ("is_default", "=", True),
                    ("company_id", "=", template.company_id.id),
                    ("id", "!=", template.id),
                ]
            ):
                raise ValidationError(
                    self.env._("A company has only one default appraisal template.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super(
            OpsAppraisalTemplate, as_server(self, TEMPLATE_WRITE_KEY)
        ).create(vals_list)
        return templates.with_env(self.env)

    def write(self, vals):
        return super(OpsAppraisalTemplate, as_server(self, TEMPLATE_WRITE_KEY)).write(
            vals
        )

    @api.model
    def _ops_template_by_job(self, company):
        """Map job id → template, plus the company's default under ``False``."""
        mapping = {}
        for template in self.search(
            [("company_id", "=", company.id)], order="sequence, id"
        ):
            for job in template.job_ids:
                mapping.setdefault(job.id, template)
            if template.is_default:
                mapping[False] = template
        return mapping
