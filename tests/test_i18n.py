"""Every addon ships its .pot and complete zh_CN and zh_TW translations."""

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
