# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phase deliverables: what each phase of the lifecycle must produce (market
research report, design review, test report...), configured per project kind
as data. A project moves on to its next phase only once the deliverables of
its current phase are attached and accepted by an operations manager (the
phase's approval)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_base.models.ops_guard import is_server

PROPOSAL_KINDS = [
    ("standard", "Standard"),
    ("non_standard", "Non-standard"),
    ("investment", "Investment"),
]


class OpsProjectDeliverableType(models.Model):
    _name = "ops.project.deliverable.type"
    _description = "Phase Deliverable"
    _order = "stage_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    stage_id = fields.Many2one(
        "project.project.stage", string="Phase", required=True, ondelete="cascade"
    )
    proposal_kind = fields.Selection(
        PROPOSAL_KINDS,
        string="Project Kind",
        help="Required only for projects of this kind; empty: for every project.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    @api.model
    def _ops_required(self, project, stage):
        """The deliverables ``project`` must produce in ``stage``."""
        kind = project.sudo().ops_proposal_id.kind
        return self.sudo().search(
            [
                ("stage_id", "=", stage.id),
                "|",
                ("proposal_kind", "=", False),
                ("proposal_kind", "=", kind or "standard"),
            ]
        )


class OpsProjectDeliverable(models.Model):
    _name = "ops.project.deliverable"
    _description = "Project Deliverable"
    _inherit = ["mail.thread", "ops.guarded.mixin"]
    _order = "project_id, stage_id, id"

    # The acceptance is the phase's approval: set by the server when an
    # operations manager accepts, never written by a client.
    _ops_server_fields = ("state", "accepted_by_id", "accepted_on")

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    type_id = fields.Many2one(
        "ops.project.deliverable.type", string="Deliverable", required=True
    )
    stage_id = fields.Many2one(related="type_id.stage_id", store=True)
    document = fields.Binary(attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    note = fields.Text()
    state = fields.Selection(
        [("draft", "To Accept"), ("accepted", "Accepted")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    accepted_by_id = fields.Many2one("res.users", readonly=True)
    accepted_on = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "project_type_uniq",
            "unique(project_id, type_id)",
            "Each deliverable is produced once per project.",
        ),
    ]

    def _ops_check_editable(self, projects):
        if is_server(self):
            return True
        # The project team attaches the documents: whoever may see the
        # project (its own rules decide), not only who may edit its settings.
        projects.check_access("read")
        accepted = self.filtered(lambda d: d.state == "accepted")
        if accepted:
            raise UserError(
                self.env._(
                    "“%(name)s” has been accepted: it cannot change any more.",
                    name=accepted[0].type_id.name,
                )
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        projects = self.env["project.project"].browse(
            [vals["project_id"] for vals in vals_list if vals.get("project_id")]
        )
        self._ops_check_editable(projects)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_editable(self.project_id)
        return super().write(vals)

    def unlink(self):
        self._ops_check_editable(self.project_id)
        return super().unlink()

    def action_accept(self):
        """The phase's approval of a deliverable: an operations manager who
        did not upload it accepts it."""
        if not self.env.user.has_group("ops_base.group_ops_manager"):
            raise AccessError(
                self.env._("Only an operations manager accepts a deliverable.")
            )
        self.check_access("read")
        for rec in self:
            if rec.state == "accepted":
                continue
            if not rec.document:
                raise UserError(
                    self.env._(
                        "Attach the document of “%(name)s” before accepting it.",
                        name=rec.type_id.name,
                    )
                )
            if rec.create_uid == self.env.user:
                raise UserError(
                    self.env._(
                        "You attached “%(name)s”: another operations manager "
                        "accepts it.",
                        name=rec.type_id.name,
                    )
                )
        self.filtered(lambda d: d.state != "accepted").sudo().write(
            {
                "state": "accepted",
                "accepted_by_id": self.env.user.id,
                "accepted_on": fields.Datetime.now(),
            }
        )
        return True
