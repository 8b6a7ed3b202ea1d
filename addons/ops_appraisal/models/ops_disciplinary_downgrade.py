# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ops_disciplinary_measure import SEVERITY_MEASURE
from .ops_disciplinary_measure import OpsDisciplinaryMeasure as BaseMeasure

# From the lightest to the heaviest measure.
MEASURE_RANK = {
    "verbal_warning": 1,
    "written_notice": 2,
    "demotion": 3,
    "dismissal": 4,
}
# Severities whose measures HR and the general manager approve: a lighter
# measure for them needs the same approval (not only the manager's).
HIGH_SEVERITIES = ("serious", "critical")


class OpsDisciplinaryMeasure(models.Model):
    """The severity sets the minimum measure; a lighter one is a downgrade,
    justified by a reason and approved as the severity requires."""

    _inherit = "ops.disciplinary.measure"
    _ops_frozen_fields = BaseMeasure._ops_frozen_fields + ("downgrade_reason",)

    minimum_measure = fields.Selection(
        selection=[
            ("verbal_warning", "Verbal Warning"),
            ("written_notice", "Written Notice"),
            ("demotion", "Demotion"),
            ("dismissal", "Dismissal"),
        ],
        compute="_compute_ops_downgraded",
        store=True,
    )
    ops_downgraded = fields.Boolean(
        string="Lighter than the Minimum",
        compute="_compute_ops_downgraded",
        store=True,
        help="The measure is lighter than the minimum of the incident's "
        "severity: it needs a reason and the approval the severity requires.",
    )
    downgrade_reason = fields.Text(string="Reason for a Lighter Measure", tracking=True)

    @api.depends("severity", "measure")
    def _compute_ops_downgraded(self):
        for rec in self:
            minimum = SEVERITY_MEASURE.get(rec.severity, "verbal_warning")
            rec.minimum_measure = minimum
            rec.ops_downgraded = MEASURE_RANK.get(rec.measure, 0) < MEASURE_RANK.get(
                minimum, 0
            )

    @api.constrains("ops_downgraded", "downgrade_reason")
    def _check_downgrade_reason(self):
        for rec in self:
            if rec.ops_downgraded and not (rec.downgrade_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "“%(measure)s” is lighter than the minimum measure of a "
                        "%(severity)s incident: give the reason.",
                        measure=rec.name,
                        severity=dict(
                            rec._fields["severity"]._description_selection(rec.env)
                        ).get(rec.severity),
                    )
                )

    def _ops_downgrade_approvers_missing(self):
        """The groups whose approval a downgrade still lacks, read from the
        reviews actually approved (a changed tier configuration does not
        lower the bar)."""
        self.ensure_one()
        if not self.ops_downgraded or self.severity not in HIGH_SEVERITIES:
            return []
        approvers = (
            self.sudo()
            .review_ids.filtered(lambda r: r.status == "approved")
            .mapped("done_by")
        )
        missing = []
        for xmlid in ("ops_base.group_ops_hr", "ops_base.group_ops_executive"):
            group = self.env.ref(xmlid)
            if not any(group in user.sudo().groups_id for user in approvers):
                missing.append(group.sudo().name)
        return missing

    def action_put_in_force(self):
        # Approval incomplete: the base refuses it (ValidationError); once
        # the tiers approved it, who approved must match the severity.
        for rec in self.filtered(lambda r: r.validation_status == "validated"):
            missing = rec._ops_downgrade_approvers_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "“%(measure)s” is lighter than the minimum measure of its "
                        "severity: it needs the approval of %(groups)s first.",
                        measure=rec.name,
                        groups=", ".join(missing),
                    )
                )
        return super().action_put_in_force()
