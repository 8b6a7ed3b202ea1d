# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProjectProject(models.Model):
    _inherit = "project.project"

    def _compute_next_milestone_id(self):
        # Odoo reads each project's next milestone from its own recordset, so
        # "can be marked as done" and "deadline exceeded" are computed one
        # milestone at a time (two queries per project of a list). Computing
        # them once for every open milestone of the list first fills the
        # cache that Odoo's loop then reads: same values, a constant number
        # of queries.
        if len(self) > 1:
            milestones = (
                self.env["project.milestone"]
                .sudo()
                .search([("project_id", "in", self.ids), ("is_reached", "=", False)])
            )
            milestones.mapped("can_be_marked_as_done")
            milestones.mapped("is_deadline_exceeded")
        return super()._compute_next_milestone_id()
