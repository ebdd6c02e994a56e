"""HTML rendering of documents: one self-contained page, escaped, with A4 print styles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
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
    is_card_sheet,
)
from repetition_3422.i18n import _

CARD_AREA_MM = 246
"""Height left for the cards on a printed A4 page (297 mm less margins, page title, footer)."""

STYLE = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif; font-size: 12pt;
  line-height: 1.4; color: #1b1b1b; max-width: 182mm; margin: 1.5em auto; padding: 0 1em; }
@media print { body { margin: 0; padding: 0; max-width: none; font-size: 11pt;
  line-height: 1.3; } }
h1 { font-size: 18pt; color: #1f3f66; margin: 0 0 .2em; }
.subtitle { font-size: 12pt; margin: 0 0 .8em; }
h2 { font-size: 13pt; color: #1f3f66; border-bottom: 1px solid #b9c3cf; margin: .8em 0 .35em;
  padding-bottom: .1em; break-after: avoid; }
h3 { font-size: 12pt; margin: .8em 0 .3em; break-after: avoid; }
p { margin: .3em 0; }
p.note { font-size: 10pt; color: #4a4a4a; }
ul { margin: .3em 0; padding-left: 1.4em; }
li { margin: .25em 0; }
li.highlight { list-style: none; margin: .4em 0 .4em -1.4em; padding: .35em .6em;
  background: #fff3bf; border: 2px solid #222; border-radius: 2mm; font-weight: bold; }
.callout { border: 2px solid #1f3f66; border-radius: 3mm; background: #eef3f8;
  padding: .5em .8em; margin: .6em 0; break-inside: avoid; }
.callout p { margin: .15em 0; }
.callout .title { font-size: 14pt; font-weight: bold; color: #1f3f66; }
.write-in { display: flex; flex-wrap: wrap; align-items: center; column-gap: 4mm;
  margin: .4em 0; break-inside: avoid; }
.write-in .label { font-weight: bold; width: 55mm; }
.write-in .note { flex-basis: 100%; margin: .15em 0 0; font-size: 1em; color: #1b1b1b; }
.boxes { display: flex; gap: 2.6mm; }
.group { display: flex; }
.box { width: 6.4mm; height: 8mm; border: 1.2px solid #222; }
.box + .box { border-left: 0; }
.fields { display: flex; gap: 6mm; margin: .6em 0; break-inside: avoid; }
.field { flex: 1; display: flex; align-items: baseline; gap: 2mm; }
.field .line { flex: 1; border-bottom: 1.2px dotted #222; min-height: 1.5em; }
.choice { margin-right: 1.2em; white-space: nowrap; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  column-gap: 8mm; }
.field { flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: .5em 0; }
th, td { text-align: left; vertical-align: top; padding: .25em .4em;
  border-bottom: 1px solid #c8c8c8; }
th { background: #e8edf3; }
tr { break-inside: avoid; }
.page-title { font-size: 10pt; color: #4a4a4a; margin: 0 0 2mm; }
.card-page { display: grid; break-after: page; margin-bottom: 8mm; }
@media print { .card-page { margin-bottom: 0; } }
.card-page:last-of-type { break-after: auto; }
.card { border: 1px dashed #555; padding: 3.5mm 5mm; overflow: hidden; break-inside: avoid;
  position: relative; }
.card::after { content: attr(data-badge); position: absolute; top: 45%; left: 0; right: 0;
  text-align: center; transform: rotate(-28deg); font-size: 54pt; font-weight: bold;
  color: rgba(139, 26, 26, .09); pointer-events: none; }
.badge { display: inline-block; font-size: 24pt; font-weight: bold; letter-spacing: .15em;
  color: #8b1a1a; border: 2px solid #8b1a1a; border-radius: 2mm; padding: 0 .3em; }
.card h3 { margin: .4em 0 .2em; font-size: 13pt; }
.card dl { margin: 0; }
.card dt { font-size: 10pt; color: #4a4a4a; margin-top: .3em; }
.card dd { margin: 0; font-weight: bold; font-size: 13pt; }
.card .note { font-size: 10pt; color: #4a4a4a; margin-top: .5em; }
footer { margin-top: 1.2em; padding-top: .3em; border-top: 1px solid #c8c8c8;
  font-size: 10pt; color: #4a4a4a; }
"""
"""The page's only style sheet: calm, large type, A4 when printed."""


def render_html(document: Document) -> str:
    """Render ``document`` as one self-contained HTML page (no external file is loaded).

    Every text is escaped, so a name such as ``<script>`` is shown, never run.

    Returns:
        The page's source.
    """
    head = (
        f'<!DOCTYPE html>\n<html lang="{document.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
    body: list[str] = []
    if not is_card_sheet(document):
        body.append(f"<h1>{escape(document.title)}</h1>")
        if document.subtitle:
            body.append(f'<p class="subtitle">{escape(document.subtitle)}</p>')
    body.extend(_blocks(document.blocks, document.title))
    footer = f"<footer>{escape(document.footer)}</footer>\n" if document.footer else ""
    return f"{head}<main>\n" + "\n".join(body) + f"\n</main>\n{footer}</body>\n</html>\n"


def _blocks(blocks: tuple[Block, ...], title: str) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, CardGrid):
            yield from _card_grid(block, title)
        elif isinstance(block, Columns):
            yield '<div class="columns"><div>'
            yield from _blocks(block.left, title)
            yield "</div><div>"
            yield from _blocks(block.right, title)
            yield "</div></div>"
        else:
            yield from _RENDERERS[type(block)](block)


def _heading(block: Heading) -> Iterator[str]:
    tag = f"h{block.level + 1}"
    yield f"<{tag}>{escape(block.text)}</{tag}>"


def _paragraph(block: Paragraph) -> Iterator[str]:
    text = escape(block.text)
    if block.style == "strong":
        yield f"<p><strong>{text}</strong></p>"
    else:
        yield f'<p class="{block.style}">{text}</p>'


def _item_list(block: ItemList) -> Iterator[str]:
    yield "<ul>"
    for item in block.items:
        lead = f"<strong>{escape(item.lead)}</strong> " if item.lead else ""
        css = ' class="highlight"' if item.highlight else ""
        yield f"<li{css}>{lead}{escape(item.text)}</li>"
    yield "</ul>"


def _callout(block: Callout) -> Iterator[str]:
    yield '<div class="callout">'
    yield f'<p class="title">{escape(block.title)}</p>'
    yield from (f"<p>{escape(line)}</p>" for line in block.lines)
    yield "</div>"


def _write_in(block: WriteIn) -> Iterator[str]:
    groups = "".join(
        '<span class="group">' + '<span class="box"></span>' * size + "</span>"
        for size in block.groups
    )
    note = f'<p class="note">{escape(block.note)}</p>' if block.note else ""
    boxes_label = escape(_("{count} cases à remplir à la main").format(count=block.size))
    yield (
        f'<div class="write-in"><span class="label">{escape(block.label)}</span>'
        f'<span class="boxes" role="img" aria-label="{boxes_label}">{groups}</span>{note}</div>'
    )


def _field(field: Field) -> str:
    if field.choices:
        answer = "".join(f'<span class="choice">☐ {escape(text)}</span>' for text in field.choices)
    else:
        answer = '<span class="line"></span>'
    return f'<div class="field"><span>{escape(field.label)}</span>{answer}</div>'


def _field_row(block: FieldRow) -> Iterator[str]:
    yield '<div class="fields">' + "".join(_field(field) for field in block.fields) + "</div>"


def _table(block: Table) -> Iterator[str]:
    yield "<table>"
    if block.widths:
        total = sum(block.widths)
        yield (
            "<colgroup>"
            + "".join(f'<col style="width: {100 * width / total:.1f}%">' for width in block.widths)
            + "</colgroup>"
        )
    yield "<thead><tr>" + "".join(f"<th>{escape(text)}</th>" for text in block.header) + "</tr>"
    yield "</thead><tbody>"
    for row in block.rows:
        yield "<tr>" + "".join(f"<td>{escape(text)}</td>" for text in row) + "</tr>"
    yield "</tbody></table>"


def _card(card: Card) -> str:
    lines = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in card.lines
    )
    note = f'<p class="note">{escape(card.note)}</p>' if card.note else ""
    return (
        f'<article class="card" data-badge="{escape(card.badge)}">'
        f'<span class="badge">{escape(card.badge)}</span>'
        f"<h3>{escape(card.title)}</h3><dl>{lines}</dl>{note}</article>"
    )


def _card_grid(block: CardGrid, title: str) -> Iterator[str]:
    pages = [
        block.cards[start : start + block.per_page]
        for start in range(0, len(block.cards), block.per_page)
    ]
    style = (
        f"grid-template-columns: repeat({block.columns}, 1fr); "
        f"grid-auto-rows: {CARD_AREA_MM / block.rows:.1f}mm"
    )
    for number, cards in enumerate(pages, start=1):
        page_title = _("{title} — page {page} sur {pages}").format(
            title=title, page=number, pages=len(pages)
        )
        yield f'<p class="page-title">{escape(page_title)}</p>'
        yield f'<section class="card-page" style="{style}">'
        yield from (_card(card) for card in cards)
        yield "</section>"


_RENDERERS: dict[type[Any], Callable[[Any], Iterator[str]]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    ItemList: _item_list,
    Callout: _callout,
    WriteIn: _write_in,
    FieldRow: _field_row,
    Table: _table,
}
"""One function per kind of block (card grids and columns are drawn by ``_blocks``)."""
