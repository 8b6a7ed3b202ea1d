# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

# External ids of the per-company copies of the module's kinds and SLA
# policies: ops_service.company_<id>_<template external id>.
COPY_PREFIX = "company_"


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_service_manager_id = fields.Many2one(
        "res.users",
        string="Customer Service Manager",
        help="Second escalation level: tickets still overdue after the team "
        "leader was alerted are escalated to this person.",
    )
    ops_service_escalation_hours = fields.Integer(
        string="Hours Before Second Escalation",
        default=4,
        help="Hours after the escalation to the team leader before an overdue "
        "ticket is escalated to the customer service manager.",
    )
    ops_service_revisit_days = fields.Integer(
        string="Complaint Revisit Delay (days)",
        default=3,
        help="A revisit (回访) is planned this many days after a complaint closes.",
    )

    _sql_constraints = [
        (
            "ops_service_escalation_hours_positive",
            "CHECK(ops_service_escalation_hours >= 0)",
            "The delay before the second escalation cannot be negative.",
        ),
        (
            "ops_service_revisit_days_positive",
            "CHECK(ops_service_revisit_days >= 0)",
            "The revisit delay cannot be negative.",
        ),
    ]

    # --- Per-company defaults (kinds and SLA matrix) --------------------------
    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._ops_service_create_defaults()
        return companies

    @api.model
    def _ops_service_install_defaults(self):
        """Give every company the suite's service kinds and SLA matrix.

        Called by the module's data at install and at each upgrade; new
        companies get theirs in ``create``. The records of the module's data
        are the templates: they belong to the main company (data from before
        per-company defaults shared them between all companies).
        """
        main = self.env.ref("base.main_company")
        for model in ("helpdesk.ticket.category", "helpdesk.sla"):
            shared = self._ops_service_templates(model).filtered(
                lambda r: not r.company_id
            )
            shared.write({"company_id": main.id})
        # Every company, archived ones included, once per install or upgrade.
        companies = self.sudo().with_context(active_test=False)
        companies.search([])._ops_service_create_defaults()  # pylint: disable=no-search-all
        return True

    @api.model
    def _ops_service_template_data(self, model):
        """The module's own data records of ``model`` (not the copies)."""
        return (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "ops_service"), ("model", "=", model)])
            .filtered(lambda d: not d.name.startswith(COPY_PREFIX))
        )

    @api.model
    def _ops_service_templates(self, model):
        data = self._ops_service_template_data(model)
        return (
            self.env[model]
            .sudo()
            .with_context(active_test=False)
            .browse(data.mapped("res_id"))
            .exists()
        )

    def _ops_service_copy(self, template, xml_name, default):
        """Copy ``template`` for this company under an external id of the
        module: upgrades keep it (noupdate), uninstalling the module removes
        it with the templates, and a reinstall creates it again."""
        self.ensure_one()
        xmlid = f"ops_service.{COPY_PREFIX}{self.id}_{xml_name}"
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if record:
            return record
        record = template.copy(default)
        self.env["ir.model.data"].sudo()._update_xmlids(
            [{"xml_id": xmlid, "record": record, "noupdate": True}]
        )
        return record

    @api.model
    def _ops_service_copy_translations(self, langs):
        """Give each company's copy of a template kind or SLA policy the
        translations of its template: a language installed after the copies
        were made translates the templates only (their external ids are the
        ones in the .po files)."""
        copies = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [("module", "=", "ops_service"), ("name", "=like", COPY_PREFIX + "%")]
            )
        )
        for data in copies:
            xml_name = data.name[len(COPY_PREFIX) :].split("_", 1)[-1]
            template = self.env.ref(f"ops_service.{xml_name}", raise_if_not_found=False)
            record = self.env[data.model].sudo().browse(data.res_id).exists()
            if not template or not record or template._name != record._name:
                continue
            for fname, field in record._fields.items():
                if field.translate is True and field.store:
                    record.update_field_translations(
                        fname,
                        {
                            lang: template.with_context(lang=lang)[fname]
                            for lang in langs
                            if lang != "en_US"
                        },
                    )
        return True

    def _ops_service_create_defaults(self):
        """Copy the template kinds and SLA policies to these companies.

        Idempotent: a company that already has a top-level category of a kind,
        or an SLA policy for a kind, priority and type, keeps its own.
        """
        env = self.env(
            context=dict(
                self.env.context,
                active_test=False,
                tracking_disable=True,
                mail_create_nolog=True,
            ),
            su=True,
        )
        Company = env["res.company"]
        names = {}
        for model in ("helpdesk.ticket.category", "helpdesk.sla"):
            for data in Company._ops_service_template_data(model):
                names[(model, data.res_id)] = data.name
        templates = Company._ops_service_templates("helpdesk.ticket.category").filtered(
            "service_kind"
        )
        slas = Company._ops_service_templates("helpdesk.sla")
        Category = env["helpdesk.ticket.category"]
        Sla = env["helpdesk.sla"]
        for company in self.with_env(env):
            categories = {}
            for template in templates:
                if template.company_id == company:
                    categories[template] = template
                    continue
                categories[template] = Category.search(
                    [
                        ("company_id", "=", company.id),
                        ("service_kind", "=", template.service_kind),
                        ("parent_id", "=", False),
                    ],
                    limit=1,
                ) or company._ops_service_copy(
                    template,
                    names[(template._name, template.id)],
                    {"company_id": company.id},
                )
            for template in slas:
                if template.company_id == company:
                    continue
                category_ids = [
                    categories[c].id for c in template.category_ids if c in categories
                ]
                if not category_ids or Sla.search_count(
                    [
                        ("company_id", "=", company.id),
                        ("sla_type", "=", template.sla_type),
                        ("ticket_priority", "=", template.ticket_priority),
                        ("category_ids", "in", category_ids),
                    ],
                    limit=1,
                ):
                    continue
                company._ops_service_copy(
                    template,
                    names[(template._name, template.id)],
                    {
                        "company_id": company.id,
                        "category_ids": [Command.set(category_ids)],
                        # Teams are the template company's own.
                        "team_ids": [Command.clear()],
                    },
                )
