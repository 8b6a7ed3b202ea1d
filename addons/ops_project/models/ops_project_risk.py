# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.ops_base.models.ops_guard import as_server

SCALE = [(str(i), str(i)) for i in range(1, 6)]


class OpsProjectRisk(models.Model):
    """Risk register entry (风险管理)."""

    _name = "ops.project.risk"
    _description = "Project Risk"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "score desc, id desc"

    # The reminder cron's bookkeeping: writing it by hand would silence the
    # next reminder.
    _ops_server_fields = ("last_reminded_on",)

    name = fields.Char(string="Risk", required=True, tracking=True)
    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    category_id = fields.Many2one("ops.project.risk.category", required=True)
    probability = fields.Selection(SCALE, required=True, default="3", tracking=True)
    impact = fields.Selection(SCALE, required=True, default="3", tracking=True)
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(
        selection=[
            ("low", "Low"),
            ("medium", "Medium"),
            ("high", "High"),
            ("critical", "Critical"),
        ],
        compute="_compute_score",
        store=True,
    )
    response = fields.Selection(
        selection=[
            ("avoid", "Avoid"),
            ("reduce", "Reduce"),
            ("transfer", "Transfer"),
            ("accept", "Accept"),
        ],
        required=True,
        default="reduce",
        tracking=True,
    )
    owner_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    mitigation = fields.Text()
    effect_review = fields.Text(string="Review of the Response's Effect")
    next_review_date = fields.Date(tracking=True)
    last_reminded_on = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        selection=[("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )

    @api.depends("probability", "impact")
    def _compute_score(self):
        for risk in self:
            score = int(risk.probability or 0) * int(risk.impact or 0)
            risk.score = score
            if score >= 20:
                risk.level = "critical"
            elif score >= 12:
                risk.level = "high"
            elif score >= 5:
                risk.level = "medium"
            else:
                risk.level = "low"

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    @api.model
    def _cron_remind_overdue_reviews(self, today=None):
        """One activity per overdue risk review (until its date moves)."""
        today = today or fields.Date.context_today(self)
        risks = self.search(
            [
                ("state", "=", "open"),
                ("next_review_date", "<", today),
            ]
        ).filtered(
            # Once per review date: a new reminder only after it was moved.
            lambda r: not r.last_reminded_on or r.last_reminded_on <= r.next_review_date
        )
        risks = risks._ops_lock_to_remind()
        # Mark first: whatever happens next, this run owns these risks.
        as_server(risks).write({"last_reminded_on": today})
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.env["mail.activity"]._ops_schedule_batch(
            [
                {
                    "res_model": self._name,
                    "res_id": risk.id,
                    "activity_type_id": todo.id,
                    "summary": self.env._(
                        "Review the risk “%(name)s” (due %(date)s)",
                        name=risk.name,
                        date=risk.next_review_date,
                    ),
                    "user_id": (risk.owner_id or risk.project_id.user_id).id
                    or self.env.user.id,
                    "date_deadline": today,
                }
                for risk in risks
            ],
            self.env._("Risk reviews due"),
        )
        return risks

    def _ops_lock_to_remind(self):
        """Lock the risks this run reminds; a concurrent run skips them and
        the reminder condition is checked again on the locked rows."""
        if not self:
            return self
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM ops_project_risk WHERE id IN %s AND "
                "(last_reminded_on IS NULL OR last_reminded_on <= next_review_date) "
                "FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        locked = {row[0] for row in self.env.cr.fetchall()}
        return self.filtered(lambda r: r.id in locked)
