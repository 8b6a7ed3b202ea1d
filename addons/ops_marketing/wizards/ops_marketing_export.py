# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OpsMarketingExport(models.TransientModel):
    _name = "ops.marketing.export"
    _description = "Export Campaign Results"

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    brand_ids = fields.Many2many("res.brand", string="Brands")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def _get_campaigns(self):
        self.ensure_one()
        domain = [
            ("date_start", "<=", self.date_to),
            ("date_end", ">=", self.date_from),
            ("state", "!=", "cancel"),
        ]
        if self.brand_ids:
            domain.append(("brand_id", "in", self.brand_ids.ids))
        return self.env["ops.marketing.campaign"].search(domain)

    def action_export(self):
        campaigns = self._get_campaigns()
        if not campaigns:
            raise UserError(self.env._("No campaign ran during this period."))
        return self.env.ref(
            "ops_marketing.action_report_campaign_results_xlsx"
        ).report_action(
            campaigns,
            data={
                "date_from": str(self.date_from),
                "date_to": str(self.date_to),
                "campaign_ids": campaigns.ids,
            },
        )
