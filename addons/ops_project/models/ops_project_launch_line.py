# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class OpsProjectLaunchLine(models.Model):
    _name = "ops.project.launch.line"
    _description = "Launch Checklist Item"
    _order = "launch_id, id"

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

    def action_check(self):
        if self.launch_id.filtered(lambda launch: launch.state != "draft"):
            raise UserError(self.env._("This launch acceptance is closed."))
        self.write(
            {
                "done": True,
                "done_by_id": self.env.user.id,
                "done_on": fields.Datetime.now(),
            }
        )

    def action_uncheck(self):
        if self.launch_id.filtered(
            lambda launch: launch.state != "draft" or launch.review_ids
        ):
            raise UserError(
                self.env._("The acceptance is under review: the checklist is frozen.")
            )
        self.write({"done": False, "done_by_id": False, "done_on": False})
