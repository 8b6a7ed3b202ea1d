# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from ..models.ops_marketing_campaign import safe_ratio


class OpsMarketingCampaignReport(models.Model):
    """Campaign results for pivots and graphs, computed in one SQL view."""

    _name = "ops.marketing.campaign.report"
    _description = "Campaign Results Analysis"
    _auto = False
    _order = "date_start desc"

    campaign_id = fields.Many2one("ops.marketing.campaign", readonly=True)
    brand_id = fields.Many2one("res.brand", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    user_id = fields.Many2one("res.users", string="Owner", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    campaign_form = fields.Selection(
        [
            ("online", "Online"),
            ("offline", "Offline"),
            ("mixed", "Online and Offline"),
            ("launch", "New Product Launch"),
        ],
        string="Form",
        readonly=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approval", "Approval"),
            ("running", "Running"),
            ("ended", "Ended"),
            ("evaluated", "Evaluated"),
            ("cancel", "Cancelled"),
        ],
        readonly=True,
    )
    date_start = fields.Date(string="Start Date", readonly=True)
    budget = fields.Monetary(readonly=True)
    impressions = fields.Integer(readonly=True)
    clicks = fields.Integer(readonly=True)
    conversions = fields.Integer(readonly=True)
    followers = fields.Integer(string="Follower Growth", readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    won_revenue = fields.Monetary(readonly=True)
    cost = fields.Monetary(string="Actual Cost", readonly=True)
    # Grouped ROI is recomputed from the summed revenue and cost in
    # read_group: an average of ratios would be wrong.
    roi = fields.Float(string="ROI (%)", aggregator="sum", readonly=True)

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        if not any(spec.split(":")[0] == "roi" for spec in fields):
            return super().read_group(
                domain,
                fields,
                groupby,
                offset=offset,
                limit=limit,
                orderby=orderby,
                lazy=lazy,
            )
        extra = ["ops_roi_revenue:sum(won_revenue)", "ops_roi_cost:sum(cost)"]
        groups = super().read_group(
            domain,
            list(fields) + extra,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        for group in groups:
            revenue = group.pop("ops_roi_revenue", 0.0) or 0.0
            cost = group.pop("ops_roi_cost", 0.0) or 0.0
            group["roi"] = safe_ratio(revenue - cost, cost)
        return groups

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
            WITH m AS (
                SELECT campaign_id,
                       SUM(impressions) AS impressions,
                       SUM(clicks) AS clicks,
                       SUM(conversions) AS conversions,
                       SUM(followers) AS followers,
                       SUM(cost) AS reported_spend
                  FROM ops_marketing_metric
              GROUP BY campaign_id
            ), l AS (
                SELECT camp.id AS campaign_id, COUNT(*) AS lead_count
                  FROM ops_marketing_campaign camp
                  JOIN crm_lead lead ON lead.campaign_id = camp.utm_campaign_id
                   AND (lead.company_id IS NULL
                        OR lead.company_id = camp.company_id)
              GROUP BY camp.id
            ), w AS (
                SELECT camp.id AS campaign_id,
                       SUM(lead.expected_revenue) AS won_revenue
                  FROM ops_marketing_campaign camp
                  JOIN crm_lead lead ON lead.campaign_id = camp.utm_campaign_id
                   AND (lead.company_id IS NULL
                        OR lead.company_id = camp.company_id)
                  JOIN crm_stage stage ON stage.id = lead.stage_id
                 WHERE lead.active AND stage.is_won
              GROUP BY camp.id
            ), a AS (
                SELECT account_id, company_id, -SUM(amount) AS cost
                  FROM account_analytic_line
                 WHERE amount < 0
              GROUP BY account_id, company_id
            )
            SELECT c.id AS id,
                   c.id AS campaign_id,
                   c.brand_id, c.department_id, c.user_id, c.company_id,
                   company.currency_id, c.campaign_form, c.state, c.date_start,
                   c.budget,
                   -- An evaluated campaign shows the results recorded when
                   -- its evaluation closed, like its form: later leads, costs
                   -- or metrics do not rewrite them.
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_impressions, 0)
                        ELSE COALESCE(m.impressions, 0) END AS impressions,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_clicks, 0)
                        ELSE COALESCE(m.clicks, 0) END AS clicks,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_conversions, 0)
                        ELSE COALESCE(m.conversions, 0) END AS conversions,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_followers, 0)
                        ELSE COALESCE(m.followers, 0) END AS followers,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_lead_count, 0)
                        ELSE COALESCE(l.lead_count, 0) END AS lead_count,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_won_revenue, 0)
                        ELSE COALESCE(w.won_revenue, 0) END AS won_revenue,
                   -- Actual cost: the analytic costs when there are any,
                   -- otherwise the spend reported in the daily metrics.
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_cost, 0)
                        ELSE COALESCE(NULLIF(a.cost, 0), m.reported_spend, 0)
                   END AS cost,
                   CASE WHEN c.state = 'evaluated' THEN COALESCE(c.eval_roi, 0)
                        WHEN COALESCE(NULLIF(a.cost, 0), m.reported_spend, 0) = 0
                        THEN 0
                        ELSE (COALESCE(w.won_revenue, 0)
                              - COALESCE(NULLIF(a.cost, 0), m.reported_spend))
                             / COALESCE(NULLIF(a.cost, 0), m.reported_spend) * 100
                   END AS roi
              FROM ops_marketing_campaign c
              JOIN res_company company ON company.id = c.company_id
         LEFT JOIN m ON m.campaign_id = c.id
         LEFT JOIN l ON l.campaign_id = c.id
         LEFT JOIN w ON w.campaign_id = c.id
         LEFT JOIN a ON a.account_id = c.analytic_account_id
                    AND a.company_id = c.company_id
            )
            """
        )
