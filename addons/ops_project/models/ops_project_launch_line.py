# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

# Test stages of the value-added product track (增值产品: 单元测试, 集成测试,
# 系统测试) and the compatibility test (兼容性测试): each is a test record,
# checked only with a passed result and its evidence.
TEST_KINDS = ("unit", "integration", "system", "compatibility")
# Items the technical department answers for (软件上线前需由技术部门进行功能和
# 性能的测试); the others belong to the project's own department.
TECHNICAL_KINDS = TEST_KINDS + ("functional", "security", "environment", "data")


class OpsProjectLaunchLine(models.Model):
    _name = "ops.project.launch.line"
    _inherit = ["ops.guarded.mixin"]
    _description = "Launch Checklist Item"
    _order = "launch_id, id"

    # Who checked what and when is evidence for the acceptance: only the
    # Check / Uncheck actions set it.
    _ops_server_fields = ("done", "done_by_id", "done_on")

    launch_id = fields.Many2one(
        "ops.project.launch", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(
        selection=[
            ("functional", "Functional and Performance Tests"),
            ("security", "Security Test"),
            ("compliance", "Compliance Review"),
            ("environment", "Environment Deployment"),
            ("data", "Data Migration"),
            ("training", "User Training"),
            ("other", "Other"),
            ("unit", "Unit Test"),
            ("integration", "Integration Test"),
            ("system", "System Test"),
            ("compatibility", "Compatibility Test"),
        ],
        required=True,
        default="other",
    )
    name = fields.Char(string="Item", required=True)
    done = fields.Boolean(string="Checked", readonly=True)
    done_by_id = fields.Many2one("res.users", string="Checked by", readonly=True)
    done_on = fields.Datetime(string="Checked on", readonly=True)
    note = fields.Char()
    # Value-added product track: each item belongs to a department, and only
    # that department checks it; tests carry their result and evidence.
    company_id = fields.Many2one(related="launch_id.company_id", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Assigned Department",
        index=True,
        help="Only members and managers of this department can check the item.",
    )
    is_test = fields.Boolean(compute="_compute_is_test")
    result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")],
        string="Test Result",
        copy=False,
    )
    evidence = fields.Binary(string="Test Evidence", attachment=True, copy=False)
    evidence_name = fields.Char(copy=False)

    @api.depends("kind")
    def _compute_is_test(self):
        for line in self:
            line.is_test = line.kind in TEST_KINDS

    def _ops_check_open(self, launches):
        """The checklist of an acceptance under review or accepted is what the
        reviewers approve: it no longer changes (the server's own flow aside)."""
        if is_server(self):
            return
        if launches.filtered(lambda launch: launch.state != "draft"):
            raise UserError(self.env._("This launch acceptance is closed."))
        if launches.filtered("review_ids"):
            raise UserError(
                self.env._("The acceptance is under review: the checklist is frozen.")
            )

    def _ops_check_assignment(self, vals):
        """Who answers for an item is the operations manager's choice: a user
        who could re-assign it to their own department could tick anything."""
        if is_server(self) or "department_id" not in vals:
            return
        if self and all(
            line.department_id.id == vals["department_id"] for line in self
        ):
            return
        if not self.env.user.has_group("ops_base.group_ops_manager"):
            raise AccessError(
                self.env._(
                    "Only an operations manager assigns a launch checklist item "
                    "to a department."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        launch_ids = [vals["launch_id"] for vals in vals_list if vals.get("launch_id")]
        self._ops_check_open(self.env["ops.project.launch"].browse(launch_ids))
        for vals in vals_list:
            if vals.get("department_id"):
                self.browse()._ops_check_assignment(vals)
        lines = super().create(vals_list)
        lines.filtered(lambda line: not line.department_id)._ops_assign_default()
        return lines

    def _ops_check_identity(self, vals):
        """An item is what it was created as, on the acceptance it was created
        for: re-typed, a ticked "other" item would count as a test without its
        record; moved, it would tick another project's checklist."""
        if is_server(self):
            return True
        for field in ("kind", "launch_id"):
            if field in vals and any(
                (line[field].id if field == "launch_id" else line[field]) != vals[field]
                for line in self
            ):
                raise UserError(
                    self.env._(
                        "A launch checklist item keeps its kind and its "
                        "acceptance: remove it and add a new one instead."
                    )
                )
        return True

    def write(self, vals):
        launches = self.launch_id
        if vals.get("launch_id"):
            launches |= launches.browse(vals["launch_id"])
        self._ops_check_open(launches)
        self._ops_check_identity(vals)
        self._ops_check_assignment(vals)
        # Re-assigned, an item is answered for again by its new department:
        # the former department's tick and test result do not carry over.
        moved = (
            self.filtered(lambda line: line.department_id.id != vals["department_id"])
            if "department_id" in vals
            else self.browse()
        )
        if not is_server(self) and {"result", "evidence"} & set(vals):
            # The test record is the department's evidence: only it fills
            # it in, and not under a tick already given.
            self._ops_check_department()
            if self.filtered("done"):
                raise UserError(
                    self.env._(
                        "Uncheck the item before changing its test result or "
                        "evidence."
                    )
                )
        res = super().write(vals)
        if moved:
            as_server(moved).write(
                {"done": False, "done_by_id": False, "done_on": False, "result": False}
            )
        return res

    def unlink(self):
        self._ops_check_open(self.launch_id)
        return super().unlink()

    def _ops_assign_default(self):
        """Technical items go to the company's technical department, the
        others to the project's department."""
        for line in self.sudo():
            launch = line.launch_id
            technical = launch.company_id.ops_technical_department_id
            if line.kind in TECHNICAL_KINDS and technical:
                department = technical
            else:
                department = launch.project_id.ops_department_id
            if department:
                as_server(line).department_id = department
        return True

    @api.model
    def _ops_user_departments(self, user):
        """Departments ``user`` belongs to or manages (with the ones below
        those they manage)."""
        Department = self.env["hr.department"].sudo()
        managed = Department.search([("manager_id.user_id", "=", user.id)])
        if managed:
            managed = Department.search([("id", "child_of", managed.ids)])
        return user.sudo().employee_ids.department_id | managed

    def _ops_check_department(self):
        """Only a member or a manager of the item's department answers for
        it, whatever the client sends."""
        if is_server(self):
            return True
        departments = self._ops_user_departments(self.env.user)
        for line in self.sudo():
            if line.department_id and line.department_id not in departments:
                raise AccessError(
                    self.env._(
                        "“%(item)s” is checked by %(department)s: only its "
                        "members and managers can answer for it.",
                        item=line.name,
                        department=line.department_id.display_name,
                    )
                )
        return True

    def _ops_check_test_evidence(self):
        for line in self.filtered("is_test"):
            if line.result != "pass" or not line.evidence:
                raise UserError(
                    self.env._(
                        "“%(item)s” is a test: record a passed result and attach "
                        "its evidence (test report) before checking it.",
                        item=line.name,
                    )
                )
        return True

    def action_check(self):
        self._ops_check_open(self.launch_id)
        self.check_access("write")
        self._ops_check_department()
        self._ops_check_test_evidence()
        as_server(self).write(
            {
                "done": True,
                "done_by_id": self.env.user.id,
                "done_on": fields.Datetime.now(),
            }
        )
        return True

    def action_uncheck(self):
        self._ops_check_open(self.launch_id)
        self.check_access("write")
        self._ops_check_department()
        as_server(self).write({"done": False, "done_by_id": False, "done_on": False})
        return True
