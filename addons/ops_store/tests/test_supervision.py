# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import StoreCase


class TestSupervision(StoreCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env, login="t_st_supervisor", groups="ops_store.group_ops_store_manager"
        )
        cls.checklist = cls.env["ops.store.checklist"].create(
            {
                "name": "Standard",
                "item_ids": [
                    Command.create({"name": "Cleanliness", "max_score": 10}),
                    Command.create({"name": "Display", "max_score": 10}),
                ],
            }
        )
        cls.region = cls.env["ops.store.region"].create(
            {
                "name": "West",
                "area": "Chengdu",
                "manager_id": cls.regional.id,
                "store_ids": [Command.set(cls.stores[:4].ids)],
            }
        )

    def test_visit_score(self):
        visit = (
            self.env["ops.store.visit"]
            .with_user(self.supervisor)
            .create({"store_id": self.store.id, "checklist_id": self.checklist.id})
        )
        visit.action_load_checklist()
        visit.line_ids[0].score = 8
        visit.line_ids[1].score = 7
        with self.assertRaises(ValidationError):
            visit.line_ids[1].score = 11
        visit.action_done()
        self.assertEqual(visit.score, 75.0)
        with self.assertRaises(UserError):
            visit.line_ids[0].with_user(self.supervisor).score = 10
        with self.assertRaises(AccessError):
            visit.with_user(self.supervisor).write({"score": 100})

    def test_finding_followed_and_escalated_once_a_day(self):
        finding = (
            self.env["ops.store.finding"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Fridge at 9°C",
                    "store_id": self.store.id,
                    "owner_id": self.store_manager.id,
                    "deadline": date.today() - timedelta(days=1),
                }
            )
        )
        Finding = self.env["ops.store.finding"]
        Finding._cron_escalate_overdue()
        Finding._cron_escalate_overdue()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "ops.store.finding"), ("res_id", "=", finding.id)]
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.regional)
        # the owner reports the correction; only the supervisor closes
        as_owner = finding.with_user(self.store_manager)
        with self.assertRaises(UserError):
            as_owner.action_corrected()
        as_owner.corrective_action = "Fridge repaired, thermometer checked daily."
        with self.assertRaises(AccessError):
            as_owner.write({"state": "closed"})
        as_owner.action_corrected()
        with self.assertRaises(AccessError):
            as_owner.action_close()
        finding.with_user(self.supervisor).action_close()
        self.assertEqual(finding.state, "closed")

    def test_store_outside_region_escalates_to_director(self):
        self.env["ops.store.finding"].create(
            {
                "name": "Door broken",
                "store_id": self.stores[4].id,
                "owner_id": self.managers[4].id,
                "deadline": date.today() - timedelta(days=2),
            }
        )
        self.env["ops.store.finding"]._cron_escalate_overdue()
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "ops.store.finding")]
        )
        self.assertEqual(activity.user_id, self.director)

    def test_transfer_needs_reason_and_dates(self):
        Transfer = self.env["ops.store.transfer"].with_user(self.merch)
        vals = {
            "from_store_id": self.store.id,
            "to_store_id": self.stores[1].id,
            "standard": "slow",
            "reason": "Slow in store 0, out of stock in store 1.",
            "date_execution": date.today(),
            "date_end": date.today() - timedelta(days=1),
            "line_ids": [
                Command.create({"product_id": self.product.id, "quantity": 5})
            ],
        }
        with self.assertRaises(ValidationError):
            Transfer.create(vals)
        vals["date_end"] = date.today() + timedelta(days=2)
        transfer = Transfer.create(vals)
        with self.assertRaises(AccessError):
            transfer.with_user(self.store_manager).action_confirm()
        transfer.action_confirm()
        self.assertEqual(transfer.state, "confirmed")
        self.assertEqual(
            transfer.picking_id.location_dest_id,
            self.stores[1].warehouse_id.lot_stock_id,
        )
        # followed up once a day after its end date
        self.env["ops.store.transfer"]._cron_follow_up()
        self.assertFalse(transfer.activity_ids)
        transfer.sudo().write(
            {
                "date_end": date.today() - timedelta(days=1),
                "date_execution": date.today() - timedelta(days=2),
            }
        )
        self.env["ops.store.transfer"]._cron_follow_up()
        self.env["ops.store.transfer"]._cron_follow_up()
        self.assertEqual(len(transfer.activity_ids), 1)

    def test_spot_count_differences(self):
        count = (
            self.env["ops.store.count"]
            .with_user(self.merch)
            .create(
                {
                    "store_id": self.store.id,
                    "line_ids": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        count.action_start()
        self.assertEqual(count.line_ids.theoretical_qty, 44)
        count.line_ids.counted_qty = 41
        count.action_done()
        self.assertEqual(count.line_ids.difference, -3)
        self.assertEqual(count.difference_count, 1)
        with self.assertRaises(UserError):
            count.line_ids.with_user(self.merch).counted_qty = 44

    def test_store_staff_limits(self):
        finding = self.env["ops.store.finding"].create(
            {
                "name": "Expired milk on the shelf",
                "store_id": self.store.id,
                "owner_id": self.store_manager.id,
                "deadline": date.today(),
            }
        )
        as_owner = finding.with_user(self.store_manager)
        with self.assertRaises(AccessError):
            as_owner.deadline = date.today() + timedelta(days=30)
        as_owner.corrective_action = "Shelf checked every morning."
        # another store's count lines are out of reach
        count = self.env["ops.store.count"].create(
            {
                "store_id": self.stores[1].id,
                "line_ids": [Command.create({"product_id": self.product.id})],
            }
        )
        self.assertFalse(
            self.env["ops.store.count.line"]
            .with_user(self.store_manager)
            .search([("id", "in", count.line_ids.ids)])
        )
        with self.assertRaises(AccessError):
            count.line_ids.with_user(self.store_manager).write({"counted_qty": 1})
        staffing = (
            self.env["ops.store.staffing"].with_user(self.store_manager).search([])
        )
        self.assertEqual(staffing.store_id, self.store)
