# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ops_guard import as_server, is_server

JOB_STATES = [
    ("wait_dependencies", "Waiting"),
    ("pending", "Queued"),
    ("enqueued", "Queued"),
    ("started", "Running"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
    ("failed", "Failed"),
]
RUNNING = ("wait_dependencies", "pending", "enqueued", "started")


class OpsBackgroundMixin(models.AbstractModel):
    """Long work a user starts (a cycle for thousands of employees, a report
    with its PDF) runs as a queue job (OCA queue_job), on whichever Odoo
    server runs the job runner: the request returns at once, the record
    shows the job's progress, and the user is told the result in Odoo.
    """

    _name = "ops.background.mixin"
    _description = "Operations work in the background"

    ops_job_uuid = fields.Char(string="Background Job", readonly=True, copy=False)
    ops_job_description = fields.Char(
        string="Background Work", readonly=True, copy=False
    )
    ops_job_state = fields.Selection(
        JOB_STATES, string="Background Status", compute="_compute_ops_job_state"
    )

    def write(self, vals):
        if not is_server(self) and {"ops_job_uuid", "ops_job_description"} & set(vals):
            raise AccessError(
                self.env._("The background work of a record is set by the system.")
            )
        return super().write(vals)

    @api.depends("ops_job_uuid")
    def _compute_ops_job_state(self):
        uuids = [uuid for uuid in self.mapped("ops_job_uuid") if uuid]
        states = {}
        if uuids:
            jobs = self.env["queue.job"].sudo().search([("uuid", "in", uuids)])
            states = {job.uuid: job.state for job in jobs}
        for rec in self:
            rec.ops_job_state = states.get(rec.ops_job_uuid) or False

    def _ops_check_not_running(self):
        for rec in self:
            if rec.ops_job_state in RUNNING:
                raise UserError(
                    self.env._(
                        "“%(record)s” is already being worked on in the "
                        "background (%(work)s); wait for it to finish.",
                        record=rec.display_name,
                        work=rec.ops_job_description or "",
                    )
                )

    def _ops_enqueue(self, method, description, *args):
        """Run ``self.<method>(*args)`` as a job of the current user.

        ``method`` must be a private method of the model (the job runs it
        with the user's rights, after the action checked them). Returns a
        notification action for the button that started it.
        """
        self._ops_check_not_running()
        job = (
            self.with_context(ops_job_description=description)
            .with_delay(description=description, channel="root.ops")
            ._ops_job_run(method, *args)
        )
        if self:
            as_server(self.sudo()).write(
                {"ops_job_uuid": job.uuid, "ops_job_description": description}
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(work)s runs in the background; you will be notified "
                    "in Odoo when it is done.",
                    work=description,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _ops_run_or_enqueue(self, method, description, size, *args):
        """Run small work at once, and work on more than
        ``ops_base.background_threshold`` records (200) in the background."""
        threshold = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("ops_base.background_threshold", 200)
        )
        if size > threshold:
            return self._ops_enqueue(method, description, *args)
        getattr(self, method)(*args)
        return True

    def _ops_job_run(self, method, *args):
        if not method.startswith("_ops_"):
            raise UserError(self.env._("This work cannot run in the background."))
        result = getattr(self, method)(*args)
        self._ops_job_notify(result if isinstance(result, str) else None)
        return result if isinstance(result, str | int | float | bool) else True

    def _ops_job_notify(self, outcome=None):
        """Tell the user who started the work that it is done (and how, when
        the work returns a sentence)."""
        description = self.env.context.get("ops_job_description") or (
            self[:1].ops_job_description or ""
        )
        text = self.env._("Done: %(work)s", work=description)
        if outcome:
            text = f"{text}. {outcome}"
        for rec in self:
            if hasattr(rec, "message_post"):
                rec.sudo().message_post(
                    body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
                )
        user = self.env.user
        if not user.share:
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                body=Markup("<p>%s</p>") % text,
                subject=description,
                model=self._name if self and not self._transient else False,
                res_id=self[:1].id if not self._transient else False,
            )
        return True
