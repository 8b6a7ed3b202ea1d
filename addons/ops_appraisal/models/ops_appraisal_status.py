# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .hr_appraisal import EMPLOYEE_VISIBLE_STATES, OPS_STATES


class OpsAppraisalStatus(models.Model):
    """Where the employee's own appraisal stands (考核进度), at every stage.

    While the manager scores and HR approves, the employee may not read the
    appraisal itself (record rules of ops_appraisal): this read-only view
    shows them its stage, their cycle and what comes next, never a score.
    """

    _name = "ops.appraisal.status"
    _description = "My Appraisal Status"
    _auto = False
    _order = "date_end desc, id desc"
    _rec_name = "cycle_id"
    # Flushed before the view is read (stage changes of the same request).
    _depends = {
        "hr.appraisal": ["employee_id", "ops_cycle_id", "company_id", "ops_state"],
        "hr.employee": ["user_id"],
        "ops.appraisal.cycle": ["date_end"],
    }

    appraisal_id = fields.Many2one("hr.appraisal", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    user_id = fields.Many2one("res.users", string="Employee User", readonly=True)
    cycle_id = fields.Many2one("ops.appraisal.cycle", readonly=True)
    date_end = fields.Date(string="Period End", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    ops_state = fields.Selection(OPS_STATES, string="Stage", readonly=True)
    status_message = fields.Char(compute="_compute_status_message")
    can_open = fields.Boolean(compute="_compute_status_message")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT a.id AS id,
                       a.id AS appraisal_id,
                       a.employee_id,
                       e.user_id,
                       a.ops_cycle_id AS cycle_id,
                       c.date_end,
                       a.company_id,
                       a.ops_state
                  FROM hr_appraisal a
                  JOIN hr_employee e ON e.id = a.employee_id
             LEFT JOIN ops_appraisal_cycle c ON c.id = a.ops_cycle_id
                 WHERE a.ops_cycle_id IS NOT NULL
            )
            """
        )

    @api.model
    def _ops_messages(self):
        return {
            "self_assessment": self.env._(
                "Your self-assessment is open: score every indicator, then "
                "submit it."
            ),
            "manager_review": self.env._(
                "Self-assessment submitted. Your manager is scoring it, then HR "
                "approves; you will be notified when the result is published."
            ),
            "published": self.env._(
                "Your result is published: read it and acknowledge it (or open "
                "a dispute)."
            ),
            "acknowledged": self.env._("You acknowledged the result: done."),
            "cancel": self.env._("This appraisal was cancelled."),
        }

    def _compute_status_message(self):
        messages = self._ops_messages()
        for status in self:
            status.status_message = messages.get(status.ops_state, "")
            status.can_open = status.ops_state in EMPLOYEE_VISIBLE_STATES

    def action_open_appraisal(self):
        """Open the appraisal itself where its employee may read it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_appraisal.hr_appraisal_action_ops"
        )
        form = self.env.ref("ops_appraisal.hr_appraisal_view_form_ops")
        action.update(
            {
                "res_id": self.appraisal_id.id,
                "view_mode": "form",
                "views": [(form.id, "form")],
            }
        )
        return action


# The employee's status notices belong with the status they describe (one
# concern per file), not in the appraisal's scoring rules.
class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def _ops_set_state(self, new_state, vals=None):
        res = super()._ops_set_state(new_state, vals)
        self._ops_notify_employee_status()
        return res

    def _ops_notify_employee_status(self):
        """After each step, tell the appraised employee where their appraisal
        stands, in their inbox: they cannot always read its chatter."""
        messages = self.env["ops.appraisal.status"]._ops_messages()
        for rec in self.sudo().filtered("employee_id.user_id"):
            text = messages.get(rec.ops_state)
            if not text:
                continue
            rec.message_notify(
                partner_ids=rec.employee_id.user_id.partner_id.ids,
                subject=self.env._(
                    "Your appraisal: %(stage)s",
                    stage=dict(
                        rec._fields["ops_state"]._description_selection(self.env)
                    ).get(rec.ops_state),
                ),
                body=text,
                model_description=self.env._("Appraisal"),
            )
        return True

    def action_ops_submit_self_assessment(self):
        super().action_ops_submit_self_assessment()
        # The employee stays on their status, with the banner saying what
        # happens next, instead of an appraisal list they no longer see.
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_appraisal.ops_appraisal_status_action"
        )
        if len(self) == 1:
            form = self.env.ref("ops_appraisal.ops_appraisal_status_view_form")
            action.update(
                {"res_id": self.id, "view_mode": "form", "views": [(form.id, "form")]}
            )
        return action
