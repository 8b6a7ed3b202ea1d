# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class OpsMarketingContent(models.Model):
    """Outgoing publicity (宣传稿件), reviewed by planning & promotion."""

    _name = "ops.marketing.content"
    _description = "Publicity Content"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.tier.validation"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["published"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

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
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    channel_id = fields.Many2one("ops.marketing.channel", tracking=True)
    campaign_id = fields.Many2one("ops.marketing.campaign", index=True)
    brand_id = fields.Many2one("res.brand", index=True)
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

    def action_publish(self):
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
        self.write(
            {"state": "published", "publish_date": fields.Date.context_today(self)}
        )

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_draft(self):
        self.filtered(lambda c: c.state == "cancel").write({"state": "draft"})
