# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import as_server


class OpsMeeting(models.Model):
    """A recurring department meeting (每周部门例会) or project
    communication meeting: a weekly calendar recurrence whose occurrences
    each get their minutes (会议纪要)."""

    _name = "ops.meeting"
    _description = "Recurring Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "id desc"
    _ops_server_fields = ("event_id",)

    name = fields.Char(required=True, tracking=True)
    meeting_type = fields.Selection(
        selection=[
            ("weekly", "Weekly Department Meeting"),
            ("project", "Project Communication Meeting"),
        ],
        string="Type",
        required=True,
        default="weekly",
    )
    department_id = fields.Many2one("hr.department")
    organizer_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        help="Writes the minutes; reminded once when minutes are missing.",
    )
    attendee_ids = fields.Many2many("res.users", string="Attendees")
    first_start = fields.Datetime(string="First Meeting", required=True)
    duration = fields.Float(default=1.0, help="In hours.")
    weeks = fields.Integer(
        string="Number of Meetings", default=52, help="Occurrences of the recurrence."
    )
    event_id = fields.Many2one(
        "calendar.event", string="Calendar Event", readonly=True, copy=False
    )
    minutes_ids = fields.One2many("ops.meeting.minutes", "meeting_id")
    minutes_delay = fields.Integer(
        string="Minutes Due After (hours)",
        default=24,
        help="After this delay a meeting without published minutes raises one "
        "activity for the organizer.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    def _ops_check_organizer(self):
        if self.env.su or self.env.user.has_group("ops_base.group_ops_manager"):
            return True
        for meeting in self:
            if meeting.organizer_id != self.env.user:
                raise AccessError(
                    self.env._("Only the organizer or a manager may do this.")
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._ops_check_organizer()
        meetings._ops_create_events()
        return meetings

    def write(self, vals):
        # Attendees read the meeting; the organizer (or a manager) runs it.
        self._ops_check_organizer()
        return super().write(vals)

    def _ops_create_events(self):
        """The weekly recurrence in the calendar, with the attendees."""
        Event = self.env["calendar.event"].with_context(
            no_mail_to_attendees=True, mail_create_nolog=True
        )
        for meeting in self:
            start = meeting.first_start
            weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[start.weekday()]
            partners = (meeting.attendee_ids | meeting.organizer_id).partner_id
            event = Event.create(
                {
                    "name": meeting.name,
                    "start": start,
                    "stop": start + timedelta(hours=meeting.duration or 1.0),
                    "user_id": meeting.organizer_id.id,
                    "partner_ids": [Command.set(partners.ids)],
                    "recurrency": True,
                    "rrule_type": "weekly",
                    "interval": 1,
                    "end_type": "count",
                    "count": max(1, meeting.weeks),
                    weekday: True,
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": meeting.id,
                }
            )
            as_server(meeting).write({"event_id": event.id})
        return True

    def _ops_occurrences(self):
        self.ensure_one()
        event = self.sudo().event_id
        if not event:
            return self.env["calendar.event"]
        return event.recurrence_id.calendar_event_ids or event

    @api.model
    def _cron_missing_minutes(self):
        """Each past occurrence without published minutes gets draft minutes
        and ONE activity for the organizer (the draft marks it as done)."""
        now = fields.Datetime.now()
        Minutes = self.env["ops.meeting.minutes"].sudo()
        for meeting in self.sudo().search([("event_id", "!=", False)]):
            limit = now - timedelta(hours=meeting.minutes_delay)
            done = set(meeting.minutes_ids.mapped("event_id").ids)
            for occurrence in meeting._ops_occurrences():
                if occurrence.stop > limit or occurrence.id in done:
                    continue
                minutes = Minutes.create(
                    {
                        "meeting_id": meeting.id,
                        "event_id": occurrence.id,
                        "date": occurrence.start,
                    }
                )
                minutes.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Write the minutes of %(meeting)s", meeting=meeting.name
                    ),
                    user_id=meeting.organizer_id.id,
                )
        return True


class OpsMeetingMinutes(models.Model):
    """The minutes of one occurrence: content, decisions and action items;
    publishing them assigns each action item as an activity."""

    _name = "ops.meeting.minutes"
    _description = "Meeting Minutes"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.guarded.mixin"]
    _order = "date desc, id desc"
    _ops_server_fields = ("state", "published_date")

    meeting_id = fields.Many2one(
        "ops.meeting", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(compute="_compute_name", store=True)
    event_id = fields.Many2one("calendar.event", string="Occurrence", index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    content = fields.Html(string="Minutes")
    item_ids = fields.One2many(
        "ops.meeting.item", "minutes_id", string="Decisions and Actions"
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    published_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)

    _sql_constraints = [
        (
            "event_unique",
            "UNIQUE(meeting_id, event_id)",
            "An occurrence of a meeting has one set of minutes.",
        ),
    ]

    @api.depends("meeting_id.name", "date")
    def _compute_name(self):
        for minutes in self:
            day = fields.Date.to_string(minutes.date.date()) if minutes.date else ""
            minutes.name = f"{minutes.meeting_id.name or ''} {day}"

    def write(self, vals):
        if not self.env.su and any(m.state == "published" for m in self):
            if set(vals) - {"message_follower_ids"}:
                raise UserError(self.env._("Published minutes are no longer edited."))
        return super().write(vals)

    def action_publish(self):
        self.meeting_id._ops_check_organizer()
        for minutes in self:
            if minutes.state != "draft":
                raise UserError(self.env._("These minutes are already published."))
            if not minutes.content and not minutes.item_ids:
                raise UserError(self.env._("Write the minutes before publishing them."))
            # The reminder of the missing minutes (the only activity on
            # draft minutes) is done.
            minutes.sudo().activity_ids.action_feedback(
                feedback=self.env._("Minutes published")
            )
            for item in minutes.item_ids.filtered(
                lambda i: i.kind == "action" and i.user_id
            ):
                minutes.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=item.deadline or fields.Date.context_today(self),
                    summary=item.name,
                    user_id=item.user_id.id,
                )
            as_server(minutes).write(
                {"state": "published", "published_date": fields.Datetime.now()}
            )
        return True


class OpsMeetingItem(models.Model):
    _name = "ops.meeting.item"
    _description = "Meeting Decision or Action Item"
    _order = "minutes_id, sequence, id"

    minutes_id = fields.Many2one(
        "ops.meeting.minutes", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=[("decision", "Decision"), ("action", "Action Item")],
        required=True,
        default="action",
    )
    name = fields.Char(string="Description", required=True)
    user_id = fields.Many2one("res.users", string="Assigned To")
    deadline = fields.Date()
    company_id = fields.Many2one(related="minutes_id.company_id", store=True)

    def _ops_check_draft(self):
        if not self.env.su and any(
            item.minutes_id.state == "published" for item in self
        ):
            raise UserError(self.env._("Published minutes are no longer edited."))

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._ops_check_draft()
        return items

    def write(self, vals):
        self._ops_check_draft()
        res = super().write(vals)
        self._ops_check_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._ops_check_draft()
