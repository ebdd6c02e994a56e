"""Templates in adviser lines: ``{adviser.name}``, ``{slots.nir|masked}``, ``{{`` for a brace.

A template is parsed once into literal text and fields; each field is a dotted name and an
optional filter. Rendering reads names through a lookup and applies filters through a
function the engine provides, so this module knows nothing of identities or speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from msgspec import Struct

from repetition_3422.i18n import _

FILTERS: tuple[str, ...] = ("masked", "grouped", "spoken", "upper", "lower")
"""Filters a field may name: ``{slots.nir|grouped}``."""

T = TypeVar("T")

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$")


class TemplateError(ValueError):
    """A template that cannot be read; ``column`` is 0-based in the text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


class Field(Struct, frozen=True):
    """A ``{name|filter}`` part of a template."""

    name: str
    filter: str | None
    column: int


class Template(Struct, frozen=True):
    """A parsed template: literal strings and fields, in order."""

    parts: tuple[str | Field, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        """The fields of the template, in order."""
        return tuple(part for part in self.parts if isinstance(part, Field))


@lru_cache(maxsize=8192)
def parse_template(text: str) -> Template:
    """Split ``text`` into literals and fields; raise :class:`TemplateError` when malformed."""
    return Template(split_fields(text, _field))


def split_fields(text: str, make_field: Callable[[str, int], T]) -> tuple[str | T, ...]:
    """Split ``text`` into literal strings and ``{…}`` fields; ``{{`` and ``}}`` are braces.

    Args:
        text: The text to split.
        make_field: Builds a field from what stands between the braces and its column.

    Raises:
        TemplateError: a lone ``{`` or ``}``.
    """
    parts: list[str | T] = []
    position = 0
    for match in _FIELD.finditer(text):
        parts.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            parts.append(token[0])
        elif token in ("{", "}"):
            raise TemplateError(
                _("Accolade « {brace} » seule : écrivez « {double} » pour l'afficher.").format(
                    brace=token, double=token * 2
                ),
                match.start(),
            )
        else:
            parts.append(make_field(match.group(1), match.start()))
    parts.append(text[position:])
    return tuple(part for part in parts if part != "")


def render(
    template: Template | str,
    lookup: Callable[[str], Any],
    apply_filter: Callable[[str, Any, str], str],
) -> str:
    """Fill the fields of ``template``.

    Args:
        template: A parsed template or its text.
        lookup: Gives the value of a dotted name.
        apply_filter: ``(filter, value, name) -> text`` for fields with a filter.
    """
    parsed = parse_template(template) if isinstance(template, str) else template
    pieces: list[str] = []
    for part in parsed.parts:
        if isinstance(part, str):
            pieces.append(part)
            continue
        value = lookup(part.name)
        pieces.append(
            str(value) if part.filter is None else apply_filter(part.filter, value, part.name)
        )
    return "".join(pieces)


def _field(inner: str, column: int) -> Field:
    name, _bar, filter_name = inner.partition("|")
    name, filter_name = name.strip(), filter_name.strip()
    if not _NAME.match(name):
        raise TemplateError(
            _("« {{{inner}}} » n'est pas un nom valide.").format(inner=inner), column
        )
    if _bar and filter_name not in FILTERS:
        raise TemplateError(
            _("Filtre inconnu « {name} » (filtres : {known}).").format(
                name=filter_name, known=", ".join(FILTERS)
            ),
            column,
        )
    return Field(name=name, filter=filter_name or None, column=column)
