# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestBonusExport(AppraisalCase):
    def test_bonus_xlsx(self):
        cycle = self._make_cycle(department_ids=[(6, 0, self.dept.ids)])
        cycle.action_start()
        self._publish(self._appraisal(cycle, self.emp_a), [90] * 9)  # A 1.5
        self._publish(self._appraisal(cycle, self.emp_b), [80.7] * 9)  # B 1.2
        self._publish(self._appraisal(cycle, self.emp_c), [50] * 9)  # D 0
        # The head's appraisal is not published: not exported.
        Report = self.env["ir.actions.report"].with_user(self.hr_user)
        content, fmt = Report._render_xlsx(
            "ops_appraisal.cycle_bonus_xlsx", cycle.ids, {}
        )
        self.assertEqual(fmt, "xlsx")
        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
        self.assertEqual(
            rows[0],
            (
                "Employee",
                "Department",
                "Score",
                "Grade",
                "Coefficient",
                "Base Bonus",
                "Bonus Amount",
            ),
        )
        self.assertEqual(
            sorted(rows[1:]),
            [
                ("Employee A", "Test Operations", 90, "A", 1.5, 1000, 1500),
                ("Employee B", "Test Operations", 80.7, "B", 1.2, 1000, 1200),
                ("Employee C", "Test Operations", 50, "D", 0, 1000, 0),
            ],
        )
        # Managers cannot export the bonus list.
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.head_user)._render_xlsx(
                "ops_appraisal.cycle_bonus_xlsx", cycle.ids, {}
            )
