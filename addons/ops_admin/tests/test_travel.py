# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OpsAdminCase


@tagged("post_install", "-at_install")
class TestTravel(OpsAdminCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Brand"})
        model = cls.env["fleet.vehicle.model"].create(
            {"name": "Van", "brand_id": brand.id}
        )
        cls.driver = cls.env["res.partner"].create({"name": "Driver"})
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {
                "model_id": model.id,
                "license_plate": "A-1234",
                "driver_id": cls.driver.id,
            }
        )

    def _car(self, user=None, start=None, days=3, **vals):
        start = start or datetime.combine(
            self.today + timedelta(days=10), datetime.min.time()
        )
        values = {
            "vehicle_id": self.vehicle.id,
            "driver_id": self.driver.id,
            "date_start": start,
            "date_end": start + timedelta(days=days),
            "destination": "Shanghai",
        }
        values.update(vals)
        return self.Car.with_user(user or self.staff_a).create(values)

    def test_travel_approved_by_department_head(self):
        travel = self._travel()
        self.assertTrue(travel.name.startswith("TR"))
        travel.action_submit()
        self.assertEqual(travel.state, "under_review")
        self.assertTrue(travel.submitted_on)
        # the traveller, a colleague and another department's head cannot
        with self.assertRaises(UserError):
            self._decide(travel, self.staff_a)
        with self.assertRaises(UserError):
            self._decide(travel, self.head_b)
        self._decide(travel, self.head_a)
        self.assertEqual(travel.state, "approved")
        self.assertTrue(travel.answered_on)

    def test_rejected_travel(self):
        travel = self._travel()
        travel.action_submit()
        self._decide(travel, self.head_a, approve=False)
        self.assertEqual(travel.state, "rejected")
        travel.with_user(self.staff_a).action_draft()
        self.assertEqual(travel.state, "draft")

    def test_rpc_state_and_frozen_fields(self):
        travel = self._travel()
        with self.assertRaises(UserError):
            travel.with_user(self.staff_a).write({"state": "approved"})
        with self.assertRaises(UserError):
            self.Travel.with_user(self.staff_a).create(
                {
                    "destination": "Beijing",
                    "date_start": self.today,
                    "date_end": self.today,
                    "purpose": "x",
                    "state": "approved",
                }
            )
        # a plain context flag sent by a client unlocks nothing
        with self.assertRaises(UserError):
            travel.with_user(self.staff_a).with_context(ops_server=True).write(
                {"state": "approved"}
            )
        with self.assertRaises(AccessError):
            travel.with_user(self.staff_a).write({"submitted_on": self.today})
        travel.action_submit()
        with self.assertRaises(UserError):
            travel.with_user(self.staff_a).write({"estimated_cost": 99999})
        # once approved, nothing changes the trip behind the approval
        self._decide(travel, self.head_a)
        with self.assertRaises(UserError):
            travel.with_user(self.staff_a).write({"date_end": self.today})

    def test_only_requester_or_assistant_submits(self):
        travel = self._travel()
        with self.assertRaises(AccessError):
            travel.with_user(self.staff_b).action_submit()
        with self.assertRaises(AccessError):
            travel.with_user(self.staff_a2).action_submit()
        travel.with_user(self.assistant_a).action_submit()
        self.assertEqual(travel.state, "under_review")

    def test_travel_with_car_needs_approved_car_request(self):
        travel = self._travel(car_needed=True)
        with self.assertRaises(UserError):
            travel.action_submit()
        car = self._car()
        travel.car_request_id = car
        with self.assertRaises(UserError):
            travel.action_submit()
        car.action_submit()
        # department head first, then the fleet manager
        with self.assertRaises(UserError):
            self._decide(car, self.fleet_manager)
        self._decide(car, self.head_a)
        self.assertEqual(car.state, "under_review")
        self._decide(car, self.fleet_manager)
        self.assertEqual(car.state, "approved")
        travel.action_submit()
        self.assertEqual(travel.state, "under_review")

    def test_car_request_must_cover_the_trip(self):
        car = self._car(days=1)
        car.action_submit()
        self._decide(car, self.head_a)
        self._decide(car, self.fleet_manager)
        travel = self._travel(car_needed=True, days=5, car_request_id=car.id)
        with self.assertRaises(UserError):
            travel.action_submit()

    def test_no_double_booking_of_a_vehicle(self):
        first = self._car()
        first.action_submit()
        second = self._car(
            user=self.staff_b,
            start=first.date_start - timedelta(days=1),
            department_id=self.dept_b.id,
        )
        with self.assertRaises(ValidationError):
            second.with_user(self.staff_b).action_submit()
        # after the first ends, the vehicle is free
        third = self._car(
            user=self.staff_b,
            start=first.date_end,
            department_id=self.dept_b.id,
        )
        third.with_user(self.staff_b).action_submit()
        self.assertEqual(third.state, "under_review")
        # a withdrawn request frees the vehicle
        first.with_user(self.staff_a).restart_validation()
        second.with_user(self.staff_b).action_submit()
        self.assertEqual(second.state, "under_review")

    def test_visibility(self):
        travel = self._travel()
        self.assertEqual(
            self.Travel.with_user(self.staff_b).search([("id", "=", travel.id)]),
            self.Travel,
        )
        with self.assertRaises(AccessError):
            travel.with_user(self.staff_a2).read(["destination"])
        for user in (self.assistant_a, self.head_a, self.finance):
            self.assertEqual(
                self.Travel.with_user(user).search([("id", "=", travel.id)]), travel
            )
        with self.assertRaises(AccessError):
            travel.with_user(self.finance).write({"purpose": "changed"})

    def test_reviewers_reminded_once_a_day(self):
        travel = self._travel()
        travel.action_submit()
        Activity = self.env["mail.activity"]
        reminder = self.env.ref("ops_admin.mail_activity_type_review_reminder")
        domain = [
            ("res_model", "=", "ops.admin.travel"),
            ("res_id", "=", travel.id),
            ("activity_type_id", "=", reminder.id),
        ]
        self.env["ops.admin.request"]._cron_remind_reviewers()
        self.assertFalse(Activity.search(domain), "submitted today: no reminder")
        self.env.cr.execute(
            "UPDATE ops_admin_travel SET submitted_on = %s WHERE id = %s",
            (self.today - timedelta(days=3), travel.id),
        )
        travel.invalidate_recordset()
        self.env["ops.admin.request"]._cron_remind_reviewers()
        activities = Activity.search(domain)
        self.assertEqual(activities.user_id, self.head_a)
        self.env["ops.admin.request"]._cron_remind_reviewers()
        self.assertEqual(Activity.search(domain), activities)
        # the next day, an open reminder is not doubled
        travel.sudo().reviewer_reminded_on = self.today - timedelta(days=1)
        self.env["ops.admin.request"]._cron_remind_reviewers()
        self.assertEqual(Activity.search(domain), activities)
