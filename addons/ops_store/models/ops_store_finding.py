# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class OpsStoreFinding(models.Model):
    """A supervision finding and its corrective action, followed until the
    supervisor closes it; overdue ones are escalated once a day."""

    _name = "ops.store.finding"
    _description = "Store Supervision Finding"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "deadline, id"
    _check_company_auto = True

    _ops_server_fields = ("state", "escalated_on", "closed_date", "corrected_date")

    name = fields.Char(string="Finding", required=True, tracking=True)
    visit_id = fields.Many2one("ops.store.visit", index=True, ondelete="cascade")
    store_id = fields.Many2one(
        "ops.store", required=True, index=True, check_company=True, tracking=True
    )
    region_id = fields.Many2one(related="store_id.region_id", store=True)
    company_id = fields.Many2one(related="store_id.company_id", store=True)
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        help="Who corrects the finding in the store.",
    )
    deadline = fields.Date(required=True, tracking=True)
    corrective_action = fields.Text(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("corrected", "Corrected"), ("closed", "Closed")],
        default="open",
        readonly=True,
        tracking=True,
        index=True,
    )
    corrected_date = fields.Datetime(readonly=True)
    closed_date = fields.Datetime(readonly=True)
    escalated_on = fields.Date(
        readonly=True, help="Last day the overdue finding was escalated."
    )
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("visit_id") and not vals.get("store_id"):
                vals["store_id"] = (
                    self.env["ops.store.visit"].browse(vals["visit_id"]).store_id.id
                )
        return super().create(vals_list)

    # What the finding's owner (store staff) may write: the rest (deadline,
    # owner, store...) is the supervisor's.
    _ops_owner_fields = {"corrective_action", "message_main_attachment_id"}

    def write(self, vals):
        user = self.env.user
        if (
            not self.env.su
            and set(vals) - self._ops_owner_fields
            and not user.has_group("ops_store.group_ops_store_regional")
            and not user.has_group("ops_store.group_ops_store_merchandiser")
        ):
            raise AccessError(
                self.env._(
                    "Store staff record the corrective action of a finding; its "
                    "deadline, owner and description are the supervisor's."
                )
            )
        return super().write(vals)

    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.overdue = finding.state == "open" and finding.deadline < today

    def _search_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "=", "open"), ("deadline", "<", today)]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    def action_corrected(self):
        """The owner reports the corrective action done."""
        for finding in self:
            if self.env.user != finding.owner_id and not self.env.user.has_group(
                "ops_store.group_ops_store_manager"
            ):
                raise AccessError(
                    self.env._(
                        "Only the owner reports “%(finding)s” corrected.",
                        finding=finding.name,
                    )
                )
            if finding.state != "open":
                raise UserError(
                    self.env._("“%(finding)s” is not open.", finding=finding.name)
                )
            if not finding.corrective_action:
                raise UserError(self.env._("Describe the corrective action taken."))
        self.sudo().write(
            {"state": "corrected", "corrected_date": fields.Datetime.now()}
        )
        return True

    def action_close(self):
        """The supervisor checks the correction and closes the finding."""
        self._ops_check_supervisor()
        for finding in self:
            if finding.state != "corrected":
                raise UserError(
                    self.env._(
                        "“%(finding)s” is closed once its owner has reported it "
                        "corrected.",
                        finding=finding.name,
                    )
                )
        self.sudo().write({"state": "closed", "closed_date": fields.Datetime.now()})
        return True

    def action_reopen(self):
        """The supervisor finds the correction insufficient."""
        for finding in self:
            if finding.state != "corrected":
                raise UserError(
                    self.env._("“%(finding)s” is not corrected.", finding=finding.name)
                )
        self._ops_check_supervisor()
        self.sudo().write({"state": "open"})
        return True

    def _ops_check_supervisor(self):
        for finding in self:
            supervisor = (
                finding.visit_id.user_id | finding.company_id.ops_store_supervisor_id
            )
            if self.env.user not in supervisor and not self.env.user.has_group(
                "ops_store.group_ops_store_manager"
            ):
                raise AccessError(
                    self.env._(
                        "Only the supervisor decides on “%(finding)s”.",
                        finding=finding.name,
                    )
                )
        return True

    @api.model
    def _cron_escalate_overdue(self, limit=5000):
        """Once a day, each overdue finding is escalated to the store's
        regional manager (or the management department director): one
        search, one activity create, one write, whatever the count."""
        today = fields.Date.context_today(self)
        findings = self.sudo().search(
            [
                ("state", "=", "open"),
                ("deadline", "<", today),
                "|",
                ("escalated_on", "=", False),
                ("escalated_on", "<", today),
            ],
            limit=limit,
        )
        if not findings:
            return True
        activity_type = self.env.ref("ops_store.activity_finding_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for finding in findings:
            user = finding.store_id.reports_to_id
            if not user:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": finding.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Overdue corrective action: %(finding)s (%(store)s)",
                        finding=finding.name,
                        store=finding.store_id.name,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)
        findings.write({"escalated_on": today})
        return True
