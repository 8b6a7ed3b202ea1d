# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every bypass of the appraisal rules, replayed as the low-privilege user
who would try it over RPC (the ORM with ``with_user``, and a few calls over
real JSON-RPC / XML-RPC): each is refused and nothing is stored."""

import math
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import AppraisalCase

# What a client can put in its context; none of it may unlock anything.
FORGED_CONTEXT = {
    "ops_appraisal_flow": True,
    "ops_score_adjust": True,
    "ops_template_write": True,
    "ops_server": True,
    "skip_validation_check": True,
    "skip_check_state_condition": True,
}


class IntegrityCase(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()
        # An internal user with no operations role at all.
        cls.plain_user = new_test_user(
            cls.env, login="t_appr_plain", groups="base.group_user"
        )

    def _forged(self, records, user):
        return records.with_user(user).with_context(**FORGED_CONTEXT)


@tagged("post_install", "-at_install")
class TestAppraisalIntegrity(IntegrityCase):
    def test_employee_cannot_publish_own_appraisal_with_forged_context(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        forged = self._forged(appraisal, self.a_user)
        with self.assertRaises(UserError):
            forged.write({"ops_state": "published"})
        with self.assertRaises(AccessError):
            forged.write({"ops_base_bonus": 99999.0})
        with self.assertRaises(AccessError):
            forged.write({"ops_bonus_amount": 99999.0})
        with self.assertRaises(UserError):
            forged.write({"state": "3_done"})
        with self.assertRaises(UserError):
            self._forged(appraisal.ops_line_ids[0], self.a_user).write(
                {"manager_score": 100}
            )
        # Nor through the approval: the employee is no appraiser.
        with self.assertRaises(AccessError):
            forged.action_ops_submit_approval()
        with self.assertRaises(AccessError):
            forged.request_validation()
        self.env.invalidate_all()
        self.assertEqual(appraisal.ops_state, "self_assessment")
        self.assertEqual(appraisal.ops_base_bonus, 1000.0)
        self.assertEqual(appraisal.ops_bonus_amount, 0.0)
        self.assertFalse(appraisal.review_ids)
        self.assertFalse(any(appraisal.ops_line_ids.mapped("manager_score")))

    def test_published_result_frozen_for_everyone(self):
        appraisal = self._publish(self._appraisal(self.cycle, self.emp_b), [80] * 9)
        line = appraisal.ops_line_ids[0]
        grade = appraisal.ops_grade_id
        # The employee, with every key a client can send.
        forged = self._forged(appraisal, self.b_user)
        with self.assertRaises(AccessError):
            forged.write({"ops_base_bonus": 5000.0})
        with self.assertRaises(UserError):
            forged.write({"ops_state": "acknowledged"})
        with self.assertRaises(UserError):
            self._forged(line, self.b_user).write({"manager_score": 100})
        # The manager: scores and recommendation frozen.
        as_head = self._forged(appraisal, self.head_user)
        with self.assertRaises(UserError):
            self._forged(line, self.head_user).write({"manager_score": 100})
        with self.assertRaises(UserError):
            as_head.write({"ops_recommendation": "promotion"})
        with self.assertRaises(UserError):
            as_head.write({"ops_state": "manager_review"})
        # HR too, outside the adjustment wizard.
        as_hr_line = self._forged(line, self.hr_user)
        with self.assertRaises(UserError):
            as_hr_line.write({"manager_score": 100})
        with self.assertRaises(UserError):
            as_hr_line.unlink()
        with self.assertRaises(UserError):
            self.env["ops.appraisal.line"].with_user(self.hr_user).create(
                {
                    "appraisal_id": appraisal.id,
                    "name": "Extra",
                    "weight": 10,
                    "manager_score": 100,
                }
            )
        other = self._appraisal(self.cycle, self.emp_c)
        with self.assertRaises(UserError):
            other.ops_line_ids[0].with_user(self.hr_user).write(
                {"appraisal_id": appraisal.id}
            )
        with self.assertRaises(AccessError):
            self._forged(appraisal, self.hr_user).write({"ops_base_bonus": 5000.0})
        # Nor the stored results computed from the scores.
        for vals in (
            {"ops_bonus_amount": 99999.0},
            {"ops_total_score": 100.0},
            {"ops_grade_id": self.env.ref("ops_appraisal.grade_a").id},
            {"ops_department_head_user_id": self.hr_user.id},
        ):
            with self.assertRaises(AccessError):
                self._forged(appraisal, self.hr_user).write(vals)
        self.env.invalidate_all()
        self.assertEqual(line.manager_score, 80)
        self.assertEqual(len(appraisal.ops_line_ids), 9)
        self.assertEqual(appraisal.ops_base_bonus, 1000.0)
        self.assertEqual(appraisal.ops_grade_id, grade)
        self.assertAlmostEqual(appraisal.ops_bonus_amount, 1200.0)
        self.assertEqual(appraisal.ops_state, "published")

    def test_hr_adjustment_wizard_logs_old_and_new(self):
        appraisal = self._publish(self._appraisal(self.cycle, self.emp_b), [80] * 9)
        Wizard = self.env["ops.appraisal.score.adjust.wizard"]
        # Managers cannot even open the wizard.
        with self.assertRaises(AccessError):
            Wizard.with_user(self.head_user).create(
                {
                    "appraisal_id": appraisal.id,
                    "adjust": "base_bonus",
                    "new_base_bonus": 9000,
                    "reason": "x",
                }
            )

        def wizard(**vals):
            return Wizard.with_user(self.hr_user).create(
                dict({"appraisal_id": appraisal.id, "reason": "Payroll fix"}, **vals)
            )

        # Bad input: negative or not a number; a line of another appraisal.
        for bad in (-1.0, math.nan, math.inf):
            with self.assertRaises(UserError):
                wizard(adjust="base_bonus", new_base_bonus=bad).action_confirm()
        other_line = self._appraisal(self.cycle, self.emp_c).ops_line_ids[0]
        with self.assertRaises(UserError):
            wizard(line_id=other_line.id, new_score=100).action_confirm()
        self.env.invalidate_all()
        self.assertEqual(other_line.manager_score, 0)
        self.assertEqual(appraisal.ops_base_bonus, 1000.0)
        # The real adjustment, logged old -> new.
        result = wizard(adjust="base_bonus", new_base_bonus=1500).action_confirm()
        self.assertEqual(result, {"type": "ir.actions.act_window_close"})
        self.assertEqual(appraisal.ops_base_bonus, 1500.0)
        self.assertAlmostEqual(appraisal.ops_bonus_amount, 1500 * 1.2)
        body = appraisal.message_ids[:1].body
        self.assertIn("1000.0 → 1500", body)
        self.assertIn("1200.0 → 1800.0", body)
        self.assertIn("Payroll fix", body)

    def test_hr_cannot_adjust_or_cancel_own_appraisal(self):
        hr_dept = self.env["hr.department"].create({"name": "Test HR"})
        self.hr_employee.department_id = hr_dept
        cycle = self._make_cycle(
            name="2025 Q2",
            date_start=date(2025, 4, 1),
            date_end=date(2025, 6, 30),
            department_ids=[(6, 0, hr_dept.ids)],
        )
        cycle.action_start()
        own = self._appraisal(cycle, self.hr_employee)
        with self.assertRaises(AccessError):
            own.with_user(self.hr_user).action_ops_cancel()
        with self.assertRaises(AccessError):
            own.with_user(self.hr_user).action_ops_adjust_score()
        self.assertEqual(own.ops_state, "self_assessment")

    def test_oca_buttons_and_unlink_refused_on_a_cycle_appraisal(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        as_a = self._forged(appraisal, self.a_user)
        for method in ("action_done", "action_back", "action_confirm"):
            with self.assertRaises(UserError):
                getattr(as_a, method)()
        with self.assertRaises(UserError):
            as_a.unlink()
        with self.assertRaises(UserError):
            appraisal.with_user(self.hr_user).unlink()  # not cancelled
        self.env.invalidate_all()
        self.assertTrue(appraisal.exists())
        self.assertEqual(appraisal.state, "2_pending")
        # Cancelled by HR, then deletable by HR.
        self.assertIs(appraisal.with_user(self.hr_user).action_ops_cancel(), True)
        appraisal.with_user(self.hr_user).unlink()
        self.assertFalse(appraisal.exists())

    def test_create_in_a_later_stage_refused(self):
        Appraisal = self.env["hr.appraisal"].with_user(self.a_user)
        before = Appraisal.sudo().search_count([])
        base = {"employee_id": self.emp_a.id, "date_close": date(2025, 4, 15)}
        with self.assertRaises(UserError):
            Appraisal.create(dict(base, ops_state="published"))
        with self.assertRaises(AccessError):
            Appraisal.create(dict(base, ops_cycle_id=self.cycle.id))
        with self.assertRaises(AccessError):
            Appraisal.create(dict(base, ops_base_bonus=5000))
        self.assertEqual(Appraisal.sudo().search_count([]), before)
        # Defaults sent in the context do not help either.
        for default in (
            {"default_ops_cycle_id": self.cycle.id},
            {"default_ops_base_bonus": 99999.0},
        ):
            with self.assertRaises(AccessError):
                Appraisal.with_context(**default).create(base)
        self.assertEqual(Appraisal.sudo().search_count([]), before)
        plain = Appraisal.with_context(default_ops_state="published").create(base)
        self.assertEqual(plain.ops_state, "self_assessment")

    def test_privileged_actions_checked_on_the_server(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        draft = self._make_cycle(
            name="2025 Q2", date_start=date(2025, 4, 1), date_end=date(2025, 6, 30)
        )
        for user in (self.a_user, self.other_head_user, self.plain_user):
            with self.assertRaises(AccessError):
                self._forged(appraisal, user).action_ops_cancel()
            with self.assertRaises(AccessError):
                self._forged(appraisal, user).action_ops_adjust_score()
            with self.assertRaises(AccessError):
                self._forged(draft, user).action_start()
            with self.assertRaises(AccessError):
                self._forged(self.cycle, user).action_close()
            with self.assertRaises(AccessError):
                self._forged(self.cycle, user).action_export_bonus()
        # The manager of another department cannot score nor submit.
        with self.assertRaises(AccessError):
            appraisal.with_user(self.other_head_user).read(["ops_state"])
        self.env.invalidate_all()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.appraisal_ids)
        self.assertEqual(self.cycle.state, "in_progress")
        self.assertEqual(appraisal.ops_state, "self_assessment")

    def test_cycle_stage_and_started_values_locked(self):
        as_hr = self._forged(self.cycle, self.hr_user)
        with self.assertRaises(AccessError):
            as_hr.write({"state": "closed"})
        with self.assertRaises(UserError):
            as_hr.write({"base_bonus": 5000.0})
        with self.assertRaises(ValidationError):
            self._make_cycle(
                name="Negative",
                period_type="annual",
                date_start=date(2024, 1, 1),
                date_end=date(2024, 12, 31),
                base_bonus=-1.0,
            )
        self.env.invalidate_all()
        self.assertEqual(self.cycle.state, "in_progress")
        self.assertEqual(self.cycle.base_bonus, 1000.0)
        self.assertIs(as_hr.action_close(), True)
        self.assertEqual(self.cycle.state, "closed")
        with self.assertRaises(UserError):
            as_hr.action_close()

    def test_bad_scores_weights_and_amounts(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        line = appraisal.ops_line_ids[0]
        for bad in (-5, 100.5, math.nan, math.inf):
            with self.assertRaises(ValidationError) as caught:
                line.with_user(self.a_user).write({"self_score": bad})
            self.assertRegex(
                str(caught.exception), "must lie between 1 and 100|must be a number"
            )
        self.env.invalidate_all()
        self.assertEqual(line.self_score, 0)
        template_line = self.env.ref("ops_appraisal.template_general").line_ids[0]
        for bad in (0, -10, 150, math.nan):
            with self.assertRaises(ValidationError) as caught:
                template_line.with_user(self.hr_user).write({"weight": bad})
            self.assertRegex(
                str(caught.exception), "more than 0 and at most 100|must be a number"
            )
        grade = self.env.ref("ops_appraisal.grade_b").with_user(self.hr_user)
        with self.assertRaises(ValidationError) as caught:
            grade.write({"bonus_coefficient": -1})
        self.assertRegex(str(caught.exception), "cannot be negative")
        with self.assertRaises(ValidationError) as caught:
            grade.write({"min_score": 120})
        self.assertRegex(str(caught.exception), "between 0 and 100")
        with self.assertRaises(ValidationError) as caught:
            self.env.company.write({"ops_appraisal_base_bonus": -100})
        self.assertRegex(str(caught.exception), "cannot be negative")
        self.env.invalidate_all()
        self.assertEqual(grade.bonus_coefficient, 1.2)
        self.assertEqual(grade.min_score, 80)

    def test_template_weights_not_skipped_by_forged_key(self):
        template = self.env.ref("ops_appraisal.template_general")
        line = self._forged(template.line_ids[0], self.hr_user)
        with self.assertRaises(ValidationError) as caught:
            line.write({"weight": line.weight + 1})
        self.assertRegex(str(caught.exception), "must add up to exactly 100")
        self.env.invalidate_all()
        self.assertEqual(template.total_weight, 100)


@tagged("post_install", "-at_install")
class TestDisciplinaryIntegrity(IntegrityCase):
    def _dismissal(self):
        return (
            self.env["ops.disciplinary.measure"]
            .with_user(self.head_user)
            .create(
                {
                    "name": "Fraud",
                    "employee_id": self.emp_b.id,
                    "incident": "Forged a report.",
                    "measure": "dismissal",
                }
            )
        )

    def test_no_dismissal_in_force_without_hr_and_general_manager(self):
        Measure = self.env["ops.disciplinary.measure"]
        vals = {
            "name": "Fraud",
            "employee_id": self.emp_b.id,
            "incident": "x",
            "measure": "dismissal",
        }
        # Created in force: refused, for HR too.
        for user in (self.head_user, self.hr_user):
            with self.assertRaises(UserError):
                Measure.with_user(user).with_context(**FORGED_CONTEXT).create(
                    dict(vals, state="in_force")
                )
        self.env.invalidate_all()
        self.assertFalse(Measure.search([("name", "=", "Fraud")]))
        measure = self._dismissal()
        # Written in force, with every client key: refused.
        with self.assertRaises(UserError):
            self._forged(measure, self.head_user).write({"state": "in_force"})
        with self.assertRaises(UserError):
            self._forged(measure, self.hr_user).write({"state": "in_force"})
        # Put in force before both tiers: refused.
        measure.request_validation()
        measure.with_user(self.hr_user).validate_tier()
        with self.assertRaises(ValidationError):
            self._forged(measure, self.hr_user).action_put_in_force()
        self.assertEqual(measure.state, "draft")
        # Cancelled, then "cancel -> in force": refused; back to draft it
        # needs the whole chain again.
        self.assertIs(measure.with_user(self.hr_user).action_cancel(), True)
        with self.assertRaises(UserError):
            self._forged(measure, self.hr_user).write({"state": "in_force"})
        self.assertIs(measure.with_user(self.hr_user).action_draft(), True)
        self.assertFalse(measure.review_ids)
        with self.assertRaises(ValidationError):
            measure.with_user(self.hr_user).action_put_in_force()
        self.assertEqual(measure.state, "draft")

    def test_approved_warning_cannot_turn_into_dismissal(self):
        measure = (
            self.env["ops.disciplinary.measure"]
            .with_user(self.hr_user)
            .create(
                {
                    "name": "Late",
                    "employee_id": self.emp_b.id,
                    "incident": "Late three times.",
                    "measure": "verbal_warning",
                }
            )
        )
        measure.request_validation()
        measure.with_user(self.head_user).validate_tier()
        self.assertEqual(measure.validation_status, "validated")
        # Approved as a warning by the manager: no dismissal out of it.
        for user in (self.head_user, self.hr_user):
            with self.assertRaises(ValidationError):
                self._forged(measure, user).write({"measure": "dismissal"})
        measure.with_user(self.head_user).action_put_in_force()
        with self.assertRaises(UserError):
            self._forged(measure, self.hr_user).write({"measure": "dismissal"})
        with self.assertRaises(UserError):
            self._forged(measure, self.hr_user).write({"severity": "critical"})
        with self.assertRaises(AccessError):
            self._forged(measure, self.head_user).write(
                {"circulated_date": date(2025, 1, 1)}
            )
        # Revoking a measure in force: HR only.
        with self.assertRaises(AccessError):
            measure.with_user(self.head_user).action_cancel()
        self.env.invalidate_all()
        self.assertEqual(measure.measure, "verbal_warning")
        self.assertEqual(measure.state, "in_force")
        self.assertFalse(measure.circulated_date)

    def test_measure_actions_need_a_role_on_the_employee(self):
        measure = self._dismissal()
        for user in (self.a_user, self.other_head_user, self.plain_user):
            with self.assertRaises(AccessError):
                self._forged(measure, user).action_cancel()
            with self.assertRaises(UserError):
                self._forged(measure, user).validate_tier()
        self.env.invalidate_all()
        self.assertEqual(measure.state, "draft")
        self.assertFalse(measure.review_ids)


@tagged("post_install", "-at_install")
class TestHonourAndPlanIntegrity(IntegrityCase):
    def _honour(self, employee=None, user=None):
        return (
            self.env["ops.honour"]
            .with_user(user or self.head_user)
            .create(
                {
                    "name": "Outstanding employee",
                    "employee_id": (employee or self.emp_a).id,
                    "reason": "Best sales",
                }
            )
        )

    def test_honour_conferred_only_by_its_approval(self):
        Honour = self.env["ops.honour"].with_user(self.head_user)
        vals = {"name": "Award", "employee_id": self.emp_a.id, "reason": "x"}
        with self.assertRaises(UserError):
            Honour.with_context(**FORGED_CONTEXT).create(dict(vals, state="approved"))
        with self.assertRaises(AccessError):
            Honour.create(dict(vals, nominated_by_id=self.exec_user.id))
        with self.assertRaises(AccessError):
            Honour.with_context(default_nominated_by_id=self.exec_user.id).create(vals)
        with self.assertRaises(UserError):
            self.env["ops.honour"].with_user(self.head_user).create(
                dict(vals, employee_id=self.head.id)
            )
        honour = self._honour()
        forged = self._forged(honour, self.head_user)
        with self.assertRaises(UserError):
            forged.write({"state": "approved"})
        with self.assertRaises(AccessError):
            forged.action_approve()
        honour.request_validation()
        with self.assertRaises(UserError):
            forged.action_approve()  # the nominator is no approver
        self.assertEqual(honour.state, "draft")
        honour.with_user(self.exec_user).validate_tier()
        self.assertEqual(honour.state, "approved")
        # Conferred: frozen, and only management revokes it.
        with self.assertRaises(UserError):
            forged.write({"reason": "Something else"})
        with self.assertRaises(AccessError):
            forged.action_cancel()
        self.env.invalidate_all()
        self.assertEqual(honour.reason, "Best sales")
        self.assertIs(honour.with_user(self.exec_user).action_cancel(), True)

    def test_nominee_never_approves_own_honour(self):
        honour = self._honour(self.exec_employee, self.hr_user)
        honour.request_validation()
        with self.assertRaises(UserError):
            honour.with_user(self.exec_user).validate_tier()
        self.assertEqual(honour.state, "draft")

    def test_improvement_plan_followed_by_others(self):
        # The head fails: HR scores, another HR approves (no self-approval).
        hr2_user = new_test_user(
            self.env, login="t_appr_hr2", groups="ops_base.group_ops_hr"
        )
        appraisal = self._appraisal(self.cycle, self.head)
        self._score(appraisal, [50] * 9, "self_score", self.head_user)
        appraisal.with_user(self.head_user).action_ops_submit_self_assessment()
        self._score(appraisal, [50] * 9, user=self.hr_user)
        appraisal.with_user(self.hr_user).action_ops_submit_approval()
        appraisal.with_user(hr2_user).validate_tier()
        plan = appraisal.ops_improvement_plan_ids
        self.assertEqual(len(plan), 1)
        # The head (a manager, with write access on plans) follows nobody's
        # plan of their own: no edit, no tick, no close, no state write.
        as_head = self._forged(plan, self.head_user)
        with self.assertRaises(AccessError):
            as_head.write({"outcome": "All good"})
        with self.assertRaises(AccessError):
            self._forged(plan.action_ids, self.head_user).write({"done": True})
        with self.assertRaises(AccessError):
            as_head.action_close()
        with self.assertRaises(AccessError):
            as_head.write({"state": "closed"})
        for user in (self.a_user, self.other_head_user, self.plain_user):
            with self.assertRaises(AccessError):
                self._forged(plan, user).action_cancel()
        self.env.invalidate_all()
        self.assertEqual(plan.state, "open")
        self.assertFalse(any(plan.action_ids.mapped("done")))
        # HR follows it.
        as_hr = plan.with_user(self.hr_user)
        with self.assertRaises(AccessError):
            as_hr.write({"state": "closed"})
        as_hr.action_ids.write({"done": True})
        as_hr.close_reason = "Coaching completed; no later cycle before leaving"
        self.assertIs(as_hr.action_close(), True)
        self.assertEqual(plan.state, "closed")
        with self.assertRaises(UserError):
            as_hr.action_close()


@tagged("post_install", "-at_install")
class TestAppraisalIntegrityRpc(AppraisalCase, HttpCase):
    """The same refusals over the real external API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._make_cycle(department_ids=[(6, 0, cls.dept.ids)])
        cls.cycle.action_start()

    def _call_kw(self, model, method, args, context=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    def _refused(self, exception_name, model, method, args):
        with self.assertRaises(JsonRpcException) as caught:
            self._call_kw(model, method, args, FORGED_CONTEXT)
        self.assertEqual(str(caught.exception), f"odoo.exceptions.{exception_name}")

    def test_json_rpc_forged_flow_key_refused(self):
        appraisal = self._appraisal(self.cycle, self.emp_a)
        line = appraisal.ops_line_ids[0]
        self.authenticate("t_appr_a", "t_appr_a")
        self._refused(
            "UserError",
            "hr.appraisal",
            "write",
            [appraisal.ids, {"ops_state": "published"}],
        )
        self._refused(
            "AccessError",
            "hr.appraisal",
            "write",
            [appraisal.ids, {"ops_base_bonus": 9}],
        )
        self._refused(
            "UserError",
            "ops.appraisal.line",
            "write",
            [line.ids, {"manager_score": 100}],
        )
        self.env.invalidate_all()
        self.assertEqual(appraisal.ops_state, "self_assessment")
        self.assertEqual(appraisal.ops_base_bonus, 1000.0)
        self.assertEqual(line.manager_score, 0)

    def test_xml_rpc_actions_return_marshallable_values(self):
        appraisal = self._publish(self._appraisal(self.cycle, self.emp_b), [80] * 9)
        uid = self.b_user.id
        result = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            uid,
            "t_appr_b",
            "hr.appraisal",
            "action_ops_acknowledge",
            [appraisal.ids],
        )
        self.assertIs(result, True)
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.ops_state, "acknowledged")

    def test_json_rpc_dismissal_cannot_skip_its_approvals(self):
        Measure = self.env["ops.disciplinary.measure"]
        vals = {
            "name": "Fraud",
            "employee_id": self.emp_b.id,
            "incident": "Forged a report.",
            "measure": "dismissal",
        }
        measure = Measure.with_user(self.head_user).create(vals)
        self.authenticate("t_appr_head", "t_appr_head")
        self._refused(
            "UserError",
            "ops.disciplinary.measure",
            "create",
            [dict(vals, name="Fraud 2", state="in_force")],
        )
        self._refused(
            "UserError",
            "ops.disciplinary.measure",
            "write",
            [measure.ids, {"state": "in_force"}],
        )
        self._refused(
            "AccessError",
            "ops.disciplinary.measure",
            "action_put_in_force",
            [measure.ids],
        )
        self.env.invalidate_all()
        self.assertEqual(measure.state, "draft")
        self.assertFalse(Measure.search([("name", "=", "Fraud 2")]))
