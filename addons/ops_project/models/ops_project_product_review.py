# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reviews of a value-added product (增值产品管理办法): the product committee
(产品管理委员会) deliberates on the product, and the relevant departments
review its plan and design (产品规划和设计方案评审). Both are decided by their
members as a body through the approval engine: each member votes, the rule of
the tier (majority for the committee, all for the design review) decides."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server


class OpsProjectProductReview(models.Model):
    _name = "ops.project.product.review"
    _description = "Product Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "date desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("approved", "rejected", "cancel"),
        "rejected": ("draft",),
    }
    # What the members voted on: who sits, on what, for which project.
    _ops_frozen_fields = (
        "project_id",
        "kind",
        "member_ids",
        "date",
        "document",
        "user_id",
    )
    # The organiser submits; a member who organises does not vote on it.
    _ops_requester_field = "user_id"
    _ops_department_field = "department_id"
    # What is reviewed, for which project, by whom: filed by the project's
    # lead, its department's manager or an operations manager only, so that
    # nobody convenes a review of somebody else's project.
    _ops_filing_fields = (
        "name",
        "kind",
        "project_id",
        "user_id",
        "date",
        "document",
        "document_name",
    )

    name = fields.Char(string="Review Topic", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("committee", "Product Committee Review"),
            ("design", "Design Review"),
        ],
        required=True,
        default="committee",
        tracking=True,
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("ops_is_operations", "=", True)],
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    department_id = fields.Many2one(
        related="project_id.ops_department_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Organiser",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    member_ids = fields.Many2many(
        "res.users",
        "ops_project_product_review_member_rel",
        "review_id",
        "user_id",
        string="Members",
        help="Senior managers and heads of the relevant departments; each "
        "votes on the review.",
    )
    document = fields.Binary(string="Reviewed Document", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    agenda = fields.Html()
    conclusion = fields.Html(
        help="The review's conclusion (its opinions and the measures agreed)."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.model
    def _get_under_validation_exceptions(self):
        # The conclusion is written while the members deliberate.
        return super()._get_under_validation_exceptions() + ["conclusion"]

    @api.model_create_multi
    def create(self, vals_list):
        Project = self.env["project.project"]
        self._ops_check_filer(
            Project.browse([v["project_id"] for v in vals_list if v.get("project_id")])
        )
        reviews = super().create(vals_list)
        reviews.filtered("member_ids")._ops_check_members_choice()
        return reviews

    def write(self, vals):
        if set(self._ops_filing_fields) & set(vals):
            projects = self.project_id
            if vals.get("project_id"):
                projects |= projects.browse(vals["project_id"])
            self._ops_check_filer(projects)
        if "member_ids" in vals:
            self._ops_check_members_choice()
        if (
            "conclusion" in vals
            and not is_server(self)
            and self.filtered(lambda r: r.state in ("approved", "rejected"))
        ):
            raise UserError(
                self.env._("The review is decided: its conclusion is final.")
            )
        return super().write(vals)

    def _ops_manages_project(self, project):
        """The user is an operations manager reaching the project (their
        departments), or the manager of its department or one above it."""
        user = self.env.user
        if user.has_group("ops_base.group_ops_manager") and project.with_user(
            user
        ).has_access("write"):
            return True
        department = project.sudo().ops_department_id
        while department:
            if department.manager_id.user_id == user:
                return True
            department = department.parent_id
        return False

    def _ops_check_filer(self, projects):
        if is_server(self):
            return True
        for project in projects.sudo():
            if project.user_id == self.env.user or self._ops_manages_project(project):
                continue
            raise AccessError(
                self.env._(
                    "Only the lead of “%(project)s”, the manager of its "
                    "department or an operations manager files its product "
                    "reviews.",
                    project=project.name,
                )
            )
        return True

    def _ops_check_members_choice(self):
        """One friendly member would carry a majority: who sits on a review is
        the operations manager's choice."""
        if is_server(self):
            return True
        user = self.env.user
        for rec in self:
            if not (
                user.has_group("ops_base.group_ops_manager")
                and rec.project_id.has_access("write")
            ):
                raise AccessError(
                    self.env._(
                        "Only an operations manager in charge of “%(project)s” "
                        "names the members of its product reviews.",
                        project=rec.project_id.sudo().name,
                    )
                )
        return True

    def _ops_check_organiser_or_manager(self):
        self.check_access("write")
        if self.env.su or self.env.user.has_group("ops_base.group_ops_manager"):
            return True
        for rec in self:
            if self.env.user != rec.user_id:
                raise AccessError(
                    self.env._(
                        "Only the organiser of “%(name)s” or an operations "
                        "manager can do this.",
                        name=rec.name,
                    )
                )
        return True

    def _ops_check_can_request(self):
        super()._ops_check_can_request()
        self._ops_check_organiser_or_manager()
        for rec in self:
            if not rec.member_ids:
                raise UserError(
                    self.env._(
                        "Name the members of “%(name)s” before submitting it.",
                        name=rec.name,
                    )
                )
            if rec.member_ids & rec.user_id:
                raise UserError(
                    self.env._(
                        "The organiser of “%(name)s” cannot sit among its "
                        "members: they would vote on their own review.",
                        name=rec.name,
                    )
                )
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        for rec in self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "validated"
        ):
            rec.sudo()._ops_set_state("approved")
            rec._ops_notify_project(self.env._("approved"))
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self._ops_lock()
        self.invalidate_recordset(["state", "validation_status"])
        for rec in self.filtered(
            lambda r: r.state == "draft" and r.validation_status == "rejected"
        ):
            # The decided reviews stay (they are the minutes): OCA's guard
            # on writes under validation is lifted by the server only.
            as_server(rec.sudo(), "skip_validation_check")._ops_set_state("rejected")
            rec._ops_notify_project(self.env._("rejected"))
        return res

    def _ops_notify_project(self, outcome):
        kind = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        self.project_id.sudo().message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(kind)s “%(name)s”: %(outcome)s.",
                kind=kind,
                name=self.name,
                outcome=outcome,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_draft(self):
        """A rejected review is reworked and submitted again."""
        todo = self.filtered(lambda r: r.state == "rejected")
        todo._ops_check_organiser_or_manager()
        # The votes are in the chatter (the engine posts each decision).
        as_server(todo.review_ids).unlink()
        todo._ops_set_state("draft")
        return True

    def action_cancel(self):
        todo = self.filtered(lambda r: r.state == "draft")
        todo._ops_check_organiser_or_manager()
        if todo.filtered("review_ids"):
            raise UserError(self.env._("A review under vote cannot be cancelled."))
        todo._ops_set_state("cancel")
        return True
