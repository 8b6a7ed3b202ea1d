# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Serve the suite's Chinese for the OCA modules' code terms.

Odoo reads the translations of Python ``_()`` strings and of JS/OWL
templates from the module's own ``i18n/<lang>.po`` only
(``odoo.tools.translate.CodeTranslations._get_code_translations``, cached per
module and language in the process), never from the database. So the tier
validation banner's "Next: %s", its "This action needs to be validated..."
errors or the review widget's column headers can only be translated by
completing that per-module lookup: this wraps it to add, for the modules
listed in ``ir_module_module.SHIPPED_MODULES``, the code terms of
``ops_base/i18n_oca/<module>/<lang>.po`` that the module itself leaves
untranslated. The module's own translations keep precedence.

The hook is process wide (as is Odoo's cache): it only ever adds Chinese for
those OCA modules' own strings, so databases without the suite only get a
translation where they had English.
"""

import logging

from odoo.tools.misc import file_open
from odoo.tools.translate import CodeTranslations, code_translations

from .ir_module_module import SHIPPED_MODULES, ops_oca_po_path

_logger = logging.getLogger(__name__)


def _ops_suite_code_translations(module_name, lang, filter_func):
    path = ops_oca_po_path(module_name, lang)
    if not path:
        return {}
    try:
        with file_open(path, mode="rb") as fileobj:
            return CodeTranslations._read_code_translations_file(fileobj, filter_func)
    except OSError:
        _logger.exception("ops_base: cannot read %s", path)
        return {}


def _ops_wrap(original):
    def _get_code_translations(module_name, lang, filter_func):
        translations = original(module_name, lang, filter_func)
        suite = _ops_suite_code_translations(module_name, lang, filter_func)
        if not suite:
            return translations
        # upstream's non-empty translations win over the suite's
        return {**suite, **{src: val for src, val in translations.items() if val}}

    _get_code_translations.ops_suite_hook = True
    return staticmethod(_get_code_translations)


if not getattr(CodeTranslations._get_code_translations, "ops_suite_hook", False):
    CodeTranslations._get_code_translations = _ops_wrap(
        CodeTranslations._get_code_translations
    )
    # Odoo may have cached these modules' code terms before this hook existed.
    for cache in (
        code_translations.python_translations,
        code_translations.web_translations,
    ):
        for key in [key for key in cache if key[0] in SHIPPED_MODULES]:
            cache.pop(key, None)
