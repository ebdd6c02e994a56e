"""Translation catalogues: complete, faithful to their sources, compiled; language selection."""

from __future__ import annotations

import gettext
import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from repetition_3422 import i18n

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

CATALOGUES = sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
ENGLISH = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "i18n.py"
_FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
"""A ``str.format`` field, or an escaped brace (``{{``, ``}}``), which is no field."""


def _extracted() -> Catalog:
    """The messages marked in the code, extracted by babel exactly as ``scripts/i18n.py`` does."""
    pytest.importorskip("babel.messages.extract")
    spec = importlib.util.spec_from_file_location("i18n_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    catalog: Catalog = script.extract()
    return catalog


def _english() -> Catalog:
    babel_pofile = pytest.importorskip("babel.messages.pofile")
    with ENGLISH.open("rb") as handle:
        catalog: Catalog = babel_pofile.read_po(handle, locale="en", domain=i18n.DOMAIN)
    return catalog


def _forms(text: str | tuple[str, ...] | list[str] | None) -> list[str]:
    """The text of each plural form (one for a message without plural)."""
    if text is None:
        return []
    return [text] if isinstance(text, str) else list(text)


def _edges(text: str) -> tuple[str, str]:
    """The spaces and newlines a message starts and ends with (the code joins messages)."""
    stripped = text.strip()
    start = text.find(stripped) if stripped else len(text)
    return text[:start], text[start + len(stripped) :]


def _fields(text: str) -> Counter[str]:
    """``{name}`` fields of a message, with their format specs, and how often each occurs."""
    return Counter(token for token in _FIELD.findall(text) if token not in ("{{", "}}"))


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


def test_every_message_in_the_code_has_an_english_translation() -> None:
    english = _english()
    missing = []
    for message in _extracted():
        if not message.id:
            continue
        translated = english.get(message.id)
        forms = _forms(translated.string) if translated is not None else []
        if translated is None or translated.fuzzy or not forms or not all(forms):
            missing.append(message.id)
    assert not missing, f"run `make i18n` and translate: {missing}"


def test_english_translations_keep_the_placeholders_and_outer_spaces() -> None:
    wrong = []
    for message in _english():
        if not message.id or not message.string:
            continue
        sources = _forms(message.id)
        # English has two forms like French: the plural form is checked against the plural.
        for index, translation in enumerate(_forms(message.string)):
            source = sources[min(index, len(sources) - 1)]
            if _fields(translation) != _fields(source) or _edges(translation) != _edges(source):
                wrong.append(f"{source!r} -> {translation!r}")
    assert not wrong, "placeholders or outer spaces changed:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("command", "english"),
    [
        ("play", "Rehearse a call to 3422."),
        ("validate", "Check dialogue scripts"),
        ("sheet", "Prepare the reminder sheet for the real call"),
    ],
)
def test_command_help_is_in_english_with_lang_en(command: str, english: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "repetition_3422", "--lang", "en", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    text = " ".join(completed.stdout.split())  # click wraps lines at the terminal's width
    assert "Usage:" in text
    assert "Show this message and exit." in text
    assert english in text
    # French typography or words would mean a message was left untranslated.
    assert not re.search(r"[«»éèêàùç]| :", text), text
