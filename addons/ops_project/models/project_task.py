# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProjectTask(models.Model):
    _inherit = "project.task"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "1_done":
            # The task of a demand is its work: finishing it moves the demand
            # on to its requester's evaluation.
            self.env["ops.demand"].sudo().search(
                [
                    ("task_id", "in", self.ids),
                    ("state", "in", ("allocated", "in_progress")),
                ]
            )._ops_mark_done()
        return res
