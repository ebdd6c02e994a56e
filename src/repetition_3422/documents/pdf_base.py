"""The A4 page every PDF is drawn on: shipped DejaVu fonts, sizes, colours, footer."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from repetition_3422.i18n import _

FONT_DIR = Path(__file__).parent / "fonts"
"""DejaVu Sans, shipped with the package: fpdf2's own fonts know Latin-1 only (no œ, ’, €)."""

FAMILY = "DejaVu"
"""The name the fonts are registered under in each PDF."""

PT = 25.4 / 72
"""Millimetres per typographic point."""

TITLE_PT = 18.0
H1_PT = 13.0
H2_PT = 12.5
BODY_PT = 11.0
"""Body text: at least 11 pt, for older readers."""
TABLE_PT = 11.0
NOTE_PT = 10.0
"""Notes and footers, the smallest text printed."""

Colour = tuple[int, int, int]
INK: Colour = (27, 27, 27)
ACCENT: Colour = (31, 63, 102)
SOFT: Colour = (74, 74, 74)
RULE: Colour = (185, 195, 207)
PALE: Colour = (238, 243, 248)
MARK: Colour = (255, 243, 191)
FICTION: Colour = (139, 26, 26)
WATERMARK: Colour = (242, 228, 228)

MARGIN_X = 14.0
MARGIN_TOP = 12.0
MARGIN_BOTTOM = 16.0
"""Room under the text for the footer line."""

Emphasis = Literal["", "B"]


def line_height(size_pt: float) -> float:
    """The distance between two lines of text of ``size_pt`` points, in millimetres."""
    return size_pt * PT * 1.3


class Page(FPDF):
    """An A4 portrait PDF with the shipped fonts, calm margins and a footer on each page.

    Args:
        footer_text: Printed small at the bottom left of every page (may be empty).
        running_title: Printed small at the top of every page (card sheets), or empty.
    """

    def __init__(self, footer_text: str = "", running_title: str = "") -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.running_title = running_title
        self.add_font(FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(auto=True, margin=MARGIN_BOTTOM)
        self.set_creator("repetition-3422")
        self.use(emphasis="", size=BODY_PT)

    def use(self, *, emphasis: Emphasis = "", size: float = BODY_PT, colour: Colour = INK) -> float:
        """Select the font and colour of the text that follows.

        Returns:
            The line height for that size, in millimetres.
        """
        self.set_font(FAMILY, emphasis, size)
        self.set_text_color(*colour)
        return line_height(size)

    def text_height(self, text: str, width: float, height: float) -> float:
        """Height that ``text`` takes in the current font, wrapped to ``width`` millimetres."""
        lines = self.multi_cell(width, height, text, dry_run=True, output="LINES")
        assert isinstance(lines, list)  # what output="LINES" gives
        return height * max(1, len(lines))

    def paragraph(self, text: str, height: float, width: float = 0) -> None:
        """Write ``text`` wrapped to ``width`` (0: up to the right margin), left aligned."""
        self.multi_cell(width, height, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def header(self) -> None:
        """Print the running title, if any, in the top margin."""
        if not self.running_title:
            return
        self.set_xy(self.l_margin, 4)
        self.use(size=NOTE_PT, colour=SOFT)
        self.cell(self.epw, 5, self.running_title, align=Align.L)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        """Print the footer text and the page number at the bottom of each page."""
        top = self.h - MARGIN_BOTTOM + 4
        height = self.use(size=NOTE_PT, colour=SOFT)
        number = _("page {page} sur {pages}").format(page=self.page_no(), pages="{nb}")
        number_width = self.get_string_width(number.replace("{nb}", "00")) + 4
        self.set_xy(self.l_margin + self.epw - number_width, top)
        self.cell(number_width, height, number, align=Align.R)
        self.set_xy(self.l_margin, top)
        self.multi_cell(self.epw - number_width, height, self.footer_text, align=Align.L)
