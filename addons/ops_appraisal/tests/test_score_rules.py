# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestAccountabilityPoints(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()
        cls.company = cls.env.company

    def _points(self, employee, points, when=date(2025, 2, 1)):
        return (
            self.env["ops.accountability"]
            .with_user(self.hr_user)
            .create(
                {
                    "name": "Complaint closed",
                    "employee_id": employee.id,
                    "date": when,
                    "decision": "penalty" if points < 0 else "reward",
                    "points": points,
                }
            )
        )

    def test_bonus_malus_with_bounds(self):
        self.company.write(
            {
                "ops_appraisal_points_rule": "bonus",
                "ops_appraisal_points_factor": 1.0,
                "ops_appraisal_points_max_malus": 5.0,
            }
        )
        appraisal = self._appraisal(self.cycle, self.emp_b)
        self._points(self.emp_b, -3)
        # Outside the period: not counted.
        self._points(self.emp_b, -10, when=date(2025, 5, 1))
        self.assertEqual(appraisal.ops_points, -3)
        self._publish(appraisal, [80] * 9)
        self.assertAlmostEqual(appraisal.ops_base_score, 80.0)
        self.assertAlmostEqual(appraisal.ops_points_adjustment, -3.0)
        self.assertAlmostEqual(appraisal.ops_total_score, 77.0)
        # 80 would be B; the points take it to C.
        self.assertEqual(appraisal.ops_grade_id.code, "C")
        # Published: a later penalty of the period changes nothing.
        self._points(self.emp_b, -2)
        self.assertAlmostEqual(appraisal.ops_total_score, 77.0)

    def test_malus_bounded(self):
        self.company.write(
            {
                "ops_appraisal_points_rule": "bonus",
                "ops_appraisal_points_max_malus": 5.0,
            }
        )
        appraisal = self._appraisal(self.cycle, self.emp_c)
        self._points(self.emp_c, -12)
        self._publish(appraisal, [80] * 9)
        self.assertAlmostEqual(appraisal.ops_points_adjustment, -5.0)
        self.assertAlmostEqual(appraisal.ops_total_score, 75.0)

    def test_points_on_the_indicators_of_a_dimension(self):
        self.company.write(
            {
                "ops_appraisal_points_rule": "indicator",
                "ops_appraisal_points_dimension": "attitude",
                "ops_appraisal_points_factor": 2.0,
            }
        )
        appraisal = self._appraisal(self.cycle, self.emp_a)
        self._points(self.emp_a, 4)
        self._publish(appraisal, [80] * 9)
        # Marketing template: attitude weighs 8 + 6 + 6 = 20; each attitude
        # score moves by 4 × 2 = 8 points: (80·80 + 20·88) / 100 = 81.6.
        self.assertAlmostEqual(appraisal.ops_total_score, 81.6)
        self.assertAlmostEqual(appraisal.ops_points_adjustment, 1.6)

    def test_rule_none_and_points_not_forged(self):
        self.company.ops_appraisal_points_rule = "none"
        appraisal = self._appraisal(self.cycle, self.emp_b)
        self._points(self.emp_b, -3)
        self._publish(appraisal, [80] * 9)
        self.assertAlmostEqual(appraisal.ops_total_score, 80.0)
        other = self._appraisal(self.cycle, self.emp_c)
        for user in (self.head_user, self.hr_user, self.c_user):
            with self.assertRaises(AccessError):
                other.with_user(user).with_context(ops_server=True).write(
                    {"ops_points": 50}
                )


@tagged("post_install", "-at_install")
class TestIndicatorSources(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = (
            cls.env["ops.appraisal.template"]
            .with_user(cls.hr_user)
            .create(
                {
                    "name": "Customer operations (data)",
                    "sequence": 1,
                    "job_ids": [(6, 0, cls.job_customer.ids)],
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "sequence": 10,
                                "name": "Satisfaction",
                                "weight": 40,
                                "source": "rating_satisfaction",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "sequence": 20,
                                "name": "Won revenue",
                                "weight": 30,
                                "source": "crm_won_revenue",
                                "target": 100000,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "sequence": 30,
                                "name": "Team spirit",
                                "dimension": "attitude",
                                "weight": 30,
                            },
                        ),
                    ],
                }
            )
        )
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()
        # Fixture: five customer ratings of B in the period (5, 4, 4, 2, 1)
        # and one outside it; three satisfied (>= 4) of five = 60%.
        partner_model = cls.env["ir.model"]._get_id("res.partner")
        Rating = cls.env["rating.rating"]
        in_period = Rating
        for value in (5, 4, 4, 2, 1):
            in_period |= Rating.create(
                {
                    "res_model_id": partner_model,
                    "res_id": cls.b_user.partner_id.id,
                    "rated_partner_id": cls.b_user.partner_id.id,
                    "rating": value,
                    "consumed": True,
                }
            )
        outside = Rating.create(
            {
                "res_model_id": partner_model,
                "res_id": cls.b_user.partner_id.id,
                "rated_partner_id": cls.b_user.partner_id.id,
                "rating": 1,
                "consumed": True,
            }
        )
        cls.env.cr.execute(
            "UPDATE rating_rating SET create_date = %s WHERE id IN %s",
            (datetime(2025, 2, 10, 10, 0), tuple(in_period.ids)),
        )
        cls.env.cr.execute(
            "UPDATE rating_rating SET create_date = %s WHERE id = %s",
            (datetime(2025, 6, 10, 10, 0), outside.id),
        )
        # Two won opportunities of B in the period (30 000 + 15 000) and one
        # lost: 45 000 of a 100 000 target = 45.
        Lead = cls.env["crm.lead"]
        won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        leads = Lead
        for revenue in (30000, 15000):
            leads |= Lead.create(
                {
                    "name": f"Deal {revenue}",
                    "user_id": cls.b_user.id,
                    "expected_revenue": revenue,
                    "stage_id": won_stage.id,
                }
            )
        Lead.create(
            {"name": "Lost", "user_id": cls.b_user.id, "expected_revenue": 99999}
        )
        cls.env.cr.execute(
            "UPDATE crm_lead SET date_closed = %s WHERE id IN %s",
            (datetime(2025, 3, 1, 9, 0), tuple(leads.ids)),
        )
        cls.env.invalidate_all()

    def _to_manager(self):
        appraisal = self._appraisal(self.cycle, self.emp_b)
        self._score(appraisal, [70, 70, 70], "self_score", self.b_user)
        appraisal.with_user(self.b_user).action_ops_submit_self_assessment()
        return appraisal

    def test_auto_filled_equals_the_fixture(self):
        appraisal = self._appraisal(self.cycle, self.emp_b)
        self.assertEqual(appraisal.ops_template_id, self.template)
        self.assertEqual(
            appraisal.ops_line_ids.mapped("source"),
            ["rating_satisfaction", "crm_won_revenue", "manual"],
        )
        appraisal = self._to_manager()
        # Only the appraisers read the data.
        with self.assertRaises(AccessError):
            appraisal.with_user(self.other_head_user).action_ops_read_indicators()
        appraisal.with_user(self.head_user).action_ops_read_indicators()
        satisfaction, revenue, team = appraisal.ops_line_ids
        self.assertAlmostEqual(satisfaction.source_value, 60.0)
        self.assertAlmostEqual(satisfaction.manager_score, 60.0)
        self.assertIn("3", satisfaction.source_note)
        self.assertAlmostEqual(revenue.source_value, 45000.0)
        self.assertAlmostEqual(revenue.manager_score, 45.0)
        self.assertFalse(team.manager_score)
        self.assertIn("CRM", revenue.source_note)

    def test_override_needs_a_reason(self):
        appraisal = self._to_manager()
        appraisal.with_user(self.head_user).action_ops_read_indicators()
        satisfaction = appraisal.ops_line_ids[0].with_user(self.head_user)
        with self.assertRaises(UserError):
            satisfaction.write({"manager_score": 75})
        satisfaction.write(
            {"manager_score": 75, "override_reason": "Two ratings were for a colleague"}
        )
        self.assertEqual(satisfaction.manager_score, 75)
        self.assertTrue(satisfaction.is_overridden)
        # Reading again keeps the manager's justified score.
        appraisal.with_user(self.head_user).action_ops_read_indicators()
        self.assertEqual(satisfaction.manager_score, 75)
        # Nobody writes the data's value by hand.
        for user in (self.head_user, self.hr_user, self.b_user):
            with self.assertRaises(UserError):
                appraisal.ops_line_ids[0].with_user(user).write({"source_score": 99})

    def test_score_of_a_value_and_missing_apps(self):
        Source = self.env["ops.appraisal.indicator.source"]
        # Percentages score as they are; amounts against the target; within
        # 1-100; no data, no score.
        self.assertEqual(Source._ops_score("sla_compliance", 87.5, 0), 87.5)
        self.assertEqual(Source._ops_score("crm_won_revenue", 45000, 100000), 45.0)
        self.assertEqual(Source._ops_score("crm_won_revenue", 250000, 100000), 100.0)
        self.assertEqual(Source._ops_score("campaign_roi", 0.0, 200), 1.0)
        self.assertEqual(Source._ops_score("crm_won_revenue", 1000, 0), 0.0)
        self.assertEqual(Source._ops_score("rating_satisfaction", None, 0), 0.0)
        # Without the application that holds the data, the manager scores.
        for source, model in (
            ("sla_compliance", "helpdesk.ticket"),
            ("campaign_roi", "ops.marketing.campaign"),
            ("demand_evaluation", "ops.demand"),
        ):
            value, note = Source._ops_read(
                source, self.emp_b, date(2025, 1, 1), date(2025, 3, 31)
            )
            if model not in self.env:
                self.assertIsNone(value)
                self.assertIn("not installed", note)
            else:
                # Installed (the suite's full database): B has no record in
                # the period.
                self.assertIsNone(value)
                self.assertTrue(note)
