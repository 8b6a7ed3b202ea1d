# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import api, models

# Where a results indicator can read its value. Each source is read only
# when the application that holds the data is installed.
SOURCES = [
    ("manual", "Scored by the Manager"),
    ("crm_won_revenue", "Won Revenue (CRM)"),
    ("rating_satisfaction", "Customer Satisfaction (Ratings)"),
    ("sla_compliance", "SLA Compliance (Service)"),
    ("campaign_roi", "Campaign ROI (Marketing)"),
    ("demand_evaluation", "Demand Evaluations (Projects)"),
]
# Sources measured as a percentage: the value is the score.
PERCENT_SOURCES = ("rating_satisfaction", "sla_compliance", "demand_evaluation")
# Rating values from which a customer counts as satisfied (Odoo's own
# threshold for the "satisfied" smiley).
SATISFIED_RATING = 4


class OpsAppraisalIndicatorSource(models.AbstractModel):
    """Reads a results indicator from the suite's data for an employee and a
    period: ``(value, note)`` where the note names the source and what was
    counted, shown to the appraiser beside the score."""

    _name = "ops.appraisal.indicator.source"
    _description = "Appraisal: indicator values from the suite's data"

    @api.model
    def _ops_period_bounds(self, date_from, date_to):
        return (
            datetime.combine(date_from, time.min),
            datetime.combine(date_to, time.max),
        )

    @api.model
    def _ops_read(self, source, employee, date_from, date_to):
        """``(value, note)``, or ``(None, note)`` when there is no data."""
        method = getattr(self, f"_ops_read_{source}", None)
        if not method:
            return None, self.env._("Scored by the manager.")
        return method(employee.sudo(), date_from, date_to)

    def _ops_missing(self, app):
        return None, self.env._(
            "%(app)s is not installed: score this indicator by hand.", app=app
        )

    @api.model
    def _ops_read_crm_won_revenue(self, employee, date_from, date_to):
        if "crm.lead" not in self.env:
            return self._ops_missing("CRM")
        start, end = self._ops_period_bounds(date_from, date_to)
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search(
                [
                    ("user_id", "=", employee.user_id.id or 0),
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", start),
                    ("date_closed", "<=", end),
                ]
            )
        )
        value = sum(leads.mapped("expected_revenue"))
        return value, self.env._(
            "CRM: %(count)s won opportunities of %(user)s closed from %(start)s "
            "to %(end)s, %(value)s in total.",
            count=len(leads),
            user=employee.user_id.name or employee.name,
            start=date_from,
            end=date_to,
            value=round(value, 2),
        )

    @api.model
    def _ops_read_rating_satisfaction(self, employee, date_from, date_to):
        start, end = self._ops_period_bounds(date_from, date_to)
        ratings = (
            self.env["rating.rating"]
            .sudo()
            .search(
                [
                    ("rated_partner_id", "=", employee.user_id.partner_id.id or 0),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                    ("create_date", ">=", start),
                    ("create_date", "<=", end),
                ]
            )
        )
        if not ratings:
            return None, self.env._("Ratings: no customer rating in the period.")
        satisfied = ratings.filtered(lambda r: r.rating >= SATISFIED_RATING)
        value = 100.0 * len(satisfied) / len(ratings)
        return value, self.env._(
            "Ratings: %(satisfied)s satisfied of %(count)s customer ratings "
            "(%(value)s%%).",
            satisfied=len(satisfied),
            count=len(ratings),
            value=round(value, 2),
        )

    @api.model
    def _ops_read_sla_compliance(self, employee, date_from, date_to):
        Ticket = self.env.get("helpdesk.ticket")
        if Ticket is None or "sla_compliance" not in Ticket._fields:
            return self._ops_missing(self.env._("Customer service"))
        start, end = self._ops_period_bounds(date_from, date_to)
        tickets = Ticket.sudo().search(
            [
                ("user_id", "=", employee.user_id.id or 0),
                ("closed_date", ">=", start),
                ("closed_date", "<=", end),
            ]
        )
        if not tickets:
            return None, self.env._("Service: no ticket closed in the period.")
        value = sum(tickets.mapped("sla_compliance")) / len(tickets)
        return value, self.env._(
            "Service: %(count)s tickets closed, %(value)s%% within their SLA.",
            count=len(tickets),
            value=round(value, 2),
        )

    @api.model
    def _ops_read_campaign_roi(self, employee, date_from, date_to):
        Campaign = self.env.get("ops.marketing.campaign")
        if Campaign is None:
            return self._ops_missing(self.env._("Marketing"))
        campaigns = Campaign.sudo().search(
            [
                ("user_id", "=", employee.user_id.id or 0),
                ("state", "in", ("ended", "evaluated")),
                ("date_end", ">=", date_from),
                ("date_end", "<=", date_to),
            ]
        )
        if not campaigns:
            return None, self.env._("Marketing: no campaign ended in the period.")
        value = sum(campaigns.mapped("roi")) / len(campaigns)
        return value, self.env._(
            "Marketing: average ROI of %(count)s campaigns ended in the period: "
            "%(value)s%%.",
            count=len(campaigns),
            value=round(value, 2),
        )

    @api.model
    def _ops_read_demand_evaluation(self, employee, date_from, date_to):
        # ops_project (which does not depend on appraisals, nor they on it)
        # gives the figures of the demands an employee completed.
        Demand = self.env.get("ops.demand")
        if Demand is None:
            return self._ops_missing(self.env._("Operations projects"))
        user = employee.user_id
        figures = Demand._ops_appraisal_figures(user, date_from, date_to).get(
            user.id, {}
        )
        if not figures.get("evaluated"):
            return None, self.env._(
                "Projects: no demand of theirs evaluated in the period."
            )
        # The requesters' 1-5 scores, as a percentage.
        value = figures["score_avg"] * 20.0
        return value, self.env._(
            "Projects: %(done)s demands done, %(count)s evaluated by their "
            "requesters, average score %(score)s of 5 (%(value)s%%).",
            done=figures["done"],
            count=figures["evaluated"],
            score=figures["score_avg"],
            value=round(value, 2),
        )

    @api.model
    def _ops_score(self, source, value, target):
        """The 1-100 score of a value: percentages as they are, amounts
        against the indicator's target."""
        if value is None:
            return 0.0
        if source in PERCENT_SOURCES:
            score = value
        elif target > 0:
            score = 100.0 * value / target
        else:
            return 0.0
        return round(max(1.0, min(100.0, score)), 2)
