"""PDF rendering of documents: A4 pages drawn with fpdf2 and the shipped DejaVu fonts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fpdf.enums import Align, TableBordersLayout, XPos
from fpdf.fonts import FontFace

from repetition_3422.documents.model import (
    Callout,
    CardGrid,
    Columns,
    Document,
    Field,
    FieldRow,
    Heading,
    Item,
    ItemList,
    Paragraph,
    Table,
    WriteIn,
    is_card_sheet,
)
from repetition_3422.documents.pdf_base import (
    ACCENT,
    BODY_PT,
    FAMILY,
    H1_PT,
    H2_PT,
    INK,
    MARK,
    NOTE_PT,
    PALE,
    RULE,
    SOFT,
    TABLE_PT,
    TITLE_PT,
    Page,
    line_height,
)
from repetition_3422.documents.pdf_cards import draw_card_grid

BOX_WIDTH = 6.4
BOX_HEIGHT = 8.0
BOX_GAP = 2.6
"""Write-in boxes: wide enough for a handwritten digit, a gap between groups."""

LABEL_WIDTH = 58.0
"""Width of the label column left of the write-in boxes."""

FIELD_HEIGHT = 9.0
"""Height of a line to write on during the call: room for hurried handwriting."""

COLUMN_GAP = 8.0
"""Space between two columns."""


def render_pdf(document: Document) -> bytes:
    """Render ``document`` as an A4 PDF with the fonts embedded.

    Returns:
        The PDF file's bytes.
    """
    card_sheet = is_card_sheet(document)
    page = Page(document.footer, running_title=document.title if card_sheet else "")
    page.set_title(document.title)
    page.set_lang(document.lang)
    page.add_page()
    writer = _Writer(page)
    if not card_sheet:
        writer.title(document.title, document.subtitle)
    for block in document.blocks:
        writer.draw(block)
    return bytes(page.output())


class _Writer:
    """Draws blocks one below the other on a :class:`Page`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._draw: dict[type[Any], Callable[[Any], None]] = {
            Heading: self.heading,
            Paragraph: self.paragraph,
            ItemList: self.item_list,
            Callout: self.callout,
            WriteIn: self.write_in,
            FieldRow: self.field_row,
            Table: self.table,
            CardGrid: lambda grid: draw_card_grid(self.page, grid),
            Columns: self.columns,
        }

    def draw(self, block: object) -> None:
        """Draw any block below what is already on the page."""
        self._draw[type(block)](block)

    def title(self, title: str, subtitle: str) -> None:
        """The document's title in large type, and its subtitle."""
        page = self.page
        page.paragraph(title, page.use(emphasis="B", size=TITLE_PT, colour=ACCENT))
        if subtitle:
            page.ln(0.5)
            page.paragraph(subtitle, page.use(size=BODY_PT))
        page.ln(1.0)

    def heading(self, block: Heading) -> None:
        """A section title, kept with at least a few lines of what follows."""
        page = self.page
        size = H1_PT if block.level == 1 else H2_PT
        if page.will_page_break(line_height(size) + 18):
            page.add_page()
        elif page.get_y() > page.t_margin + 1:
            page.ln(2.0 if block.level == 1 else 1.2)
        page.paragraph(block.text, page.use(emphasis="B", size=size, colour=ACCENT))
        if block.level == 1:
            page.set_draw_color(*RULE)
            page.set_line_width(0.3)
            y = page.get_y() + 0.3
            page.line(page.l_margin, y, page.w - page.r_margin, y)
            page.ln(1.6)

    def paragraph(self, block: Paragraph) -> None:
        """Running text: plain, bold or a smaller note."""
        page = self.page
        if block.style == "note":
            height = page.use(size=NOTE_PT, colour=SOFT)
        else:
            height = page.use(emphasis="B" if block.style == "strong" else "")
        page.paragraph(block.text, height)
        page.ln(1.0)

    def item_list(self, block: ItemList) -> None:
        """A bulleted list; highlighted items are framed and shaded."""
        for item in block.items:
            if item.highlight:
                self._highlighted(item)
            else:
                self._bullet(item)
        self.page.ln(0.6)

    def _bullet(self, item: Item) -> None:
        page = self.page
        left, indent = page.l_margin, 6.0
        height = page.use()
        if page.will_page_break(height):
            page.add_page()
        page.set_x(left + 1.5)
        page.cell(indent - 1.5, height, "•")
        page.set_left_margin(left + indent)
        if item.lead:
            page.use(emphasis="B")
            page.write(height, item.lead + " ")
            page.use()
        page.write(height, item.text)
        page.ln(height + 0.8)
        page.set_left_margin(left)
        page.set_x(left)

    def _highlighted(self, item: Item) -> None:
        page = self.page
        pad, width = 2.6, page.epw - 5.2
        height = page.use(emphasis="B", size=BODY_PT + 0.5)
        text_height = page.text_height(item.text, width, height)
        lead_height = page.text_height(item.lead, width, height) if item.lead else 0.0
        total = lead_height + text_height + 2 * pad
        if page.will_page_break(total + 1.5):
            page.add_page()
        x, y = page.l_margin, page.get_y() + 0.6
        page.set_fill_color(*MARK)
        page.set_draw_color(*INK)
        page.set_line_width(0.7)
        page.rect(x, y, page.epw, total, style="DF", round_corners=True, corner_radius=2)
        page.set_xy(x + pad, y + pad)
        for text in (item.lead, item.text):
            if text:
                page.multi_cell(width, height, text, align=Align.L, new_x=XPos.LEFT)
        page.set_xy(x, y + total + 1.8)

    def callout(self, block: Callout) -> None:
        """A framed, tinted block: a bold title and a few lines."""
        page = self.page
        pad, width = 3.2, page.epw - 6.4
        title_height = page.use(emphasis="B", size=H1_PT)
        heights = [page.text_height(block.title, width, title_height)]
        line = page.use()
        heights.extend(page.text_height(text, width, line) + 0.8 for text in block.lines)
        total = sum(heights) + 2 * pad
        if page.will_page_break(total + 2):
            page.add_page()
        x, y = page.l_margin, page.get_y() + 0.8
        page.set_fill_color(*PALE)
        page.set_draw_color(*ACCENT)
        page.set_line_width(0.6)
        page.rect(x, y, page.epw, total, style="DF", round_corners=True, corner_radius=2.5)
        page.set_xy(x + pad, y + pad)
        page.use(emphasis="B", size=H1_PT, colour=ACCENT)
        page.multi_cell(width, title_height, block.title, align=Align.L, new_x=XPos.LEFT)
        page.use()
        for text in block.lines:
            page.set_y(page.get_y() + 0.8)
            page.set_x(x + pad)
            page.multi_cell(width, line, text, align=Align.L, new_x=XPos.LEFT)
        page.set_xy(x, y + total + 2.2)

    def write_in(self, block: WriteIn) -> None:
        """A label, then one empty box per character, grouped; a note below, full width."""
        page = self.page
        note_line = page.use()
        note_height = page.text_height(block.note, page.epw, note_line) if block.note else 0.0
        label_line = page.use(emphasis="B")
        label_height = page.text_height(block.label, LABEL_WIDTH - 3, label_line)
        row = max(label_height, BOX_HEIGHT)
        if page.will_page_break(row + note_height + 2):
            page.add_page()
        x, y = page.l_margin, page.get_y() + 0.8
        page.set_xy(x, y + (row - label_height) / 2)
        page.multi_cell(LABEL_WIDTH - 3, label_line, block.label, align=Align.L)
        self._boxes(x + LABEL_WIDTH, y + (row - BOX_HEIGHT) / 2, block.groups)
        page.set_xy(x, y + row + 1.0)
        if block.note:
            page.paragraph(block.note, page.use())
        page.ln(1.6)

    def _boxes(self, x: float, y: float, groups: tuple[int, ...]) -> None:
        page = self.page
        page.set_draw_color(*INK)
        page.set_line_width(0.35)
        for size in groups:
            for _ in range(size):
                page.rect(x, y, BOX_WIDTH, BOX_HEIGHT)
                x += BOX_WIDTH
            x += BOX_GAP

    def field_row(self, block: FieldRow) -> None:
        """Fields side by side: a label, then a dotted line or boxes to tick."""
        page = self.page
        width = (page.epw - COLUMN_GAP * (len(block.fields) - 1)) / len(block.fields)
        page.use()
        height = FIELD_HEIGHT * max(self._field_lines(field, width) for field in block.fields)
        if page.will_page_break(height + 1):
            page.add_page()
        y = page.get_y()
        for index, field in enumerate(block.fields):
            self._field(field, page.l_margin + index * (width + COLUMN_GAP), y, width)
        page.set_xy(page.l_margin, y + height + 0.6)

    def _field_lines(self, field: Field, width: float) -> int:
        """1, or 2 when the boxes to tick do not fit beside the label."""
        if not field.choices:
            return 1
        needed = self.page.get_string_width(field.label) + 2
        needed += sum(self.page.get_string_width("☐ " + choice) + 5 for choice in field.choices)
        return 1 if needed <= width else 2

    def _field(self, field: Field, x: float, y: float, width: float) -> None:
        page = self.page
        height = page.use()
        baseline = y + FIELD_HEIGHT - 1.2
        label_width = page.get_string_width(field.label) + 2
        page.set_xy(x, baseline - height)
        page.cell(label_width, height, field.label)
        if field.choices:
            if self._field_lines(field, width) == 2:
                page.set_xy(x + 4, baseline - height + FIELD_HEIGHT)
            for choice in field.choices:
                text = "☐ " + choice
                page.cell(page.get_string_width(text) + 5, height, text)
            return
        page.set_draw_color(*INK)
        page.set_line_width(0.3)
        page.set_dash_pattern(dash=0.5, gap=1.0)
        page.line(x + label_width, baseline - 0.8, x + width, baseline - 0.8)
        page.set_dash_pattern()

    def columns(self, block: Columns) -> None:
        """Two stacks of blocks side by side, moved whole to a new page if they do not fit."""
        page = self.page
        with page.offset_rendering() as trial:
            self._side_by_side(block)
        if trial.page_break_triggered and page.get_y() > page.t_margin + 1:
            page.add_page()
        self._side_by_side(block)

    def _side_by_side(self, block: Columns) -> None:
        page = self.page
        left_margin, right_margin = page.l_margin, page.r_margin
        half = (page.epw - COLUMN_GAP) / 2
        start_page, top = page.page, page.get_y()
        ends: list[tuple[int, float]] = []
        for index, blocks in enumerate((block.left, block.right)):
            page.page = start_page
            page.set_left_margin(left_margin + index * (half + COLUMN_GAP))
            page.set_right_margin(page.w - page.l_margin - half)
            page.set_xy(page.l_margin, top)
            for inner in blocks:
                self.draw(inner)
            ends.append((page.page, page.get_y()))
        page.set_left_margin(left_margin)
        page.set_right_margin(right_margin)
        page.page, bottom = max(ends)
        page.set_xy(left_margin, bottom)

    def table(self, block: Table) -> None:
        """A table with a tinted header row repeated on each page."""
        page = self.page
        page.use(size=TABLE_PT)
        page.set_fill_color(255, 255, 255)  # the table takes the current fill as its cells'
        heading = FontFace(emphasis="BOLD", color=INK, fill_color=PALE, family=FAMILY)
        with page.table(
            col_widths=block.widths or None,
            text_align=Align.L,
            v_align="TOP",
            line_height=line_height(TABLE_PT),
            headings_style=heading,
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            padding=(1.2, 1.6),
            width=page.epw,
            first_row_as_headings=True,
        ) as table:
            page.set_draw_color(*RULE)
            for row in (block.header, *block.rows):
                cells = table.row()
                for text in row:
                    cells.cell(text)
        page.ln(2.0)
