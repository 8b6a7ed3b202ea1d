# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quality targets of a value-added product (质量目标: performance,
reliability, usability...): each target is measured before launch, and a
missed target refuses the launch unless the operations manager waives it with
a reason."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server


class OpsProjectQualityTarget(models.Model):
    _name = "ops.project.quality.target"
    _description = "Product Quality Target"
    _inherit = ["mail.thread", "ops.guarded.mixin"]
    _order = "project_id, sequence, id"

    # The waiver is the operations manager's decision, taken with the Waive
    # action only.
    _ops_server_fields = ("waived", "waived_by_id", "waived_on")
    # What the target demands is set when it is created; lowering it later
    # would turn a miss into a pass: only an operations manager changes it.
    _ops_definition_fields = ("metric", "direction", "target", "uom")
    # What the product achieved is measured by the technical department, not
    # certified by the project that is judged on it.
    _ops_measure_fields = ("actual", "measured")

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Target", required=True, tracking=True)
    metric = fields.Selection(
        [
            ("defect_density", "Defect Density"),
            ("pass_rate", "Test Pass Rate"),
            ("response_time", "Response Time"),
            ("availability", "Availability"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    direction = fields.Selection(
        [("max", "At Most"), ("min", "At Least")],
        required=True,
        default="min",
        help="At most: the actual value must not exceed the target (defect "
        "density, response time). At least: it must reach it (pass rate).",
    )
    target = fields.Float(string="Target Value", required=True, tracking=True)
    actual = fields.Float(string="Actual Value", tracking=True)
    measured = fields.Boolean(
        help="The actual value has been measured (an unmeasured target is " "not met).",
        tracking=True,
    )
    uom = fields.Char(string="Unit", help="e.g. defects/KLOC, %, ms")
    met = fields.Boolean(compute="_compute_met", store=True)
    waived = fields.Boolean(readonly=True, tracking=True, copy=False)
    waiver_reason = fields.Text(copy=False)
    waived_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    waived_on = fields.Datetime(readonly=True, copy=False)

    @api.onchange("metric")
    def _onchange_metric(self):
        if self.metric in ("defect_density", "response_time"):
            self.direction = "max"
        elif self.metric in ("pass_rate", "availability"):
            self.direction = "min"

    @api.depends("target", "actual", "direction", "measured")
    def _compute_met(self):
        for rec in self:
            if not rec.measured:
                rec.met = False
            elif rec.direction == "max":
                rec.met = rec.actual <= rec.target
            else:
                rec.met = rec.actual >= rec.target

    def _ops_check_open(self, projects):
        """What the launch reviewers look at no longer changes under review
        or once accepted; a waived target keeps the values it was waived for."""
        if is_server(self):
            return True
        for project in projects.sudo():
            launch = project.ops_launch_id
            if launch and (launch.state != "draft" or launch.review_ids):
                raise UserError(
                    self.env._(
                        "The launch acceptance of “%(name)s” is under review or "
                        "accepted: its quality targets no longer change.",
                        name=project.name,
                    )
                )
        return True

    def _ops_check_definition(self):
        if is_server(self) or self.env.user.has_group("ops_base.group_ops_manager"):
            return True
        raise AccessError(
            self.env._(
                "Only an operations manager changes what a quality target "
                "demands (metric, direction, target value, unit)."
            )
        )

    def _ops_check_measurer(self, companies):
        """Only members and managers of the company's technical department
        record a measured value."""
        if is_server(self):
            return True
        departments = self.env["ops.project.launch.line"]._ops_user_departments(
            self.env.user
        )
        for company in companies.sudo():
            technical = company.ops_technical_department_id
            if not technical:
                raise UserError(
                    self.env._(
                        "The technical department measures the quality targets: "
                        "set it in the Operations settings."
                    )
                )
            if technical not in departments:
                raise AccessError(
                    self.env._(
                        "Quality targets are measured by %(department)s: only its "
                        "members and managers record the actual values.",
                        department=technical.display_name,
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        projects = self.env["project.project"].browse(
            [vals["project_id"] for vals in vals_list if vals.get("project_id")]
        )
        if not is_server(self):
            # A target is set on a project the user reaches; the technical
            # department measures targets, it does not set them.
            projects.check_access("read")
        self._ops_check_open(projects)
        measured = [
            vals["project_id"]
            for vals in vals_list
            if vals.get("project_id") and (vals.get("actual") or vals.get("measured"))
        ]
        if measured:
            self._ops_check_measurer(projects.browse(measured).sudo().company_id)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_open(self.project_id)
        if set(self._ops_definition_fields) & set(vals):
            self._ops_check_definition()
        if set(self._ops_measure_fields) & set(vals):
            self._ops_check_measurer(self.sudo().company_id)
        if not is_server(self) and self.filtered("waived"):
            if {"target", "actual", "direction", "measured", "waiver_reason"} & set(
                vals
            ):
                raise UserError(
                    self.env._(
                        "A waived quality target keeps the values it was waived "
                        "for: withdraw the waiver first."
                    )
                )
        return super().write(vals)

    def unlink(self):
        self._ops_check_open(self.project_id)
        return super().unlink()

    def action_waive(self):
        """The operations manager accepts a missed target, with a reason."""
        self._ops_check_manager()
        for rec in self:
            if not (rec.waiver_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for waiving the quality target " "“%(name)s”.",
                        name=rec.name,
                    )
                )
        todo = self.filtered(lambda r: not r.waived)
        as_server(todo).write(
            {
                "waived": True,
                "waived_by_id": self.env.user.id,
                "waived_on": fields.Datetime.now(),
            }
        )
        for rec in todo:
            rec.message_post(
                body=Markup("<p>%s</p><p><i>%s</i></p>")
                % (
                    self.env._(
                        "%(user)s waived the quality target “%(name)s”.",
                        user=self.env.user.name,
                        name=rec.name,
                    ),
                    rec.waiver_reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_unwaive(self):
        self._ops_check_manager()
        as_server(self).write(
            {"waived": False, "waived_by_id": False, "waived_on": False}
        )
        return True

    def _ops_check_manager(self):
        self._ops_check_open(self.project_id)
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_manager")):
            raise AccessError(
                self.env._("Only an operations manager can waive a quality target.")
            )
        # Within the manager's own reach (record rules: their departments).
        self.check_access("write")
        return True

    def _ops_missed(self):
        return self.filtered(lambda r: not r.met and not r.waived)
