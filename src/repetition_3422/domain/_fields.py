"""Reading the fields of a parsed YAML mapping, turning each fault into a sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from repetition_3422.domain.problems import InvalidValue
from repetition_3422.i18n import _

_T = TypeVar("_T")
_TRUE_WORDS = frozenset({"true", "oui", "yes", "vrai"})
_FALSE_WORDS = frozenset({"false", "non", "no", "faux"})
_FRENCH_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_mapping(value: object, field: str, problems: list[str]) -> dict[str, object]:
    """``value`` as a mapping of text keys, or ``{}`` after adding a problem.

    Args:
        value: What the YAML parser gave.
        field: The field holding the mapping, ``""`` for the whole file.
        problems: Where the sentence goes.
    """
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return value
    if field:
        message = _("Le champ « {field} » doit contenir des lignes « champ: valeur ».")
    elif value is None:
        message = _(
            "Le fichier est vide : il faut au moins code, nir, vitale_type et vitale_serial."
        )
    else:
        message = _("Le fichier doit contenir des lignes « champ: valeur », une par champ.")
    problems.append(message.format(field=field))
    return {}


class FieldReader:
    """Reads the fields of one mapping, adding a sentence to ``problems`` for each fault."""

    def __init__(self, fields: dict[str, object], prefix: str, problems: list[str]) -> None:
        self.fields = fields
        self.prefix = prefix
        self.problems = problems

    def require(self, required: tuple[str, ...], known: tuple[str, ...]) -> None:
        """Report missing required fields and unknown ones (often a typo)."""
        for name in required:
            if self.fields.get(name) in (None, ""):
                self._problem(name, _("ce champ obligatoire manque."))
        for name in self.fields:
            if name not in known:
                self._problem(
                    name,
                    _("champ inconnu (les champs possibles : {known}).").format(
                        known=", ".join(known)
                    ),
                )

    def text(self, name: str) -> str | None:
        """The field as stripped text, ``None`` when absent or empty.

        Values a plain parser typed (a JSON number, a YAML date) are read as text.
        """
        value = self.fields.get(name)
        if value is None:
            return None
        if isinstance(value, list | dict):
            self._problem(name, _("une seule valeur est attendue, pas une liste."))
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value).strip() or None

    def checked(self, name: str, check: Callable[[str], _T]) -> _T | None:
        """The field passed through ``check``; its :class:`InvalidValue` becomes a problem."""
        text = self.text(name)
        if text is None:
            return None
        try:
            return check(text)
        except InvalidValue as problem:
            self._problem(name, problem.message)
            return None

    def name(self, name: str) -> str | None:
        """A person's name: any non-empty text."""
        return self.text(name)

    def birth_date(self, name: str) -> date | None:
        """A date written ``AAAA-MM-JJ`` or ``JJ/MM/AAAA``."""
        value = self.fields.get(name)
        if isinstance(value, date):  # from a parser that reads dates itself
            return value
        text = self.text(name)
        if text is None:
            return None
        parsed = _parse_date(text)
        if parsed is None:
            self._problem(
                name,
                _(
                    "date illisible « {text} » : écrire AAAA-MM-JJ (1984-05-12) ou JJ/MM/AAAA."
                ).format(text=text),
            )
        return parsed

    def flag(self, name: str) -> bool:
        """A yes/no field (``true``/``false``, ``oui``/``non``), false when absent."""
        text = self.text(name)
        if text is None or text.lower() in _FALSE_WORDS:
            return False
        if text.lower() in _TRUE_WORDS:
            return True
        self._problem(name, _("écrire true ou false, et non « {text} ».").format(text=text))
        return False

    def _problem(self, name: str, sentence: str) -> None:
        field = f"{self.prefix}{name}"
        self.problems.append(_("« {field} » : {sentence}").format(field=field, sentence=sentence))


def _parse_date(text: str) -> date | None:
    french = _FRENCH_DATE.fullmatch(text)
    try:
        if french:
            return date(int(french.group(3)), int(french.group(2)), int(french.group(1)))
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        return None
    return None
