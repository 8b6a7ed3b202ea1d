# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ResBrand(models.Model):
    """Brand positioning (品牌定位) and visual identity on OCA's brand."""

    _inherit = "res.brand"

    ops_core_value = fields.Text(string="Core Value")
    ops_slogan = fields.Char(string="Slogan", translate=True)
    ops_target_market = fields.Text(string="Target Market")
    ops_consumer_segments = fields.Text(string="Consumer Segments")
    ops_primary_color = fields.Char(
        string="Primary Standard Colour", help="Hexadecimal, e.g. #1F6FB2"
    )
    ops_secondary_color = fields.Char(
        string="Secondary Standard Colour", help="Hexadecimal, e.g. #F5A623"
    )
    ops_standard_fonts = fields.Char(
        string="Standard Fonts", help="Typefaces of the brand (标准字)"
    )
    ops_guideline_file = fields.Binary(string="Brand Guideline", attachment=True)
    ops_guideline_filename = fields.Char(string="Guideline File Name")
    ops_maintenance_plan = fields.Html(string="Maintenance Plan")
    ops_department_id = fields.Many2one(
        "hr.department",
        string="Marketing Department",
        help="Department in charge of the brand; its members see its campaigns.",
    )
    ops_team_user_ids = fields.Many2many(
        "res.users",
        "ops_brand_team_user_rel",
        "brand_id",
        "user_id",
        string="Brand Team",
        help="Marketing users who see every campaign of this brand.",
    )
    # Operations data: neither read nor computed for users outside operations.
    ops_plan_ids = fields.One2many(
        "ops.brand.plan",
        "brand_id",
        string="Brand Plans",
        groups="ops_base.group_ops_user",
    )
    ops_campaign_count = fields.Integer(
        string="Campaign Count",
        compute="_compute_ops_campaign_count",
        groups="ops_base.group_ops_user",
    )

    @api.constrains("ops_primary_color", "ops_secondary_color")
    def _check_ops_colors(self):
        for brand in self:
            for color in (brand.ops_primary_color, brand.ops_secondary_color):
                if color and not HEX_COLOR.match(color):
                    raise ValidationError(
                        self.env._(
                            "“%(color)s” is not a hexadecimal colour such as "
                            "#1F6FB2.",
                            color=color,
                        )
                    )

    def _compute_ops_campaign_count(self):
        groups = self.env["ops.marketing.campaign"]._read_group(
            [("brand_id", "in", self.ids)], ["brand_id"], ["__count"]
        )
        counts = {brand.id: count for brand, count in groups}
        for brand in self:
            brand.ops_campaign_count = counts.get(brand.id, 0)

    def action_ops_view_campaigns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_marketing.ops_marketing_campaign_action"
        )
        action["domain"] = [("brand_id", "=", self.id)]
        action["context"] = {"default_brand_id": self.id}
        return action
