# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen of the Operations app speaks Chinese (zh_CN and zh_TW).

Loads both languages as a site would (``_update_translations`` of every
installed module: the suite's files for the OCA modules come with ops_base),
then walks, as a non-admin operations user holding every suite role, each
menu under Operations, its action and each of its views as the web client
gets them (``get_views``: inherited views applied, tier validation banner and
buttons injected, x2many sub-views inline) and lists whatever is still
English: menu and action names, labels, button strings, placeholders, help
texts, static texts, field labels, selection values, stage names, the
suite's own data names; plus the code terms (Python ``_()`` and JS/OWL) of
the tier validation engine.
"""

import re

from lxml import etree

from odoo.exceptions import AccessError
from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_open
from odoo.tools.translate import TranslationModuleReader, get_translation

from ..models.ir_module_module import SHIPPED_MODULES

LANGS = ("zh_CN", "zh_TW")
CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# Proper nouns, acronyms and units a Chinese screen keeps as they are.
ALLOWED_WORDS = {
    "roi",
    "kpi",
    "kpis",
    "sla",
    "slas",
    "xlsx",
    "pdf",
    "odoo",
    "email",
    "e-mail",
    "id",
    "url",
    "cc",
    "csv",
    "utm",
    "http",
    "https",
    "www",
    "ok",
}
# Attributes whose value the user reads.
TEXT_ATTRS = ("string", "placeholder", "confirm", "help", "sum")
VIEW_KINDS = (
    "form",
    "list",
    "kanban",
    "search",
    "pivot",
    "graph",
    "calendar",
    "activity",
)
# Names users meet as data: the suite's SLA policies, KPI indicators (also as
# copied on each appraisal), stages, channels, categories, grades.
NAMED_DATA_FIELDS = (
    ("helpdesk.sla", "name"),
    ("helpdesk.ticket.category", "name"),
    ("helpdesk.ticket.channel", "name"),
    ("helpdesk.ticket.stage", "name"),
    ("ops.marketing.channel", "name"),
    ("ops.project.risk.category", "name"),
    ("project.project.stage", "name"),
    ("project.task.type", "name"),
    ("ops.appraisal.template.line", "name"),
    ("ops.appraisal.line", "name"),
    ("ops.appraisal.grade", "name"),
    ("ops.appraisal.scale.level", "name"),
)
# Odoo modules of SHIPPED_MODULES: only their few screen gaps are shipped.
CORE_GAPS = ("project", "account_edi_ubl_cii", "maintenance")
# OCA modules whose Chinese the suite ships (code terms checked too).
TIER_MODULES = ("base_tier_validation", "base_tier_validation_forward")


def is_english(text):
    """True when ``text`` is an untranslated English string."""
    if not text or not isinstance(text, str) or CJK.search(text):
        return False
    text = re.sub(r"&\w+;|%\(\w+\)s|\{\{.*?\}\}", " ", text)
    words = [w for w in WORD.findall(text) if len(w) > 1]
    return any(w.lower() not in ALLOWED_WORDS for w in words)


def statically_invisible(node):
    return any(
        node.get(attr, "").strip() in ("1", "True", "true")
        for attr in ("invisible", "column_invisible")
    )


@tagged("post_install", "-at_install")
class TestUiTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        langs = cls.env["res.lang"].with_context(active_test=False)
        for code in LANGS:
            langs._activate_lang(code)
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        installed._update_translations(list(LANGS))
        suite_groups = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "=like", "ops\\_%")]
        )
        groups = cls.env["res.groups"].browse(suite_groups.mapped("res_id")).exists()
        groups = groups.filtered(lambda g: not g.share)
        cls.user = new_test_user(
            cls.env,
            login="t_i18n_ops",
            groups="base.group_user",
            context={"no_reset_password": True, "mail_create_nosubscribe": True},
        )
        cls.user.groups_id = [(4, g.id) for g in groups]
        cls.root = cls.env.ref("ops_base.menu_ops_root")

    # -- collecting -------------------------------------------------------
    def _menus(self, lang):
        return (
            self.env["ir.ui.menu"]
            .with_user(self.user)
            .with_context(lang=lang)
            .search([("id", "child_of", self.root.id)])
        )

    def _window_actions(self, menus):
        ids = [
            menu.action.id
            for menu in menus
            if menu.action and menu.action._name == "ir.actions.act_window"
        ]
        return self.env["ir.actions.act_window"].browse(ids)

    def _view_requests(self, action):
        """The views the web client asks for when it opens ``action``."""
        views = [(view_id or False, mode) for view_id, mode in action.views]
        return views + [(action.search_view_id.id or False, "search")]

    def _check_arch(self, where, arch, model, models, report):
        fields = models.get(model, {}).get("fields", {})
        root = etree.fromstring(arch)
        self._check_node(where, root, model, fields, models, report, root.tag)

    def _label_translatable(self, model, name):
        """Odoo leaves some technical labels out of the .pot on purpose."""
        field = self.env[model]._fields.get(name)
        return not field or getattr(field, "export_string_translation", True)

    @staticmethod
    def _shows_label(node, kind):
        """Whether the web client prints the field's own label for ``node``."""
        if node.get("string") or node.get("nolabel") in ("1", "True"):
            return False
        if kind in ("list", "search", "pivot", "graph"):
            return True
        parent = node.getparent()
        return kind == "form" and parent is not None and parent.tag == "group"

    def _check_node(self, where, node, model, fields, models, report, kind):
        if not isinstance(node.tag, str) or statically_invisible(node):
            return
        if node.tag in VIEW_KINDS:
            kind = node.tag
        for attr in TEXT_ATTRS:
            if node.tag == "search" and attr == "string":
                continue  # the search view's title is never displayed
            if is_english(node.get(attr)):
                report(where, f"<{node.tag} {attr}>", node.get(attr))
        # A <t t-set> body is a value (a CSS class...), never shown.
        if (
            node.tag != "field"
            and not node.get("t-set")
            and is_english((node.text or "").strip())
        ):
            report(where, f"<{node.tag}> text", node.text.strip())
        for child in node:
            if is_english((child.tail or "").strip()):
                report(where, f"<{node.tag}> text", child.tail.strip())
        name = node.get("for") if node.tag == "label" else node.get("name")
        desc = fields.get(name) if node.tag in ("field", "label") else None
        if desc and not self._label_translatable(model, name):
            desc = dict(desc, string=None)
        sub_model, sub_fields = model, fields
        if desc:
            shows = node.tag == "label" and not node.get("string")
            if (
                shows or (node.tag == "field" and self._shows_label(node, kind))
            ) and is_english(desc.get("string")):
                report(where, f"field {model}.{name}", desc["string"])
            for __, label in (
                (desc.get("selection") or ()) if node.tag == "field" else ()
            ):
                if is_english(label):
                    report(where, f"selection {model}.{name}", label)
            if node.tag == "field" and desc.get("relation") in models:
                sub_model = desc["relation"]
                sub_fields = models[sub_model].get("fields", {})
        for child in node:
            self._check_node(where, child, sub_model, sub_fields, models, report, kind)

    def _check_stages(self, lang, models, report):
        """Stage names of the records the views show (kanban columns, bars)."""
        seen = set()
        for model, info in models.items():
            desc = info.get("fields", {}).get("stage_id")
            if not desc or not desc.get("relation") or desc["relation"] in seen:
                continue
            seen.add(desc["relation"])
            stages = self.env[desc["relation"]].with_user(self.user)
            if not stages._fields.get(stages._rec_name, False):
                continue
            if not stages._fields[stages._rec_name].translate:
                continue
            try:
                records = stages.with_context(lang=lang).search([])
            except AccessError:
                continue
            for stage in records:
                if is_english(stage[stages._rec_name]):
                    report(f"stages of {model}", desc["relation"], stage.display_name)

    @staticmethod
    def _demo_xmlids(module):
        """The xmlids of ``module``'s demo files: sample content, not shipped.

        (``make i18n`` exports without demo data, so their names are never in
        the .pot; records derived from them, eg. a product's template, share
        the prefix.)
        """
        xmlids = set()
        for path in get_manifest(module).get("demo", ()):
            if not path.endswith(".xml"):
                continue
            with file_open(f"{module}/{path}", "rb") as demo:
                for node in etree.parse(demo).iter("record"):
                    if node.get("id"):
                        xmlids.add(node.get("id").split(".")[-1])
        return xmlids

    def _suite_data(self):
        """{model: records} the installed suite addons ship as data."""
        modules = self.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "ops\\_%")]
        )
        by_model = {}
        for module in modules.mapped("name"):
            demo = self._demo_xmlids(module)
            for imd in self.env["ir.model.data"].search([("module", "=", module)]):
                if imd.model not in self.env or imd.model.startswith("ir."):
                    continue  # model metadata: labels are checked on the views
                if any(
                    imd.name == xid or imd.name.startswith(f"{xid}_") for xid in demo
                ):
                    continue
                by_model.setdefault(imd.model, set()).add(imd.res_id)
        return {
            model: self.env[model].browse(sorted(ids)).exists()
            for model, ids in by_model.items()
        }

    def _check_suite_data(self, lang, report):
        """Names of the records the suite ships as data (SLA, KPI, stage...)."""
        for model, records in self._suite_data().items():
            name_field = records._fields.get(records._rec_name)
            if not name_field or not name_field.translate:
                continue
            for record in records.with_context(lang=lang):
                if is_english(record[records._rec_name]):
                    report(
                        f"data {model}",
                        record.get_external_id()[record.id],
                        record.display_name,
                    )

    def _untranslated(self, lang):
        self.visited = set()
        found = []

        def report(where, what, text):
            found.append(f"{where} | {what}: {text!r}")

        menus = self._menus(lang)
        for menu in menus:
            if is_english(menu.name):
                report("menu", menu.complete_name, menu.name)
        all_models = {}
        for action in self._window_actions(menus).with_context(lang=lang):
            if is_english(action.name):
                report("action", action.xml_id or action.id, action.name)
            Model = (
                self.env[action.res_model].with_user(self.user).with_context(lang=lang)
            )
            try:
                result = Model.get_views(self._view_requests(action))
            except AccessError:
                continue
            all_models.update(result["models"])
            for mode, view in result["views"].items():
                self.visited.add((action.res_model, mode))
                where = f"{action.res_model} {mode} ({action.xml_id or action.name})"
                self._check_arch(
                    where, view["arch"], action.res_model, result["models"], report
                )
        self._check_stages(lang, all_models, report)
        self._check_suite_data(lang, report)
        return sorted(set(found))

    def _assert_walked(self):
        """The walk must reach the screens it is meant to check."""
        expected = {("ops.regulation", "form"), ("ops.regulation", "list")}
        if "helpdesk.ticket" in self.env and self.env["ir.module.module"].search_count(
            [("name", "=", "ops_service"), ("state", "=", "installed")]
        ):
            expected |= {("helpdesk.ticket", "form"), ("helpdesk.ticket", "kanban")}
        self.assertLessEqual(expected, self.visited, sorted(self.visited))

    # -- tests ------------------------------------------------------------
    def test_operations_screens_zh_cn(self):
        found = self._untranslated("zh_CN")
        self._assert_walked()
        self.assertFalse(found, "Untranslated in zh_CN:\n" + "\n".join(found))

    def test_operations_screens_zh_tw(self):
        found = self._untranslated("zh_TW")
        self._assert_walked()
        self.assertFalse(found, "Untranslated in zh_TW:\n" + "\n".join(found))

    def test_data_names_translatable(self):
        """A name stored untranslatable stays English whatever the .po says."""
        missing = [
            f"{model}.{name}"
            for model, name in NAMED_DATA_FIELDS
            if model in self.env
            and name in self.env[model]._fields
            and not self.env[model]._fields[name].translate
        ]
        self.assertFalse(missing, f"fields lacking translate=True: {missing}")

    def test_tier_validation_code_terms(self):
        """The approval banner's Python messages and the review widget (JS)."""
        for lang in LANGS:
            reader = TranslationModuleReader(
                self.env.cr, modules=list(TIER_MODULES), lang=lang
            )
            code = [
                (module, source)
                for module, ttype, __, __, source, value, __ in reader
                if ttype == "code" and is_english(value or source)
            ]
            self.assertFalse(code, f"{lang}: untranslated code terms {code}")
            next_label = get_translation(
                "base_tier_validation", lang, "Next: %s", ("x",)
            )
            self.assertFalse(is_english(next_label), next_label)
            web, __ = self.env["ir.http"].get_translations_for_webclient(
                list(TIER_MODULES), lang
            )
            widget = {
                m["id"]: m["string"] for m in web["base_tier_validation"]["messages"]
            }
            for source in ("Requested by", "Validation Date", "No reviews to do."):
                self.assertFalse(is_english(widget.get(source, source)), source)

    def test_tier_validation_banner(self):
        """The banner and buttons OCA injects into an approval form."""
        expected = {
            "zh_CN": ("此记录需要", "提交审批", "批准", "驳回"),
            "zh_TW": ("此記錄需要", "提交審批", "批准", "駁回"),
        }
        regulation = self.env["ops.regulation"].with_user(self.user)
        for lang, terms in expected.items():
            arch = regulation.with_context(lang=lang).get_views([(False, "form")])
            arch = arch["views"]["form"]["arch"]
            # the client gets CJK as character references: compare the text
            arch = etree.tostring(etree.fromstring(arch), encoding="unicode")
            for term in terms:
                self.assertIn(term, arch, f"{lang}: {term} missing from the banner")
            self.assertNotIn("needs to be", arch)

    def test_oca_code_terms(self):
        """Python and JS strings of every OCA module whose Chinese we ship."""
        modules = self.env["ir.module.module"].search(
            [
                ("state", "=", "installed"),
                ("name", "in", [m for m in SHIPPED_MODULES if m not in CORE_GAPS]),
            ]
        )
        self.assertTrue(modules)
        for lang in LANGS:
            reader = TranslationModuleReader(
                self.env.cr, modules=modules.mapped("name"), lang=lang
            )
            code = [
                (module, source)
                for module, ttype, __, __, source, value, __ in reader
                if ttype == "code" and is_english(value or source)
            ]
            self.assertFalse(code, f"{lang}: untranslated code terms {code}")

    def test_loading_keeps_existing_translations(self):
        """The suite fills untranslated terms only, even on "overwrite"."""
        view = self.env.ref("base_tier_validation.tier_validation_buttons")
        view.update_field_translations(
            "arch_db", {"zh_CN": {"Request Validation": "请予审批"}}
        )
        self.env["ir.module.module"]._load_module_terms(
            ["ops_base"], ["zh_CN"], overwrite=True
        )
        self.assertIn("请予审批", view.with_context(lang="zh_CN").arch_db)
        # a term put back to the English source is filled again
        view.update_field_translations(
            "arch_db", {"zh_CN": {"Request Validation": "Request Validation"}}
        )
        self.env["ir.module.module"]._load_module_terms(["ops_base"], ["zh_CN"])
        self.assertIn('string="提交审批"', view.with_context(lang="zh_CN").arch_db)

    def test_detects_english(self):
        """The check itself: English fails, Chinese and proper nouns pass."""
        self.assertTrue(is_english("Request Validation"))
        self.assertTrue(is_english("Next: %s"))
        self.assertFalse(is_english("提交审批"))
        self.assertFalse(is_english("SLA"))
        self.assertFalse(is_english("ROI (%)"))
        self.assertFalse(is_english("KPI / XLSX / PDF"))
