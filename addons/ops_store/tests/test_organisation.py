# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from .common import StoreCase


class TestOrganisation(StoreCase):
    def _region(self, stores, **vals):
        return (
            self.env["ops.store.region"]
            .with_user(self.director)
            .create(
                {
                    "name": vals.pop("name", "West"),
                    "area": "Chengdu",
                    "manager_id": self.regional.id,
                    "store_ids": [Command.set(stores.ids)],
                    **vals,
                }
            )
        )

    def test_region_needs_four_stores(self):
        with self.assertRaisesMsg(ValidationError, "at least 4 stores"):
            self._region(self.stores[:3])
        region = self._region(self.stores[:4])
        self.assertEqual(region.store_count, 4)
        self.assertEqual(self.stores[0].reports_to_id, self.regional)
        # a store outside any region reports to the management department
        self.assertEqual(self.stores[4].reports_to_id, self.director)

    def test_store_leaving_region_below_four_refused(self):
        self._region(self.stores[:4])
        with self.assertRaisesMsg(ValidationError, "at least 4 stores"):
            self.stores[0].with_user(self.director).region_id = False
        # a fifth store joining, then one leaving, is fine
        self.stores[4].with_user(self.director).region_id = self.stores[0].region_id
        self.stores[0].with_user(self.director).region_id = False
        self.assertEqual(self.stores[1].region_id.store_count, 4)

    def test_region_of_one_area(self):
        self.stores[3].area = "Chongqing"
        with self.assertRaisesMsg(ValidationError, "must be in its area"):
            self._region(self.stores[:4])

    def test_assistant_only_from_five_stores(self):
        assistant = new_test_user(
            self.env,
            login="t_st_assistant",
            groups="ops_store.group_ops_store_regional",
        )
        with self.assertRaisesMsg(ValidationError, "assistant is allowed only"):
            self._region(self.stores[:4], assistant_id=assistant.id)
        region = self._region(self.stores[:4])
        with self.assertRaisesMsg(ValidationError, "assistant is allowed only"):
            region.with_user(self.director).assistant_id = assistant
        region.with_user(self.director).store_ids = [Command.link(self.stores[4].id)]
        region.with_user(self.director).assistant_id = assistant
        self.assertEqual(region.assistant_id, assistant)
        # back to 4 stores with an assistant: refused
        with self.assertRaisesMsg(ValidationError, "assistant is allowed only"):
            self.stores[4].with_user(self.director).region_id = False

    def test_only_managers_configure_regions(self):
        with self.assertRaises(AccessError):
            self.env["ops.store.region"].with_user(self.store_manager).create(
                {
                    "name": "Rogue",
                    "area": "Chengdu",
                    "store_ids": [Command.set(self.stores[:4].ids)],
                }
            )

    def test_seven_posts_and_staffing(self):
        department = self.env["hr.department"].create({"name": "Store 0 team"})
        self.store.department_id = department
        cashier = self.env.ref("ops_store.job_cashier")
        self.env["hr.employee"].create(
            {"name": "Cashier Li", "department_id": department.id, "job_id": cashier.id}
        )
        self.env.flush_all()
        staffing = self.store.with_user(self.store_manager).staffing_ids
        self.assertEqual(len(staffing), 7)
        self.assertEqual(
            staffing.filtered(lambda s: s.job_id == cashier).employee_count, 1
        )
        self.assertEqual(self.store.vacant_post_count, 6)

    def test_store_staff_see_their_store_only(self):
        visible = self.env["ops.store"].with_user(self.store_manager).search([])
        self.assertEqual(visible, self.store)
        region = self._region(self.stores[:4])
        visible = self.env["ops.store"].with_user(self.regional).search([])
        self.assertEqual(visible, region.store_ids)
        visible = (
            self.env["ops.store"]
            .with_user(self.merch)
            .search([("id", "in", self.stores.ids)])
        )
        self.assertEqual(visible, self.stores)

    def test_other_company_stores_hidden(self):
        other = self.env["res.company"].create({"name": "Other Chain"})
        warehouse = self.env["stock.warehouse"].create(
            {"name": "Other store", "code": "OTS", "company_id": other.id}
        )
        store = self.env["ops.store"].create(
            {
                "name": "Other store",
                "area": "Chengdu",
                "warehouse_id": warehouse.id,
                "company_id": other.id,
            }
        )
        self.assertNotIn(store, self.env["ops.store"].with_user(self.merch).search([]))
