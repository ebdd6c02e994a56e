"""The caller's numbers in walkthrough steps: ``{identity.nir|grouped}``, never the digits.

A step says ``"C'est le {identity.nir|grouped}."``: the number comes from the
walkthrough's (fictional) identity when it is played, so no number is ever written in a
test. Filters give the usual ways of saying a number and deliberately wrong variants:

- every number: ``grouped``, ``spoken`` (in words), ``short`` (too short), ``other``
  (valid, but not the one on file);
- the code also ``spelled`` (one character at a time) and ``lower``;
- the NIR also ``dots`` (``2.84.05…``) and ``wrong_key`` (the key does not match);
- the serial also ``full_line`` (the whole line printed on a card with photo);
- the card type ``words`` (« avec photo ») and ``other`` (the other type).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from repetition_3422.domain.code import code_spoken, format_code
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.nir import format_nir, nir_key, nir_spoken
from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import (
    FULL_LINE_PREFIX,
    VitaleType,
    format_serial,
    serial_spoken,
    validate_serial,
)
from repetition_3422.i18n import _
from repetition_3422.language.templates import TemplateError, split_fields

Variant = Callable[[str, Identity], str]
"""Makes one way of saying a value (the identity gives the card type for serials)."""


def _wrong_key(nir: str, _identity: Identity) -> str:
    return format_nir(nir[:-2] + f"{int(nir[-2:]) % 97 + 1:02d}")


def _other_nir(nir: str, _identity: Identity) -> str:
    # Another commune, the same fictional order number 000: valid, never anyone's.
    body = nir[:7] + ("111" if nir[7:10] != "111" else "222") + nir[10:13]
    return format_nir(body + nir_key(body))


def _other_serial(serial: str, identity: Identity) -> str:
    for step in range(1, 10):
        candidate = serial[:-1] + str((int(serial[-1]) + step) % 10)
        try:
            return format_serial(validate_serial(candidate, identity.vitale_type, nir=identity.nir))
        except InvalidValue:  # date-like or inside the NIR: try the next digit
            continue
    return format_serial(serial[:-1] + str((int(serial[-1]) + 1) % 10))


def _other_type(card_type: str, _identity: Identity) -> str:
    return "sans photo" if card_type == "avec-photo" else "avec photo"


def _plain(value: str, _identity: Identity) -> str:
    return value


VARIANTS: dict[str, dict[str, Variant]] = {
    "code": {
        "grouped": lambda value, _i: format_code(value),
        "spelled": lambda value, _i: " ".join(value),
        "spoken": lambda value, _i: code_spoken(value),
        "lower": lambda value, _i: value.lower(),
        "short": lambda value, _i: format_code(value)[:-1],
        "other": lambda value, _i: ("ZZ" if value[:2] != "ZZ" else "YY") + value[2:],
    },
    "nir": {
        "grouped": lambda value, _i: format_nir(value),
        "dots": lambda value, _i: format_nir(value).replace(" ", "."),
        "spoken": lambda value, _i: nir_spoken(value),
        "short": lambda value, _i: format_nir(value)[:-1],
        "wrong_key": _wrong_key,
        "other": _other_nir,
    },
    "vitale_serial": {
        "grouped": lambda value, _i: format_serial(value),
        "spoken": lambda value, _i: serial_spoken(value),
        "short": lambda value, _i: value[:6],
        "other": _other_serial,
        "full_line": lambda value, _i: f"{FULL_LINE_PREFIX} {format_serial(value)}",
    },
    "vitale_type": {"words": lambda value, _i: value.replace("-", " "), "other": _other_type},
    "text": {"upper": lambda value, _i: value.upper(), "lower": lambda value, _i: value.lower()},
}
"""Filters by kind of value."""

FIELDS: dict[str, str] = {
    "identity.code": "code",
    "identity.nir": "nir",
    "identity.vitale_serial": "vitale_serial",
    "identity.vitale_type": "vitale_type",
    "identity.first_name": "text",
    "identity.last_name": "text",
    "identity.birth_date": "text",
    "represented.kind": "text",
    "represented.code": "code",
    "represented.nir": "nir",
    "represented.first_name": "text",
    "represented.last_name": "text",
    "represented.birth_date": "text",
}
"""The identity fields a step may name, with their kind of value."""


class FieldError(ValueError):
    """A ``{…}`` field of a step that cannot be filled; ``column`` is 0-based in the text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True, slots=True)
class Field:
    """A ``{name|filter}`` field of a step's text."""

    name: str
    filter: str | None
    column: int


@lru_cache(maxsize=4096)
def parse(text: str) -> tuple[str | Field, ...]:
    """Split a step's text into literals and fields.

    Raises:
        FieldError: a lone brace, an unknown field or a filter the field does not have.
    """
    try:
        return split_fields(text, _field)
    except TemplateError as error:  # a lone brace: same sentence, the step's own error
        raise FieldError(error.message, error.column) from None


def _field(inner: str, column: int) -> Field:
    name, bar, filter_name = (piece.strip() for piece in inner.partition("|"))
    kind = FIELDS.get(name)
    if kind is None:
        raise FieldError(
            _("« {{{inner}}} » : champ inconnu (champs : {known}).").format(
                inner=inner, known=", ".join(FIELDS)
            ),
            column,
        )
    if bar and filter_name not in VARIANTS[kind]:
        raise FieldError(
            _("Filtre « {name} » inconnu pour {field} (filtres : {known}).").format(
                name=filter_name, field=name, known=", ".join(VARIANTS[kind])
            ),
            column,
        )
    return Field(name, filter_name or None, column)


def render(text: str, identity: Identity) -> str:
    """The step's text with its fields filled from ``identity``.

    Raises:
        FieldError: a field is malformed, or names a value the identity lacks.
    """
    pieces: list[str] = []
    for part in parse(text):
        if isinstance(part, str):
            pieces.append(part)
            continue
        value = field_value(identity, part.name)
        if value is None:
            raise FieldError(
                _("La fiche n'a pas de valeur pour {field}.").format(field=part.name), part.column
            )
        variant = _plain if part.filter is None else VARIANTS[FIELDS[part.name]][part.filter]
        pieces.append(variant(value, identity))
    return "".join(pieces)


def field_value(identity: Identity, name: str) -> str | None:
    """The text of identity field ``name`` (``identity.nir``), or ``None`` when it is empty."""
    head, _dot, attribute = name.partition(".")
    source: object | None = identity if head == "identity" else identity.represented
    value = getattr(source, attribute, None) if source is not None else None
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def escape(text: str) -> str:
    """Write a literal text so that :func:`render` gives it back (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


def card_type_words(card_type: VitaleType) -> str:
    """« avec photo » or « sans photo »: the card type as a caller says it."""
    return card_type.replace("-", " ")
