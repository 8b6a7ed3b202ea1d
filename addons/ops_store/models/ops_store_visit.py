# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class OpsStoreVisit(models.Model):
    """A store visit: a supervision visit (督导) scored on a checklist, or a
    merchandising specialist's weekly visit with its report (巡店反馈)."""

    _name = "ops.store.visit"
    _description = "Store Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _ops_server_fields = ("state", "score", "done_date")

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [
            ("supervision", "Supervision Visit"),
            ("merchandising", "Merchandising Visit"),
        ],
        required=True,
        default="supervision",
        tracking=True,
    )
    store_id = fields.Many2one(
        "ops.store", required=True, index=True, check_company=True, tracking=True
    )
    region_id = fields.Many2one(related="store_id.region_id", store=True)
    company_id = fields.Many2one(related="store_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Visitor",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    checklist_id = fields.Many2one("ops.store.checklist", check_company=True)
    line_ids = fields.One2many("ops.store.visit.line", "visit_id", string="Checks")
    score = fields.Float(
        string="Score (%)",
        readonly=True,
        aggregator="avg",
        help="Points obtained over the checklist's maximum, in percent.",
    )
    report = fields.Html(string="Visit Report")
    finding_ids = fields.One2many("ops.store.finding", "visit_id", string="Findings")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        readonly=True,
        tracking=True,
    )
    done_date = fields.Datetime(readonly=True)

    @api.depends("store_id", "date", "kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for visit in self:
            parts = (labels.get(visit.kind, ""), visit.store_id.name, visit.date)
            visit.name = " ".join(str(p) for p in parts if p)

    @api.onchange("checklist_id")
    def _onchange_checklist_id(self):
        if self.checklist_id and not self.line_ids:
            self.line_ids = [
                fields.Command.create(
                    {"item_id": item.id, "name": item.name, "max_score": item.max_score}
                )
                for item in self.checklist_id.item_ids
            ]

    def write(self, vals):
        self._ops_check_server_fields(vals)
        if (
            self.filtered(lambda v: v.state == "done")
            and not self.env.su
            and set(vals) - {"message_main_attachment_id", "activity_ids"}
        ):
            raise UserError(self.env._("A finished visit can no longer be changed."))
        return super().write(vals)

    def _ops_check_draft(self):
        if not self.env.su and self.filtered(lambda v: v.state == "done"):
            raise UserError(self.env._("A finished visit can no longer be changed."))
        return True

    def action_load_checklist(self):
        for visit in self:
            if visit.state != "draft":
                continue
            visit.line_ids = [fields.Command.clear()] + [
                fields.Command.create(
                    {"item_id": item.id, "name": item.name, "max_score": item.max_score}
                )
                for item in visit.checklist_id.item_ids
            ]
        return True

    def action_done(self):
        """The visitor closes the visit: score computed, report required for a
        merchandising visit, the week's visit duty fulfilled."""
        for visit in self:
            if visit.user_id != self.env.user and not self.env.user.has_group(
                "ops_store.group_ops_store_manager"
            ):
                raise AccessError(
                    self.env._(
                        "Only the visitor closes the visit “%(visit)s”.",
                        visit=visit.name,
                    )
                )
            if visit.state != "draft":
                raise UserError(
                    self.env._(
                        "The visit “%(visit)s” is already done.", visit=visit.name
                    )
                )
            if visit.kind == "merchandising" and not visit.report:
                raise UserError(
                    self.env._("Write the visit report before closing the visit.")
                )
            if visit.kind == "supervision" and not visit.line_ids:
                raise UserError(
                    self.env._(
                        "Score the checklist before closing the supervision visit."
                    )
                )
        for visit in self:
            total = sum(visit.line_ids.mapped("max_score"))
            points = sum(visit.line_ids.mapped("score"))
            visit.sudo().write(
                {
                    "state": "done",
                    "done_date": fields.Datetime.now(),
                    "score": round(100.0 * points / total, 1) if total else 0.0,
                }
            )
        self.env["ops.store.duty"]._ops_fulfil_visits(self)
        return True


class OpsStoreVisitLine(models.Model):
    _name = "ops.store.visit.line"
    _description = "Store Visit Check"
    _order = "visit_id, id"

    visit_id = fields.Many2one(
        "ops.store.visit", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("ops.store.checklist.item", string="Check Item")
    name = fields.Char(string="Check", required=True)
    max_score = fields.Float(required=True, default=10.0)
    score = fields.Float()
    note = fields.Char()

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if line.score < 0 or line.score > line.max_score:
                raise ValidationError(
                    self.env._(
                        "The score of “%(check)s” must be between 0 and %(max)s.",
                        check=line.name,
                        max=line.max_score,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.visit_id._ops_check_draft()
        return lines

    def write(self, vals):
        self.visit_id._ops_check_draft()
        return super().write(vals)

    def unlink(self):
        self.visit_id._ops_check_draft()
        return super().unlink()
