"""A small document model: the blocks the printed documents are made of, format-free."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from repetition_3422.i18n import Language

ParagraphStyle = Literal["normal", "strong", "note"]
"""How a paragraph stands out: plain body text, bold, or a smaller note."""

_NOT_TEXT = {"text": False}
"""Metadata of the string fields that are settings, not text (:func:`map_text` skips them)."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title; ``level`` 2 is a sub-section."""

    text: str
    level: Literal[1, 2] = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text."""

    text: str
    style: ParagraphStyle = field(default="normal", metadata=_NOT_TEXT)


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list: an optional bold ``lead``, then the text.

    A ``highlight`` item is framed and shaded, for the one step that must not be forgotten.
    """

    text: str
    lead: str = ""
    highlight: bool = False


@dataclass(frozen=True, slots=True)
class ItemList:
    """A bulleted list."""

    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Callout:
    """A framed block that catches the eye: a bold title and a few lines."""

    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WriteIn:
    """Empty boxes to fill in by hand, one character per box, in groups.

    The program never fills them: they are where a person copies their own numbers.
    """

    label: str
    groups: tuple[int, ...]
    note: str = ""

    @property
    def size(self) -> int:
        """How many boxes there are in all."""
        return sum(self.groups)


@dataclass(frozen=True, slots=True)
class Field:
    """Something to note during the call: a line to write on, or boxes to tick."""

    label: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldRow:
    """Fields side by side on one line, sharing its width equally."""

    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of text under a header; ``widths`` are relative column widths (equal if empty)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Card:
    """A practice card to cut out: a badge in big letters, a title, then label–value lines."""

    badge: str
    title: str
    lines: tuple[tuple[str, str], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class CardGrid:
    """Cards laid out ``columns`` × ``rows`` per page, with cut marks between them."""

    cards: tuple[Card, ...]
    columns: int = 2
    rows: int = 3

    @property
    def per_page(self) -> int:
        """How many cards fit on one page."""
        return self.columns * self.rows


@dataclass(frozen=True, slots=True)
class Columns:
    """Two stacks of blocks side by side, each half the width (one after the other in Markdown)."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]


Block = Heading | Paragraph | ItemList | Callout | WriteIn | FieldRow | Table | CardGrid | Columns
"""Anything a document is made of."""


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document: a title, blocks in reading order, and a footer line.

    ``lang`` decides the typography applied at rendering (French spacing for ``fr``).
    """

    title: str
    blocks: tuple[Block, ...]
    subtitle: str = ""
    footer: str = ""
    lang: Language = field(default="fr", metadata=_NOT_TEXT)


def is_card_sheet(document: Document) -> bool:
    """Whether ``document`` is a sheet of cards to cut out, whose title runs on every page."""
    return bool(document.blocks) and isinstance(document.blocks[0], CardGrid)


_T = TypeVar("_T")


def map_text(value: _T, change: Callable[[str], str]) -> _T:
    """Apply ``change`` to every piece of text in a document, block or tuple of them.

    Returns:
        A copy of ``value`` in which every string has been passed through ``change``
        (fields marked as not text, such as ``lang`` and ``style``, are kept as they are).
    """
    if isinstance(value, str):
        return change(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(map_text(part, change) for part in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            item.name: map_text(getattr(value, item.name), change)
            for item in dataclasses.fields(value)
            if item.metadata.get("text", True)
        }
        return dataclasses.replace(value, **changes)
    return value
