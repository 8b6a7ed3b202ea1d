# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server

# Who may decide and file: legal and executives (besides the project's
# manager, who decides too).
LEGAL_GROUPS = ("ops_project.group_ops_legal", "ops_base.group_ops_executive")


class OpsProjectInvention(models.Model):
    """An invention made during a project (发明登记): searched again, then
    decided as a patent application or kept as a trade secret (商业秘密).

    Confidential until filed: only the project's manager, legal and the
    executives read it (record rules); once the application is filed, the
    operations staff may read it too.
    """

    _name = "ops.project.invention"
    _description = "Invention Register"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "id desc"

    _ops_server_fields = (
        "state",
        "decision",
        "decided_by_id",
        "decided_on",
        "filed_on",
    )

    name = fields.Char(string="Invention", required=True, tracking=True)
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    # A project may have no company: the invention always has one, so that
    # the multi-company rule never lets it out of its company.
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    project_manager_id = fields.Many2one(
        related="project_id.user_id", string="Project Manager", store=True
    )
    inventor_ids = fields.Many2many(
        "res.users", string="Inventors", domain=[("share", "=", False)]
    )
    recorded_on = fields.Date(default=fields.Date.context_today, required=True)
    description = fields.Html()
    search_document = fields.Binary(
        string="Patent Search Report", attachment=True, copy=False
    )
    search_document_name = fields.Char(copy=False)
    search_conclusion = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "To Decide"),
            ("patent", "Patent Application"),
            ("filed", "Filed"),
            ("secret", "Trade Secret"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    decision = fields.Selection(
        selection=[("patent", "Apply for a Patent"), ("trade_secret", "Trade Secret")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_on = fields.Date(readonly=True, copy=False)
    application_number = fields.Char(tracking=True, copy=False)
    filed_on = fields.Date(readonly=True, copy=False)
    is_confidential = fields.Boolean(compute="_compute_is_confidential")

    def _compute_is_confidential(self):
        for rec in self:
            rec.is_confidential = rec.state != "filed"

    def _ops_check_decider(self, legal_only=False):
        if self.env.su or any(self.env.user.has_group(g) for g in LEGAL_GROUPS):
            return True
        for rec in self:
            if legal_only or rec.project_id.sudo().user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the project's manager, legal or an executive can "
                        "decide on the invention “%(name)s”; only legal or an "
                        "executive files it.",
                        name=rec.name,
                    )
                )
        return True

    def _ops_decide(self, decision, state):
        self._ops_check_decider()
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("“%(name)s” is already decided.", name=rec.name)
                )
            if not rec.search_document or not (rec.search_conclusion or "").strip():
                raise UserError(
                    self.env._(
                        "Search the patents again for “%(name)s” (report and "
                        "conclusion) before deciding.",
                        name=rec.name,
                    )
                )
        as_server(self).write(
            {
                "decision": decision,
                "state": state,
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Date.context_today(self),
            }
        )
        return True

    def action_decide_patent(self):
        return self._ops_decide("patent", "patent")

    def action_decide_trade_secret(self):
        return self._ops_decide("trade_secret", "secret")

    def action_file(self):
        """Legal files the application: the invention is no longer secret."""
        self._ops_check_decider(legal_only=True)
        self.check_access("write")
        for rec in self:
            if rec.state != "patent":
                raise UserError(
                    self.env._(
                        "Only an invention decided as a patent application can "
                        "be filed."
                    )
                )
            if not rec.application_number:
                raise UserError(
                    self.env._(
                        "Enter the application number of “%(name)s” before "
                        "marking it filed.",
                        name=rec.name,
                    )
                )
        as_server(self).write(
            {"state": "filed", "filed_on": fields.Date.context_today(self)}
        )
        return True

    def write(self, vals):
        # What was decided and filed stays as it was.
        if "application_number" in vals and any(r.state == "filed" for r in self):
            raise UserError(self.env._("A filed application number cannot change."))
        return super().write(vals)
