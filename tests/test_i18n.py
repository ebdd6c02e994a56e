"""Translation catalogues: compiled files match their sources; language selection."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from repetition_3422 import i18n

CATALOGUES = sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(i18n.LOCALE_DIR)))
def test_compiled_catalogue_matches_its_source(po_path: Path) -> None:
    babel_pofile = pytest.importorskip("babel.messages.pofile")
    with po_path.open("rb") as handle:
        source = babel_pofile.read_po(handle)
    with po_path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in source:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0]
        else:
            assert compiled.gettext(message.id) == message.string, message.id


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANGUAGE": "en_GB:en"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "de_DE.UTF-8"}, "fr"),  # no German: French is the default
    ],
)
def test_language_from_environment(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert i18n.language_from_environment() == expected


def test_french_is_the_source_language() -> None:
    i18n.set_language("fr")
    assert i18n._("Bonjour") == "Bonjour"
    assert i18n.current_language() == "fr"
