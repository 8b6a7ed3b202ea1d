# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load the suite's Chinese for the OCA modules it builds on.

The OCA dependencies (base_tier_validation, helpdesk_mgmt, hr_appraisal_oca...)
ship no or partial zh_CN / zh_TW. The suite ships them in
``ops_base/i18n_oca/<module>/<lang>.po``: every time Odoo loads the terms of
installed modules (language installed, "Update Terms", ``-u``,
``--load-language``), this also imports those files. A ``.po`` model term
names the xmlid of its record (``helpdesk_mgmt.field_helpdesk_ticket__...``),
so one file can target another module's records. Existing translations are
kept: only terms that are still untranslated get the suite's wording, so an
upstream translation or a user's own correction is never overwritten.
Code terms (Python ``_()``, JS/OWL) are served by ``code_translations.py``.
"""

import logging

from odoo import api, models
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter

_logger = logging.getLogger(__name__)

OCA_I18N_DIR = "ops_base/i18n_oca"
# The modules whose terms the suite ships, in dependency order: the OCA
# dependencies, and the few terms Odoo's own modules leave in English on the
# Operations screens (project, account_edi_ubl_cii on the brand/partner form).
SHIPPED_MODULES = (
    "project",
    "account_edi_ubl_cii",
    "partner_stage",
    "base_tier_validation",
    "base_tier_validation_forward",
    "partner_tier_validation",
    "brand",
    "report_xlsx",
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_project",
    "helpdesk_mgmt_rating",
    "hr_appraisal_oca",
    "hr_course",
    "hr_expense_tier_validation",
    "purchase_request",
    "purchase_request_tier_validation",
    "stock_request",
    "stock_request_tier_validation",
    "sale_tier_validation",
    "purchase_tier_validation",
    "agreement",
    "agreement_legal",
    "mgmtsystem",
    "mgmtsystem_audit",
    "maintenance",
)


# Chinese variants the suite has no file of read the nearest one.
LANG_FALLBACK = {"zh_HK": "zh_TW", "zh_MO": "zh_TW", "zh_SG": "zh_CN"}


def ops_oca_po_path(module, lang):
    """Return the suite's .po file of ``module`` for ``lang``, or None."""
    if module not in SHIPPED_MODULES:
        return None
    for code in (lang, LANG_FALLBACK.get(lang)):
        if not code:
            continue
        try:
            return file_path(f"{OCA_I18N_DIR}/{module}/{code}.po")
        except FileNotFoundError:
            continue
    return None


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        self._ops_load_oca_terms(modules, langs)
        return res

    @api.model
    def _ops_load_oca_terms(self, modules, langs):
        """Import the suite's .po of the OCA modules concerned by this load.

        Loading ops_base (install, update, language install) brings all of
        them; loading one OCA module (eg. ``-u helpdesk_mgmt`` or its install
        after ops_base) brings its own, after its upstream terms.
        """
        modules = set(modules)
        if "ops_base" in modules:
            targets = SHIPPED_MODULES
        else:
            targets = [m for m in SHIPPED_MODULES if m in modules]
        langs = [lang for lang in langs if lang != "en_US"]
        if not targets or not langs:
            return True
        importer = TranslationImporter(self.env.cr, verbose=False)
        for module in targets:
            for lang in langs:
                path = ops_oca_po_path(module, lang)
                if path:
                    _logger.info("ops_base: loading %s terms for %s", module, lang)
                    importer.load_file(path, lang)
        # overwrite=False: fill untranslated terms only, whatever the caller
        # asked for, so that upstream and user translations win.
        importer.save(overwrite=False)
        return True
