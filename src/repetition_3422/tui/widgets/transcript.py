"""The call as it is heard: one line per turn, newest at the bottom."""

from __future__ import annotations

from typing import Literal

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

LineKind = Literal["adviser", "machine", "caller", "event", "fault"]
"""Who a transcript line comes from; each kind has its own style in ``call.tcss``."""


class TranscriptLine(Static):
    """One turn of the call."""


class Transcript(VerticalScroll, can_focus=True):
    """Every line of the call so far, scrolled to the newest."""

    def add(self, kind: LineKind, text: str, who: str = "") -> TranscriptLine:
        """Append a line; ``who`` is shown in bold before the text."""
        # Content, not markup: what the caller types must never be read as markup.
        body = Content.assemble((f"{who} : ", "bold"), text) if who else Content(text)
        line = TranscriptLine(body, classes=kind)
        self.mount(line)
        return line

    def on_mount(self) -> None:
        # Anchored: stays on the newest line until the caller scrolls up to read back.
        self.anchor()

    def highlight_last(self, kind: LineKind) -> None:
        """Mark the newest line of ``kind`` (the line the caller asked to hear again)."""
        lines = [line for line in self.query(TranscriptLine) if line.has_class(kind)]
        for line in lines:
            line.remove_class("-replayed")
        if lines:
            lines[-1].add_class("-replayed")
            self.scroll_to_widget(lines[-1], animate=False)
