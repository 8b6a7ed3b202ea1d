# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


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
    roi = fields.Float(string="ROI (%)", aggregator="avg", readonly=True)

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
                       SUM(followers) AS followers
                  FROM ops_marketing_metric
              GROUP BY campaign_id
            ), l AS (
                SELECT campaign_id AS utm_id, COUNT(*) AS lead_count
                  FROM crm_lead
                 WHERE campaign_id IS NOT NULL
              GROUP BY campaign_id
            ), w AS (
                SELECT lead.campaign_id AS utm_id,
                       SUM(lead.expected_revenue) AS won_revenue
                  FROM crm_lead lead
                  JOIN crm_stage stage ON stage.id = lead.stage_id
                 WHERE lead.campaign_id IS NOT NULL
                   AND lead.active AND stage.is_won
              GROUP BY lead.campaign_id
            ), a AS (
                SELECT account_id, -SUM(amount) AS cost
                  FROM account_analytic_line
                 WHERE amount < 0
              GROUP BY account_id
            )
            SELECT c.id AS id,
                   c.id AS campaign_id,
                   c.brand_id, c.department_id, c.user_id, c.company_id,
                   company.currency_id, c.campaign_form, c.state, c.date_start,
                   c.budget,
                   COALESCE(m.impressions, 0) AS impressions,
                   COALESCE(m.clicks, 0) AS clicks,
                   COALESCE(m.conversions, 0) AS conversions,
                   COALESCE(m.followers, 0) AS followers,
                   COALESCE(l.lead_count, 0) AS lead_count,
                   COALESCE(w.won_revenue, 0) AS won_revenue,
                   COALESCE(a.cost, 0) AS cost,
                   CASE WHEN COALESCE(a.cost, 0) = 0 THEN 0
                        ELSE (COALESCE(w.won_revenue, 0) - a.cost) / a.cost * 100
                   END AS roi
              FROM ops_marketing_campaign c
              JOIN res_company company ON company.id = c.company_id
         LEFT JOIN m ON m.campaign_id = c.id
         LEFT JOIN l ON l.utm_id = c.utm_campaign_id
         LEFT JOIN w ON w.utm_id = c.utm_campaign_id
         LEFT JOIN a ON a.account_id = c.analytic_account_id
            )
            """
        )
