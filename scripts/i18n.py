"""Extract the interface's French messages, merge them into the English catalogue, compile.

Run ``make i18n`` (or ``.venv/bin/python scripts/i18n.py``) after changing user-facing text:
new messages appear in ``locale/en/LC_MESSAGES/repetition_3422.po`` with an empty
translation for a translator to fill; ``--check`` only reports what is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "repetition_3422"
LOCALE = PACKAGE / "locale"
DOMAIN = "repetition_3422"
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None, "counted": (1, 2)}
"""The markers of user-facing text: ``_()`` and ``ngettext()`` from :mod:`repetition_3422.i18n`
translate at once; ``N_()`` (also in :mod:`repetition_3422.i18n`) only marks a text
(a binding's label, a table of labels) that is passed to ``_()`` later;
``counted(singular, plural, count)`` from :mod:`repetition_3422.language.diagnostics` is
``ngettext()`` with ``{n}`` filled in."""
METHOD_MAP = [("**.py", "python")]
"""Every Python file of the package, in every sub-package."""


def extract() -> Catalog:
    """Every message the code marks with one of :data:`KEYWORDS`, with where it is used."""
    catalog = Catalog(locale="fr", domain=DOMAIN, project="repetition-3422")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        method_map=METHOD_MAP,
        keywords=KEYWORDS,
        # babel's default also skips folders whose name starts with "_": keep those.
        directory_filter=lambda path: not Path(path).name.startswith((".", "__pycache__")),
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def merge(template: Catalog, language: str) -> tuple[Catalog, list[str]]:
    """Update the language's catalogue from ``template``; return it and its missing ids."""
    path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="repetition-3422")
    catalog.update(template, no_fuzzy_matching=True)
    missing = [str(m.id) for m in catalog if m.id and (not is_translated(m) or m.fuzzy)]
    return catalog, missing


def is_translated(message: Message) -> bool:
    """Whether ``message`` has a translation (for a plural message, every form of it)."""
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def main() -> int:
    """Extract, merge and compile; with ``--check``, only report missing translations."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report, write nothing")
    args = parser.parse_args()
    catalog, missing = merge(extract(), "en")
    for message in missing:
        print(f"missing English translation: {message!r}")
    if args.check:
        return 1 if missing else 0
    folder = LOCALE / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{DOMAIN}.po").open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
    with (folder / f"{DOMAIN}.mo").open("wb") as handle:
        write_mo(handle, catalog)
    print(f"{len(catalog)} messages, {len(missing)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
