# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsServiceTaskWizard(models.TransientModel):
    _name = "ops.service.task.wizard"
    _description = "Send a Ticket to the Product Team"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    project_id = fields.Many2one("project.project", required=True)
    name = fields.Char(string="Task Title", required=True)
    description = fields.Html()

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ticket = self.env["helpdesk.ticket"].browse(res.get("ticket_id"))
        if ticket:
            res.setdefault("name", ticket.name)
            res.setdefault("description", ticket.description)
            if ticket.project_id:
                res.setdefault("project_id", ticket.project_id.id)
        return res

    def action_create_task(self):
        self.ensure_one()
        ticket = self.ticket_id
        if ticket.service_kind not in ("feedback", "fault"):
            raise UserError(
                self.env._(
                    "Only feedback and fault tickets are sent to the product team."
                )
            )
        if ticket.task_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is already linked to task %(task)s.",
                    ticket=ticket.display_name,
                    task=ticket.task_id.display_name,
                )
            )
        task = self.env["project.task"].create(
            {
                "name": self.name,
                "project_id": self.project_id.id,
                "description": self.description,
                "partner_id": ticket.partner_id.id,
            }
        )
        ticket.write({"project_id": self.project_id.id, "task_id": task.id})
        task.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": task, "origin": ticket},
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }
