# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server

from .hr_appraisal import HrAppraisal as BaseAppraisal

# Stages in which the points of the period still count: once published, the
# result changes only through HR's adjustment.
POINTS_OPEN_STATES = ("self_assessment", "manager_review")


class HrAppraisal(models.Model):
    """Reward and penalty points in the score (by the company's rule, shown
    in the breakdown), results indicators read from the suite's data, and
    the promotion request that an annual recommendation starts."""

    _inherit = "hr.appraisal"
    _ops_server_fields = BaseAppraisal._ops_server_fields + (
        "ops_points",
        "ops_base_score",
        "ops_points_adjustment",
    )

    ops_points = fields.Float(
        string="Reward and Penalty Points",
        readonly=True,
        copy=False,
        digits=(6, 2),
        help="Sum of the points of the rewards and penalties decided in the "
        "period (ops.accountability), until the appraisal is published.",
    )
    ops_base_score = fields.Float(
        string="Score of the Indicators",
        compute="_compute_ops_scores",
        store=True,
        digits=(5, 2),
        help="Weighted score of the indicators, before the points.",
    )
    ops_points_adjustment = fields.Float(
        string="Points in the Score",
        compute="_compute_ops_scores",
        store=True,
        digits=(5, 2),
        help="What the reward and penalty points add to (or take from) the "
        "total score under the company's rule.",
    )
    ops_promotion_request_ids = fields.One2many(
        "ops.promotion.request", "appraisal_id", string="Promotion Requests"
    )

    @api.depends(
        "ops_line_ids.weight",
        "ops_line_ids.manager_score",
        "ops_line_ids.dimension",
        "ops_points",
        "company_id",
    )
    def _compute_ops_scores(self):
        res = super()._compute_ops_scores()
        for rec in self:
            base = rec.ops_total_score
            total = rec._ops_total_with_points(base)
            rec.ops_base_score = base
            rec.ops_points_adjustment = total - base
            rec.ops_total_score = total
        return res

    def _ops_total_with_points(self, base):
        """The total once the points count, under the company's rule. The
        rule is read when the score is computed (not a dependency): changing
        it does not rewrite published results."""
        self.ensure_one()
        company = (self.company_id or self.env.company).sudo()
        rule = company.ops_appraisal_points_rule
        lines = self.ops_line_ids
        total_weight = sum(lines.mapped("weight"))
        if not self.ops_points or rule == "none" or not total_weight:
            return base
        if rule == "bonus":
            return max(
                0.0, min(100.0, base + company._ops_points_adjustment(self.ops_points))
            )
        # On the indicators of a dimension: each one's manager score moves by
        # the points (× factor), within 0-100.
        shift = self.ops_points * company.ops_appraisal_points_factor
        dimension = company.ops_appraisal_points_dimension
        weighted = 0.0
        for line in lines:
            score = line.manager_score
            if line.dimension == dimension and score:
                score = max(0.0, min(100.0, score + shift))
            weighted += line.weight * score
        return weighted / total_weight

    # ------------------------------------------------------------------
    # Points of the period
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        appraisals = super().create(vals_list)
        appraisals.sudo()._ops_copy_line_sources()
        appraisals.sudo()._ops_refresh_points()
        return appraisals

    @api.model
    def _get_under_validation_exceptions(self):
        # Points decided during calibration still count (server field).
        return super()._get_under_validation_exceptions() + ["ops_points"]

    def _ops_refresh_points(self):
        """Sum the points of the period onto the open appraisals (one
        grouped query per cycle: a cycle start creates many appraisals)."""
        Accountability = self.env["ops.accountability"].sudo()
        todo = self.filtered(
            lambda r: r.ops_cycle_id and r.ops_state in POINTS_OPEN_STATES
        )
        for cycle in todo.ops_cycle_id:
            appraisals = todo.filtered(lambda r, c=cycle: r.ops_cycle_id == c)
            groups = Accountability._read_group(
                [
                    ("employee_id", "in", appraisals.employee_id.ids),
                    ("decision", "!=", "none"),
                    ("date", ">=", cycle.date_start),
                    ("date", "<=", cycle.date_end),
                ],
                ["employee_id"],
                ["points:sum"],
            )
            points = {employee.id: total for employee, total in groups}
            for rec in appraisals:
                value = points.get(rec.employee_id.id, 0.0)
                if value != rec.ops_points:
                    as_server(rec).write({"ops_points": value})
        return True

    # ------------------------------------------------------------------
    # Results indicators read from the data
    # ------------------------------------------------------------------
    def _ops_copy_line_sources(self):
        """Each indicator keeps where its template reads the value from
        (matched by position and name; the cycle copies the lines)."""
        for rec in self.filtered("ops_template_id"):
            by_key = {
                (t.sequence, t.name): t
                for t in rec.ops_template_id.line_ids
                if t.source != "manual"
            }
            if not by_key:
                continue
            for line in rec.ops_line_ids:
                tmpl = by_key.get((line.sequence, line.name))
                if tmpl:
                    line.write({"source": tmpl.source, "target": tmpl.target})
        return True

    def action_ops_read_indicators(self):
        """Read the results indicators of the period from the suite's data
        and score them; an indicator the manager scored otherwise, with a
        reason, keeps the manager's score."""
        self._ops_check_appraiser()
        self._ops_check_state(["manager_review"])
        Source = self.env["ops.appraisal.indicator.source"]
        for rec in self:
            if rec.review_ids and rec.validation_status != "rejected":
                raise UserError(
                    self.env._(
                        "The appraisal of %(employee)s is under approval: its "
                        "indicators are no longer read from the data.",
                        employee=rec.employee_id.name,
                    )
                )
            cycle = rec.ops_cycle_id
            if not cycle:
                continue
            for line in rec.sudo().ops_line_ids.filtered(
                lambda ln: ln.source != "manual"
            ):
                value, note = Source._ops_read(
                    line.source, rec.employee_id, cycle.date_start, cycle.date_end
                )
                score = Source._ops_score(line.source, value, line.target)
                vals = {
                    "source_value": value or 0.0,
                    "source_note": note,
                    "source_score": score,
                }
                if score and not (line.override_reason or "").strip():
                    vals["manager_score"] = score
                line.write(vals)
        return True

    def action_ops_submit_approval(self):
        # The points decided until the submission count.
        self.sudo()._ops_refresh_points()
        return super().action_ops_submit_approval()

    # ------------------------------------------------------------------
    # Promotion from the annual recommendation
    # ------------------------------------------------------------------
    def action_ops_request_promotion(self):
        self.ensure_one()
        self._ops_check_appraiser()
        self._ops_check_state(["published", "acknowledged"])
        kind = {"promotion": "promotion", "salary": "salary"}.get(
            self.ops_recommendation, "duty_change"
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Promotion Request"),
            "res_model": "ops.promotion.request",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_appraisal_id": self.id,
                "default_request_type": kind,
                "default_reason": self.env._(
                    "Annual appraisal: total score %(score)s, grade %(grade)s.",
                    score=round(self.ops_total_score, 2),
                    grade=self.ops_grade_id.display_name or "-",
                ),
            },
        }

    def action_ops_career_plan(self):
        """The employee's career plan based on this result (opened, or
        prepared for the managers to agree)."""
        self.ensure_one()
        self._ops_check_appraiser()
        self._ops_check_state(["published", "acknowledged"])
        plan = self.env["ops.career.plan"].search(
            [("appraisal_id", "=", self.id)], limit=1
        )
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Career Plan"),
            "res_model": "ops.career.plan",
            "view_mode": "form",
            "target": "current",
        }
        if plan:
            action["res_id"] = plan.id
        else:
            action["context"] = {
                "default_employee_id": self.employee_id.id,
                "default_appraisal_id": self.id,
            }
        return action
