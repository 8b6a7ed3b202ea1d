"""Every addon ships its .pot and complete zh_CN and zh_TW translations."""

import ast
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in ROOT.glob("addons/ops_*/__manifest__.py"))


@pytest.mark.parametrize("addon", ADDONS, ids=lambda p: p.name)
def test_translations_complete(addon):
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    msgids = {(e.msgctxt, e.msgid) for e in pot}
    assert msgids, "empty .pot: run `make i18n`"
    for lang in ("zh_CN", "zh_TW"):
        po = polib.pofile(str(addon / "i18n" / f"{lang}.po"))
        assert {
            (e.msgctxt, e.msgid) for e in po
        } == msgids, f"{lang}.po is not merged with the .pot: run `make i18n`"
        missing = [e.msgid for e in po if not e.translated()]
        assert not missing, f"{lang}.po: untranslated {missing[:10]}"


# The Chinese the suite ships for its dependencies (ops_base/i18n_oca/<module>/):
# complete, and safe to load (placeholders, markup and QWeb kept as they are).
SHIPPED = ROOT / "addons" / "ops_base" / "i18n_oca"
SHIPPED_DIRS = (
    sorted(p for p in SHIPPED.iterdir() if p.is_dir()) if SHIPPED.exists() else []
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{\w+\}")
TAG = re.compile(r"</?([A-Za-z][\w.-]*)")
QWEB = re.compile(r"""\bt-[\w-]+=("[^"]*"|'[^']*')""")


def shipped_modules():
    """SHIPPED_MODULES of ops_base/models/ir_module_module.py, read statically."""
    source = (ROOT / "addons/ops_base/models/ir_module_module.py").read_text()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "SHIPPED_MODULES" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def test_shipped_dependency_translations_are_loaded():
    assert {p.name for p in SHIPPED_DIRS} == shipped_modules()


@pytest.mark.parametrize("folder", SHIPPED_DIRS, ids=lambda p: p.name)
def test_shipped_dependency_translations(folder):
    for lang in ("zh_CN", "zh_TW"):
        po = polib.pofile(str(folder / f"{lang}.po"))
        assert len(po), f"{folder.name}/{lang}.po is empty"
        assert po.metadata.get("Language") == lang
        missing = [e.msgid for e in po if not e.msgstr]
        assert not missing, f"{folder.name}/{lang}.po: untranslated {missing[:10]}"
        for entry in po:
            assert entry.occurrences, f"{entry.msgid!r}: no reference, cannot be loaded"
            where = f"{folder.name}/{lang}.po: {entry.msgid[:60]!r}"
            for pattern in (PLACEHOLDER, TAG, QWEB):
                assert sorted(pattern.findall(entry.msgid)) == sorted(
                    pattern.findall(entry.msgstr)
                ), f"{where} changes {pattern.pattern}"
