# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestTemplate(AppraisalCase):
    def _lines(self, *weights):
        dims = ["results", "ability", "attitude"]
        return [
            (0, 0, {"name": f"KPI {i}", "dimension": dims[i % 3], "weight": w})
            for i, w in enumerate(weights)
        ]

    def test_weights_99_refused(self):
        Template = self.env["ops.appraisal.template"].with_user(self.hr_user)
        with self.assertRaisesRegex(
            ValidationError, "add up to 99.0; they must add up to exactly 100"
        ):
            Template.create({"name": "Bad", "line_ids": self._lines(40, 30, 29)})

    def test_weights_100_accepted_and_edits_checked(self):
        Template = self.env["ops.appraisal.template"].with_user(self.hr_user)
        template = Template.create(
            {"name": "Good", "line_ids": self._lines(40, 30, 30)}
        )
        self.assertEqual(template.total_weight, 100)
        # Rebalancing two lines in one save is fine...
        first, second, third = template.line_ids
        template.write(
            {
                "line_ids": [
                    (1, first.id, {"weight": 30}),
                    (1, second.id, {"weight": 40}),
                ]
            }
        )
        self.assertEqual(template.total_weight, 100)
        # ...but a single line edited alone, or removed, is refused.
        with self.assertRaises(ValidationError):
            third.write({"weight": 29})
        with self.assertRaises(ValidationError):
            third.unlink()
        with self.assertRaises(ValidationError):
            template.write({"line_ids": [(2, third.id)]})

    def test_seeded_templates(self):
        for role in ("marketing", "customer", "product", "general"):
            template = self.env.ref(f"ops_appraisal.template_{role}")
            self.assertEqual(template.total_weight, 100, role)
            self.assertEqual(
                set(template.line_ids.mapped("dimension")),
                {"results", "ability", "attitude"},
            )
        self.assertIn(
            "Repurchase rate",
            self.env.ref("ops_appraisal.template_customer").line_ids.mapped("name"),
        )
        self.assertTrue(self.env.ref("ops_appraisal.template_general").is_default)

    def test_staff_cannot_edit_templates(self):
        from odoo.exceptions import AccessError

        template = self.env.ref("ops_appraisal.template_general").with_user(self.a_user)
        self.assertTrue(template.name)
        with self.assertRaises(AccessError):
            template.write({"name": "Mine"})
