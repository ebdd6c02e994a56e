"""A yes/no question in a box over the screen."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from repetition_3422.tui.translate import N_, translate_bindings


class Confirm(ModalScreen[bool]):
    """Asks ``question``; returns ``True`` for ``yes``, ``False`` for ``no`` or Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "no", N_("Annuler"), key_display=N_("Échap"), id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no", compact=True)
                yield Button(self.yes, id="yes", variant="error", compact=True)

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter by reflex does not end the call.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_no(self) -> None:
        """Answer no."""
        self.dismiss(False)
