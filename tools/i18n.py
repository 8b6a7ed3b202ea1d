"""Export each ops addon's .pot and merge it into its zh_CN.po and zh_TW.po.

Existing translations are kept (matched on msgid and msgctxt); new terms are
added untranslated and obsolete ones dropped. Prints what is left to translate.
Usage: i18n.py [ADDON[,ADDON...]]
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import dbutil  # noqa: E402

LANGS = {"zh_CN": "Chinese (Simplified)", "zh_TW": "Chinese (Traditional)"}


def odoo(*args):
    cmd = [os.environ["ODOO_BIN"], "-c", os.environ["OPS_CONF"], *args]
    subprocess.run(cmd + ["--stop-after-init", "--log-level=warn"], check=True)


def merge(pot_path, po_path, lang):
    pot = polib.pofile(str(pot_path))
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({"Language": lang, "Plural-Forms": "nplurals=1; plural=0;"})
    po.header = pot.header
    for entry in pot:
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=list(entry.flags),
        )
        previous = known.get((entry.msgctxt, entry.msgid))
        if previous:
            new.msgstr = previous.msgstr
            new.msgstr_plural = dict(previous.msgstr_plural)
        elif entry.msgid_plural:
            new.msgstr_plural = {0: ""}
        if new.msgstr == new.msgid:
            new.msgstr = ""  # OCA's po-pretty-format: a copy is no translation
        po.append(new)
    po.sort(key=lambda entry: entry.msgid)  # as OCA's po-pretty-format wants
    po.save(str(po_path))
    return sum(1 for e in po if not e.translated())


def main(argv):
    available = sorted(p.parent.name for p in ROOT.glob("addons/ops_*/__manifest__.py"))
    addons = argv[0].split(",") if argv else available
    db = f"ops_i18n_{os.getpid()}"
    try:
        odoo("-d", db, "-i", ",".join(addons), "--without-demo=all")
        for addon in addons:
            i18n = ROOT / "addons" / addon / "i18n"
            i18n.mkdir(exist_ok=True)
            pot = i18n / f"{addon}.pot"
            odoo("-d", db, f"--i18n-export={pot}", f"--modules={addon}")
            for lang in LANGS:
                left = merge(pot, i18n / f"{lang}.po", lang)
                state = f"{left} to translate" if left else "complete"
                print(f"{addon}/i18n/{lang}.po: {state}")
    finally:
        dbutil.drop(db)


if __name__ == "__main__":
    main(sys.argv[1:])
