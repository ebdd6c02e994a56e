"""Translation of user-facing text through gettext.

French is the source language: every message is written in French in the code and
English comes from the catalogue in ``locale/en``. The language is settled once, before
any user interface is imported, by :func:`set_language` (the CLI's ``--lang``) or from
the locale.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path
from typing import Literal

Language = Literal["fr", "en"]

LANGUAGES: tuple[Language, ...] = ("fr", "en")
"""Languages the interface is available in; the first is the default."""

DOMAIN = "repetition_3422"
LOCALE_DIR = Path(__file__).parent / "locale"


class _Current:
    """The language in force and its catalogue (one per process)."""

    language: Language = "fr"
    translations: gettext.NullTranslations = gettext.NullTranslations()


def set_language(language: Language | None = None) -> Language:
    """Choose the interface language; ``None`` reads it from the environment's locale.

    Returns:
        The language now in force.
    """
    chosen = language or language_from_environment()
    _Current.language = chosen
    _Current.translations = (
        gettext.NullTranslations()
        if chosen == "fr"
        else gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[chosen], fallback=True)
    )
    return chosen


def current_language() -> Language:
    """The language set by the last call of :func:`set_language` (French by default)."""
    return _Current.language


def language_from_environment() -> Language:
    """English when the locale variables ask for English, French otherwise."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.split(":")[0].lower().startswith("en") else "fr"
    with_locale = locale.getlocale()[0] or ""
    return "en" if with_locale.lower().startswith("en") else "fr"


def _(message: str) -> str:
    """Translate ``message`` (written in French) into the current language."""
    return _Current.translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _Current.translations.ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark for translation only"
    """Mark ``message`` for extraction without translating it yet (``_()`` translates it
    where it is shown): for tables of texts written at import time."""
    return message
