# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProjectTask(models.Model):
    _inherit = "project.task"

    def write(self, vals):
        # Read before super(): only the tasks whose state really changes move
        # their demand (saving a done task again is not a second completion).
        # Odoo changes a task's state only through ``state`` in vals: the
        # stage compute never closes nor reopens a task, and the reset it does
        # when a task changes project is itself a write of ``state``.
        before = {}
        if "state" in vals:
            before = {
                task.id: task.state
                for task in self.sudo()
                if task.state != vals["state"]
            }
        res = super().write(vals)
        if before:
            self.env["ops.demand"].sudo().search(
                [("task_id", "in", list(before))]
            )._ops_follow_task(self.env, before)
        return res
