# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import is_server

from .ops_marketing_campaign import check_campaign_readable


class OpsMarketingContent(models.Model):
    """Outgoing publicity (宣传稿件), reviewed by planning & promotion."""

    _name = "ops.marketing.content"
    _description = "Publicity Content"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["draft"]
    _state_to = ["published"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_initial_state = "draft"
    _ops_transitions = {
        "draft": ("published", "cancel"),
        # a published piece is withdrawn by cancelling it
        "published": ("cancel",),
        "cancel": ("draft",),
    }
    # What planning & promotion reviewed. In draft, OCA already refuses edits
    # once reviews exist; published or cancelled, these never change.
    _ops_frozen_fields = (
        "name",
        "content_type",
        "body",
        "attachment_ids",
        "channel_id",
        "campaign_id",
        "brand_id",
        "user_id",
        "department_id",
        "company_id",
    )
    _ops_frozen_states = ("published", "cancel")
    _ops_server_fields = ("publish_date",)

    name = fields.Char(string="Title", required=True, tracking=True)
    content_type = fields.Selection(
        [
            ("press", "Press Release"),
            ("soft", "Soft Article"),
            ("ad", "Advertisement"),
            ("social", "Social Media Post"),
        ],
        string="Type",
        required=True,
        default="press",
        tracking=True,
    )
    body = fields.Html()
    # Not copied as links: a copy gets its own files (see copy), so that the
    # reviewed files of this content cannot change through the copy.
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments", copy=False)
    channel_id = fields.Many2one(
        "ops.marketing.channel", tracking=True, check_company=True
    )
    campaign_id = fields.Many2one(
        "ops.marketing.campaign", index=True, check_company=True
    )
    brand_id = fields.Many2one("res.brand", index=True, check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        default=lambda self: self.env.user.employee_id.department_id,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    publish_date = fields.Date(readonly=True, copy=False)
    published_url = fields.Char(string="Published URL")

    @api.model_create_multi
    def create(self, vals_list):
        contents = super().create(vals_list)
        check_campaign_readable(contents)
        contents._ops_adopt_attachments()
        return contents

    def write(self, vals):
        if not is_server(self):
            if "user_id" in vals and any(c.user_id.id != vals["user_id"] for c in self):
                # A colleague cannot take over a draft to act on it.
                self._ops_check_publisher()
        res = super().write(vals)
        if "campaign_id" in vals:
            check_campaign_readable(self)
        if "attachment_ids" in vals:
            self._ops_adopt_attachments()
        return res

    def copy(self, default=None):
        new = super().copy(default)
        if not (default or {}).get("attachment_ids"):
            for old, content in zip(self, new, strict=True):
                if old.attachment_ids:
                    files = old.attachment_ids.sudo().copy(
                        {"res_model": self._name, "res_id": content.id}
                    )
                    content.sudo().attachment_ids = [Command.set(files.ids)]
        return new

    def _ops_adopt_attachments(self):
        """Attach the files to their content (res_model/res_id): their access
        then follows the content, and ir.attachment knows what they belong
        to. Only files the user may read and that belong to no other record."""
        for content in self:
            files = content.attachment_ids.filtered(
                lambda a, c=content: not a.res_model
                or (a.res_model == c._name and not a.res_id)
            )
            if not files:
                continue
            if not is_server(self):
                files.check_access("read")
            files.sudo().write({"res_model": self._name, "res_id": content.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        # What was released stays on record; withdraw it by cancelling.
        if any(c.state == "published" for c in self):
            raise UserError(
                self.env._("Published content cannot be deleted; cancel it instead.")
            )

    def _ops_check_publisher(self, author=True):
        """Planning & promotion and operations managers act on any content;
        the author on their own when ``author``."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group("ops_marketing.group_ops_marketing_reviewer")
            or user.has_group("ops_base.group_ops_manager")
        ):
            return True
        if author and all(content.user_id == user for content in self):
            return True
        raise AccessError(
            self.env._(
                "Only the author, planning & promotion or an operations manager "
                "may do this with “%(name)s”.",
                name=self[:1].display_name,
            )
        )

    def action_publish(self):
        self._ops_check_publisher()
        for content in self:
            if content.state != "draft":
                raise UserError(self.env._("Only a draft can be published."))
            if content.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(name)s” has not been approved by planning & promotion; "
                        "it cannot be published.",
                        name=content.display_name,
                    )
                )
        return self._ops_set_state(
            "published", {"publish_date": fields.Date.context_today(self)}
        )

    def action_cancel(self):
        # Withdrawing what is already public is planning & promotion's call.
        self._ops_check_publisher(author=not any(c.state == "published" for c in self))
        return self._ops_set_state("cancel")

    def action_draft(self):
        self._ops_check_publisher()
        return self.filtered(lambda c: c.state == "cancel")._ops_set_state("draft")
