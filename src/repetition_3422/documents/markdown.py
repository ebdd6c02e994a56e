"""Markdown rendering of documents: plain text that reads well in a terminal or an editor."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from repetition_3422.documents.model import (
    Block,
    Callout,
    Card,
    CardGrid,
    Columns,
    Document,
    Field,
    FieldRow,
    Heading,
    ItemList,
    Paragraph,
    Table,
    WriteIn,
)
from repetition_3422.i18n import _

BOX = "□"
"""One box to fill in by hand."""

TICK_BOX = "☐"
"""A box to tick."""

BLANK = "……………………"
"""Dotted space to write on."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LEADING_HASH = re.compile(r"^#", re.MULTILINE)


def escape(text: str) -> str:
    """Backslash the characters Markdown would read as markup (``<script>`` stays text)."""
    return _LEADING_HASH.sub(r"\\#", _SPECIAL.sub(r"\\\1", text))


def render_markdown(document: Document) -> str:
    """Render ``document`` as Markdown (CommonMark with pipe tables).

    Returns:
        The text, ending with a newline.
    """
    parts = [f"# {escape(document.title)}"]
    if document.subtitle:
        parts.append(escape(document.subtitle))
    parts.extend(_blocks(document.blocks))
    if document.footer:
        parts.extend(["---", f"*{escape(document.footer)}*"])
    return "\n\n".join(parts) + "\n"


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        yield from _RENDERERS[type(block)](block)


def _columns(block: Columns) -> Iterator[str]:
    yield from _blocks(block.left)
    yield from _blocks(block.right)


def _heading(block: Heading) -> Iterator[str]:
    yield "#" * (block.level + 1) + " " + escape(block.text)


def _paragraph(block: Paragraph) -> Iterator[str]:
    text = escape(block.text)
    yield {"normal": text, "strong": f"**{text}**", "note": f"*{text}*"}[block.style]


def _item_list(block: ItemList) -> Iterator[str]:
    lines = []
    for item in block.items:
        lead = f"**{escape(item.lead)}** " if item.lead else ""
        text = f"**{escape(item.text)}**" if item.highlight else escape(item.text)
        marker = "➜ " if item.highlight else ""
        lines.append(f"- {marker}{lead}{text}")
    yield "\n".join(lines)


def _callout(block: Callout) -> Iterator[str]:
    lines = [f"> **{escape(block.title)}**"]
    lines.extend(f">\n> {escape(line)}" for line in block.lines)
    yield "\n".join(lines)


def _write_in(block: WriteIn) -> Iterator[str]:
    boxes = "  ".join(BOX * size for size in block.groups)
    yield f"**{escape(block.label)}**\\\n{boxes}"
    if block.note:
        yield f"*{escape(block.note)}*"


def _field(field: Field) -> str:
    if field.choices:
        answer = "   ".join(f"{TICK_BOX} {escape(choice)}" for choice in field.choices)
    else:
        answer = BLANK
    return f"{escape(field.label)} {answer}"


def _field_row(block: FieldRow) -> Iterator[str]:
    yield "      ".join(_field(field) for field in block.fields)


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _table(block: Table) -> Iterator[str]:
    lines = [
        "| " + " | ".join(_cell(text) for text in block.header) + " |",
        "|" + "|".join("---" for _ in block.header) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(text) for text in row) + " |" for row in block.rows)
    yield "\n".join(lines)


def _card(card: Card) -> str:
    lines = [f"### {escape(card.badge)} — {escape(card.title)}", ""]
    lines.extend(
        "- " + _("{label} : {value}").format(label=escape(label), value=f"**{escape(value)}**")
        for label, value in card.lines
    )
    if card.note:
        lines.extend(["", f"*{escape(card.note)}*"])
    return "\n".join(lines)


def _card_grid(block: CardGrid) -> Iterator[str]:
    yield "\n\n---\n\n".join(_card(card) for card in block.cards)


_RENDERERS: dict[type[Any], Callable[[Any], Iterator[str]]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    ItemList: _item_list,
    Callout: _callout,
    WriteIn: _write_in,
    FieldRow: _field_row,
    Table: _table,
    CardGrid: _card_grid,
    Columns: _columns,
}
"""One function per kind of block."""
