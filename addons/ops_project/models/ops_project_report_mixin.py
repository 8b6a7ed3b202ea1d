# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the monthly and the investment reports share: the Excel and PDF
files kept as attachments, and the commentary the operations manager writes
before the report is sent to senior management (built -> commented -> sent).
"""

import base64

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty

from odoo.addons.ops_base.models.ops_guard import as_server, is_server

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a user (not the server) may write on a report: its commentary. The
# figures, the files and the state are the server's.
CLIENT_FIELDS = {"commentary", "message_main_attachment_id"}


class OpsProjectReportMixin(models.AbstractModel):
    _name = "ops.project.report.mixin"
    _description = "Operations report sent to senior management"

    # Report actions rendering the files (xmlids), set by each report model.
    _ops_xlsx_report = None
    _ops_pdf_report = None

    state = fields.Selection(
        [
            ("draft", "Being Built"),
            ("built", "Built"),
            ("commented", "Commented"),
            ("sent", "Sent"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    commentary = fields.Html(
        help="The operations manager's assessment of the period, written before "
        "the report is sent to senior management.",
    )
    sent_on = fields.Datetime(readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True)
    xlsx_attachment_id = fields.Many2one(
        "ir.attachment", string="Excel File", readonly=True, copy=False
    )
    pdf_attachment_id = fields.Many2one(
        "ir.attachment", string="PDF File", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not is_server(self):
            raise AccessError(
                self.env._("Reports are built by the system, not created by hand.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not is_server(self):
            self._ops_check_client_write(vals)
        result = super().write(vals)
        if "commentary" in vals and not is_server(self):
            # Writing the commentary is what makes the report ready to send.
            as_server(self.sudo()).write({"state": "commented"})
        return result

    def _ops_check_client_write(self, vals):
        outside = set(vals) - CLIENT_FIELDS
        if outside:
            raise AccessError(
                self.env._(
                    "The figures and files of a report are built by the system; "
                    "only its commentary can be written."
                )
            )
        if "commentary" in vals:
            self._ops_check_manager()
            for rec in self:
                if rec.state not in ("built", "commented"):
                    raise UserError(
                        self.env._(
                            "The commentary of “%(name)s” can be written once the "
                            "report is built and until it is sent.",
                            name=rec.name,
                        )
                    )
        return True

    def _ops_check_manager(self):
        if not (self.env.su or self.env.user.has_group("ops_base.group_ops_manager")):
            raise AccessError(
                self.env._(
                    "Only an operations manager writes the commentary of a "
                    "report and sends it."
                )
            )
        return True

    # ------------------------------------------------------------------
    # Files
    # ------------------------------------------------------------------
    def _ops_store_files(self):
        """Render the XLSX and the PDF of each report and keep them as its two
        attachments: a rebuild overwrites them, it never adds more."""
        Report = self.env["ir.actions.report"].sudo()
        Attachment = self.env["ir.attachment"].sudo()
        pdf_action = self.env.ref(self._ops_pdf_report).sudo()
        xlsx_action = self.env.ref(self._ops_xlsx_report).sudo()
        for rec in self.sudo():
            xlsx, _kind = Report._render(xlsx_action.report_name, rec.ids, {})
            pdf, _kind = Report._render_qweb_pdf(pdf_action, rec.ids)
            for field, content, extension, mimetype in (
                ("xlsx_attachment_id", xlsx, "xlsx", XLSX_MIMETYPE),
                ("pdf_attachment_id", pdf, "pdf", "application/pdf"),
            ):
                vals = {
                    "name": f"{rec.name}.{extension}",
                    "datas": base64.b64encode(content),
                    "mimetype": mimetype,
                    "res_model": rec._name,
                    "res_id": rec.id,
                }
                if rec[field]:
                    rec[field].write(vals)
                else:
                    rec[field] = Attachment.create(vals)
        return True

    def _ops_after_build(self):
        """A freshly built report waits for its commentary; a rebuilt one
        keeps the commentary already written."""
        self.filtered(lambda r: r.state == "draft").sudo().write({"state": "built"})
        return True

    def _ops_check_not_sent(self):
        sent = self.filtered(lambda r: r.state == "sent")
        if sent:
            raise UserError(
                self.env._(
                    "“%(name)s” has been sent to senior management: it is not "
                    "rebuilt any more.",
                    name=sent[0].name,
                )
            )
        return True

    @api.model
    def _ops_check_can_build(self, companies):
        """Building reads every project of the company as the server: only
        executives may, and only for companies they work in (the button's
        ``groups`` in the view is no protection against an RPC call)."""
        if self.env.su:
            return True
        if not self.env.user.has_group("ops_base.group_ops_executive"):
            raise AccessError(
                self.env._("Only senior management can build the report.")
            )
        outside = companies - self.env.user.company_ids
        if outside:
            raise AccessError(
                self.env._(
                    "You cannot build the report of %(companies)s.",
                    companies=", ".join(outside.mapped("name")),
                )
            )
        return True

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def action_ops_send(self):
        """Send the report, with its files and commentary, to senior
        management. The commentary is required: the regulations make the
        operations manager's assessment part of the report."""
        self._ops_check_manager()
        self.check_access("read")
        for rec in self:
            if rec.state == "sent":
                raise UserError(
                    self.env._("“%(name)s” has already been sent.", name=rec.name)
                )
            if rec.state != "commented" or is_html_empty(rec.commentary):
                raise UserError(
                    self.env._(
                        "Write the commentary of “%(name)s” before sending it.",
                        name=rec.name,
                    )
                )
            if not (rec.xlsx_attachment_id and rec.pdf_attachment_id):
                raise UserError(
                    self.env._(
                        "“%(name)s” has no files yet: wait for its build to finish.",
                        name=rec.name,
                    )
                )
        self._ops_send_to_executives()
        as_server(self.sudo()).write(
            {
                "state": "sent",
                "sent_on": fields.Datetime.now(),
                "sent_by_id": self.env.user.id,
            }
        )
        return True

    def _ops_send_to_executives(self):
        group = self.env.ref("ops_base.group_ops_executive")
        for rec in self.sudo():
            partners = group.users.filtered(
                lambda u, rec=rec: rec.company_id in u.company_ids
            ).partner_id
            rec.message_post(
                body=Markup("<p>%s</p>%s")
                % (
                    self.env._("The report %(name)s is ready.", name=rec.name),
                    rec.commentary or "",
                ),
                partner_ids=partners.ids,
                attachment_ids=(rec.xlsx_attachment_id | rec.pdf_attachment_id).ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _ops_ask_commentary(self):
        """Ask the operations managers of each report's company, once, to
        write the commentary (one batch of activities for all reports)."""
        group = self.env.ref("ops_base.group_ops_manager")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        vals_list = []
        for rec in self.filtered(lambda r: r.state == "built"):
            for user in group.users.filtered(
                lambda u, rec=rec: rec.company_id in u.company_ids and not u.share
            ):
                vals_list.append(
                    {
                        "res_model": rec._name,
                        "res_id": rec.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": self.env._("Write the commentary and send"),
                    }
                )
        self.env["mail.activity"]._ops_schedule_batch(
            vals_list, self.env._("Reports waiting for your commentary")
        )
        return True
