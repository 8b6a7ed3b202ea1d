# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_base.models.ops_guard import as_server, is_server


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
        ],
        required=True,
        default="other",
    )
    name = fields.Char(string="Item", required=True)
    done = fields.Boolean(string="Checked", readonly=True)
    done_by_id = fields.Many2one("res.users", string="Checked by", readonly=True)
    done_on = fields.Datetime(string="Checked on", readonly=True)
    note = fields.Char()

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

    @api.model_create_multi
    def create(self, vals_list):
        launch_ids = [vals["launch_id"] for vals in vals_list if vals.get("launch_id")]
        self._ops_check_open(self.env["ops.project.launch"].browse(launch_ids))
        return super().create(vals_list)

    def write(self, vals):
        launches = self.launch_id
        if vals.get("launch_id"):
            launches |= launches.browse(vals["launch_id"])
        self._ops_check_open(launches)
        return super().write(vals)

    def unlink(self):
        self._ops_check_open(self.launch_id)
        return super().unlink()

    def action_check(self):
        self._ops_check_open(self.launch_id)
        self.check_access("write")
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
        as_server(self).write({"done": False, "done_by_id": False, "done_on": False})
        return True
