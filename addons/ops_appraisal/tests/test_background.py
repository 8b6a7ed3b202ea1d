# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestCycleInBackground(AppraisalCase):
    """Starting a cycle for more employees than the threshold returns at once
    and creates the appraisals in a queue job."""

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].sudo().set_param(
            "ops_base.background_threshold", 2
        )

    def test_large_cycle_starts_in_a_job(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        with trap_jobs() as trap:
            action = cycle.action_start()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1)
            self.assertEqual(cycle.state, "draft", "nothing done in the request")
            self.assertFalse(cycle.appraisal_ids)
            self.assertTrue(cycle.ops_job_uuid)
            trap.perform_enqueued_jobs()
        cycle.invalidate_recordset()
        self.assertEqual(cycle.state, "in_progress")
        self.assertEqual(
            cycle.appraisal_ids.employee_id,
            self.head | self.emp_a | self.emp_b | self.emp_c,
        )
        self.assertIn("Done:", cycle.message_ids[:1].body)

    def test_job_fields_are_the_servers(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        with self.assertRaises(AccessError):
            cycle.write({"ops_job_uuid": "forged"})

    def test_only_hr_starts_even_in_the_background(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        staff = new_test_user(
            self.env,
            login="t_bg_staff",
            groups="ops_base.group_ops_user",
            context={"no_reset_password": True},
        )
        with trap_jobs() as trap:
            with self.assertRaises(AccessError):
                cycle.with_user(staff).action_start()
            trap.assert_jobs_count(0)

    def test_small_cycle_starts_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "ops_base.background_threshold", 200
        )
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        with trap_jobs() as trap:
            self.assertIs(cycle.action_start(), True)
            trap.assert_jobs_count(0)
        self.assertEqual(cycle.state, "in_progress")


@tagged("post_install", "-at_install")
class TestIndicatorTranslations(AppraisalCase):
    def test_indicators_carry_the_templates_translations(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        template = self.env.ref("ops_appraisal.template_marketing")
        line = template.line_ids[:1]
        line.with_context(lang="zh_CN").name = "营销指标"
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        indicator = self._appraisal(cycle, self.emp_a).ops_line_ids.filtered(
            lambda r: r.template_line_id == line
        )
        self.assertEqual(indicator.with_context(lang="zh_CN").name, "营销指标")
        self.assertEqual(
            indicator.with_context(lang="en_US").name,
            line.with_context(lang="en_US").name,
        )
