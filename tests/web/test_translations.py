"""Every string of the interface is translated into Kyrgyz and Russian."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

MSGATTRIB = shutil.which("msgattrib") or "msgattrib"  # gettext, installed by setup
LOCALE = Path(__file__).resolve().parents[2] / "src" / "bilim" / "locale"


def _msgids(po: Path, *flags: str) -> list[str]:
    out = subprocess.run(
        [MSGATTRIB, *flags, "--no-obsolete", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    blocks = re.findall(r'^msgid ((?:".*"\n)+)', out, flags=re.MULTILINE)
    ids = ["".join(re.findall(r'"(.*)"', block)) for block in blocks]
    return [i for i in ids if i]  # the header's msgid is empty


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_catalog_is_complete(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    assert _msgids(po, "--untranslated") == []
    assert _msgids(po, "--only-fuzzy") == []


def test_kyrgyz_catalog_is_written_with_kyrgyz_letters():
    text = (LOCALE / "ky" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for letter in "ңөү":
        assert text.count(letter) > 100, letter
