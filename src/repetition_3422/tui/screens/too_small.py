"""Shown over everything while the terminal is smaller than the app can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from repetition_3422.i18n import _

MIN_WIDTH = 60
MIN_HEIGHT = 20
"""The smallest terminal the app is usable in (good from 80×24)."""


def too_small(width: int, height: int) -> bool:
    """Whether a terminal of this size is too small."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    """A sentence asking for a bigger window; it goes away by itself."""

    def compose(self) -> ComposeResult:
        yield Static(
            _("Fenêtre trop petite : agrandissez-la à au moins {w}×{h}.").format(
                w=MIN_WIDTH, h=MIN_HEIGHT
            ),
            id="too-small",
        )
