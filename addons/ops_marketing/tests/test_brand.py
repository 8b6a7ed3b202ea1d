# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestBrand(MarketingCase):
    def test_standard_colours_are_hex(self):
        brand = self.brand.with_user(self.manager)
        brand.write({"ops_primary_color": "#1F6FB2", "ops_secondary_color": "#fa0"})
        self.assertEqual(brand.ops_primary_color, "#1F6FB2")
        for wrong in ("blue", "#12345", "1F6FB2", "#GGGGGG"):
            with self.assertRaises(ValidationError):
                brand.write({"ops_primary_color": wrong})

    def test_positioning_written_by_managers_only(self):
        self.brand.with_user(self.manager).write({"ops_slogan": "Every leaf"})
        self.assertEqual(self.brand.ops_slogan, "Every leaf")
        with self.assertRaises(AccessError):
            self.brand.with_user(self.user_a).write({"ops_slogan": "Mine"})

    def test_yearly_plan(self):
        Plan = self.env["ops.brand.plan"].with_user(self.manager)
        plan = Plan.create(
            {
                "brand_id": self.brand.id,
                "year": 2030,
                "target_market_share": 8,
                "actual_market_share": 6.5,
                "target_awareness": 40,
                "actual_awareness": 45,
            }
        )
        self.assertEqual(plan.name, "Test Brand 2030")
        self.assertAlmostEqual(plan.market_share_gap, -1.5)
        self.assertAlmostEqual(plan.awareness_gap, 5)
        self.assertIn(plan, self.brand.ops_plan_ids)
        with self.assertRaises(ValidationError):
            plan.actual_awareness = 120
        with self.assertRaises(AccessError):
            plan.with_user(self.user_a).actual_awareness = 50
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            Plan.create({"brand_id": self.brand.id, "year": 2030})
