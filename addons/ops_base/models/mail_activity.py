# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models


class MailActivity(models.Model):
    """Reminders and escalations of the suite's scheduled actions, in bulk.

    ``activity_schedule`` costs about fifteen queries and one assignment
    e-mail per activity: a cron escalating hundreds of records would send a
    mail storm and grow with the records. Here every activity of a run is
    created in one batch, an activity already open for the same record,
    type and person is not created twice (running twice creates nothing
    twice), and each person gets one message for the whole run. An activity
    due another day does not count: escalating once a day is the rule.
    """

    _inherit = "mail.activity"

    @api.model
    def _ops_schedule_batch(self, vals_list, notify_subject=None):
        """Create the activities of ``vals_list`` that are not open yet.

        Each dict needs ``res_model`` (or ``res_model_id``), ``res_id``,
        ``activity_type_id`` and ``user_id``. Returns the created activities.
        """
        IrModel = self.env["ir.model"].sudo()
        wanted = {}
        for vals in vals_list:
            vals = dict(vals)
            if "res_model" in vals:
                vals["res_model_id"] = IrModel._get_id(vals.pop("res_model"))
            vals.setdefault("date_deadline", fields.Date.context_today(self))
            # As activity_schedule does: activity_feedback/_unlink of the
            # record's flow only close automated activities.
            vals.setdefault("automated", True)
            key = (
                vals["res_model_id"],
                vals["res_id"],
                vals["activity_type_id"],
                vals["user_id"],
                fields.Date.to_date(vals["date_deadline"]),
            )
            if vals["user_id"] and key not in wanted:
                wanted[key] = vals
        if not wanted:
            return self.browse()
        Activity = self.sudo().with_context(active_test=False)
        open_keys = {
            (model.id, res_id, kind.id, user.id, deadline)
            for model, res_id, kind, user, deadline in Activity._read_group(
                [
                    ("res_model_id", "in", list({k[0] for k in wanted})),
                    ("res_id", "in", list({k[1] for k in wanted})),
                    ("activity_type_id", "in", list({k[2] for k in wanted})),
                    ("user_id", "in", list({k[3] for k in wanted})),
                    ("date_deadline", "in", list({k[4] for k in wanted})),
                    ("active", "=", True),
                ],
                [
                    "res_model_id",
                    "res_id",
                    "activity_type_id",
                    "user_id",
                    "date_deadline:day",
                ],
            )
        }
        todo = [vals for key, vals in wanted.items() if key not in open_keys]
        if not todo:
            return self.browse()
        # quick_update: no assignment e-mail per activity; one message per
        # person follows instead.
        activities = (
            self.sudo().with_context(mail_activity_quick_update=True).create(todo)
        )
        self._ops_notify_assignees(activities, notify_subject)
        return activities

    @api.model
    def _ops_notify_assignees(self, activities, subject=None):
        """One inbox message per assignee for a whole run of activities."""
        by_user = defaultdict(lambda: self.browse())
        for activity in activities:
            by_user[activity.user_id] |= activity
        subject = subject or self.env._("New operations activities")
        Thread = self.env["mail.thread"].sudo()
        for user, todo in by_user.items():
            if not user.active or user.share:
                continue
            lines = Markup("").join(
                Markup("<li>%s</li>") % (a.summary or a.res_name or "")
                for a in todo[:20]
            )
            more = len(todo) - 20
            if more > 0:
                lines += Markup("<li>%s</li>") % self.env._(
                    "... and %(count)s more", count=more
                )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "%(count)s activities are waiting for you:", count=len(todo)
                ),
                lines,
            )
            Thread.message_notify(
                partner_ids=user.partner_id.ids,
                subject=subject,
                body=body,
                model=todo[0].res_model,
                res_id=todo[0].res_id,
                record_name=subject,
            )
        return True


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _ops_log_notes(self, model, bodies):
        """Log internal notes in bulk: ``bodies`` maps a record id of
        ``model`` to the note's text. One INSERT for the whole run instead of
        a ``message_post`` (with its follower lookups) per record."""
        if not bodies:
            return self.browse()
        note = self.env.ref("mail.mt_note")
        author = self.env.user.partner_id
        _author_id, email_from = self.env["mail.thread"]._message_compute_author(
            author.id, raise_on_email=False
        )
        records = self.env[model].sudo().browse(list(bodies))
        # What mail.message would compute message by message, for all at once.
        reply_to = records._notify_get_reply_to(default=email_from)
        names = {record.id: record.display_name for record in records}
        return self.sudo().create(
            [
                {
                    "model": model,
                    "res_id": res_id,
                    "body": Markup("<p>%s</p>") % body,
                    "message_type": "notification",
                    "subtype_id": note.id,
                    "author_id": author.id,
                    "email_from": email_from,
                    "reply_to": reply_to.get(res_id) or email_from,
                    "record_name": names.get(res_id),
                }
                for res_id, body in bodies.items()
            ]
        )
