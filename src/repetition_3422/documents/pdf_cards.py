"""Practice cards on PDF pages: a grid of cards with dashed cut lines and scissors."""

from __future__ import annotations

from typing import NamedTuple

from fpdf.enums import Align, XPos, YPos

from repetition_3422.documents.model import Card, CardGrid
from repetition_3422.documents.pdf_base import (
    FICTION,
    INK,
    MARGIN_BOTTOM,
    NOTE_PT,
    SOFT,
    WATERMARK,
    Page,
)

CARD_PADDING = 5.0
"""Space between a card's cut line and its text, in millimetres."""

BADGE_PT = 22.0
VALUE_PT = 13.0
WATERMARK_PT = 54.0

Segment = tuple[float, float, float, float]


class Place(NamedTuple):
    """Where a card goes on the page: top-left corner and size, in millimetres."""

    x: float
    y: float
    width: float
    height: float


def draw_card_grid(page: Page, grid: CardGrid) -> None:
    """Lay ``grid``'s cards out on fresh pages, ``columns`` × ``rows`` each, with cut lines."""
    width = page.epw / grid.columns
    height = (page.h - page.t_margin - page.b_margin) / grid.rows
    page.set_auto_page_break(auto=False)
    for start in range(0, len(grid.cards), grid.per_page):
        if start or page.get_y() > page.t_margin + 0.5:
            page.add_page()
        places = []
        for index, card in enumerate(grid.cards[start : start + grid.per_page]):
            row, column = divmod(index, grid.columns)
            place = Place(
                page.l_margin + column * width, page.t_margin + row * height, width, height
            )
            _card(page, card, place)
            places.append(place)
        _cut_lines(page, places)
    page.set_auto_page_break(auto=True, margin=MARGIN_BOTTOM)
    page.set_xy(page.l_margin, page.h - page.b_margin)


def _card(page: Page, card: Card, place: Place) -> None:
    inner = place.width - 2 * CARD_PADDING
    _watermark(page, card.badge, place)
    page.use(emphasis="B", size=BADGE_PT, colour=FICTION)
    badge_width = page.get_string_width(card.badge) + 6
    page.set_draw_color(*FICTION)
    page.set_line_width(0.7)
    left, top = place.x + CARD_PADDING, place.y + CARD_PADDING
    page.rect(left, top, badge_width, 11, round_corners=True, corner_radius=1.5)
    page.set_xy(left, top)
    page.cell(badge_width, 11, card.badge, align=Align.C)
    page.set_xy(left, top + 13.5)
    _text(page, card.title, inner, page.use(emphasis="B", size=VALUE_PT))
    for label, value in card.lines:
        page.set_xy(left, page.get_y() + 1.2)
        _text(page, label, inner, page.use(size=NOTE_PT, colour=SOFT))
        _text(page, value, inner, page.use(emphasis="B", size=VALUE_PT, colour=INK))
    if card.note:
        note_line = page.use(size=NOTE_PT, colour=SOFT)
        note_height = page.text_height(card.note, inner, note_line)
        page.set_xy(left, place.y + place.height - CARD_PADDING - note_height)
        _text(page, card.note, inner, note_line)


def _text(page: Page, text: str, width: float, height: float) -> None:
    page.multi_cell(width, height, text, align=Align.L, new_x=XPos.LEFT, new_y=YPos.NEXT)


def _watermark(page: Page, text: str, place: Place) -> None:
    """The badge again, huge, pale and slanted behind the card's text."""
    middle = place.y + place.height / 2
    with page.rotation(angle=28, x=place.x + place.width / 2, y=middle):
        page.use(emphasis="B", size=WATERMARK_PT, colour=WATERMARK)
        page.set_xy(place.x, middle - 10)
        page.cell(place.width, 20, text, align=Align.C)


def _cut_lines(page: Page, places: list[Place]) -> None:
    """Dashed lines around the cards (each shared edge drawn once) and scissors in the margin."""
    segments: set[Segment] = set()
    for place in places:
        left, top = round(place.x, 2), round(place.y, 2)
        right, bottom = round(place.x + place.width, 2), round(place.y + place.height, 2)
        segments |= {
            (left, top, right, top),
            (left, bottom, right, bottom),
            (left, top, left, bottom),
            (right, top, right, bottom),
        }
    page.set_draw_color(*SOFT)
    page.set_line_width(0.3)
    page.set_dash_pattern(dash=2.0, gap=1.5)
    for segment in sorted(segments):
        page.line(*segment)
    page.set_dash_pattern()
    height = page.use(size=NOTE_PT + 2, colour=SOFT)
    margin = round(page.l_margin, 2)
    for y in sorted({seg[1] for seg in segments if seg[0] == margin and seg[1] == seg[3]}):
        page.set_xy(margin - 6.5, y - height / 2)
        page.cell(6, height, "✂")
