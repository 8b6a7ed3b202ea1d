# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CampaignResultsXlsx(models.AbstractModel):
    _name = "report.ops_marketing.campaign_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Campaign Results XLSX"

    def _ops_columns(self):
        return [
            ("name", self.env._("Campaign"), 30),
            ("brand", self.env._("Brand"), 18),
            ("state", self.env._("Status"), 12),
            ("date_start", self.env._("Start Date"), 12),
            ("date_end", self.env._("End Date"), 12),
            ("budget", self.env._("Budget"), 14),
            ("impressions", self.env._("Impressions"), 14),
            ("clicks", self.env._("Clicks"), 10),
            ("ctr", self.env._("CTR (%)"), 10),
            ("conversions", self.env._("Conversions"), 12),
            ("conversion_rate", self.env._("Conversion Rate (%)"), 14),
            ("followers", self.env._("Follower Growth"), 12),
            ("lead_count", self.env._("Leads"), 8),
            ("won_revenue", self.env._("Won Revenue"), 14),
            ("cost", self.env._("Actual Cost"), 14),
            ("roi", self.env._("ROI (%)"), 10),
        ]

    def _get_objs_for_report(self, docids, data):
        # The export wizard passes the campaigns of the period in ``data``.
        if data and data.get("campaign_ids"):
            return self.env["ops.marketing.campaign"].browse(data["campaign_ids"])
        if docids:
            return self.env["ops.marketing.campaign"].browse(docids)
        return super()._get_objs_for_report(docids, data)

    def generate_xlsx_report(self, workbook, data, objs):
        campaigns = objs.sorted(lambda c: (c.date_start, c.id))
        sheet = workbook.add_worksheet(self.env._("Campaign Results"))
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "#,##0.00"})
        columns = self._ops_columns()
        row = 0
        if data and data.get("date_from"):
            sheet.write(
                row,
                0,
                self.env._(
                    "Campaign results from %(start)s to %(end)s",
                    start=data["date_from"],
                    end=data["date_to"],
                ),
                bold,
            )
            row += 2
        for col, (_key, label, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(row, col, label, bold)
        # Evaluated campaigns with the results recorded at their evaluation.
        kpis = campaigns._ops_result_values()
        states = dict(campaigns._fields["state"]._description_selection(self.env))
        for campaign in campaigns:
            row += 1
            values = dict(
                kpis[campaign.id],
                name=campaign.name,
                brand=campaign.brand_id.name,
                state=states.get(campaign.state),
                date_start=str(campaign.date_start),
                date_end=str(campaign.date_end),
                budget=campaign.budget,
            )
            for col, (key, _label, _width) in enumerate(columns):
                value = values[key]
                if isinstance(value, float):
                    sheet.write_number(row, col, value, number)
                else:
                    sheet.write(row, col, value)
