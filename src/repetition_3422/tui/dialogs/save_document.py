"""Ask where to save a document (debrief, aide-mémoire): a path ending in a known format."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from repetition_3422.i18n import _
from repetition_3422.tui.translate import N_, translate_bindings

SUFFIXES = (".pdf", ".html", ".md")
"""Formats the documents layer writes, chosen by the end of the name."""


class SaveDocument(ModalScreen[Path | None]):
    """Returns the path typed, or ``None`` when the person cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Annuler"), key_display=N_("Échap"), id="save.cancel"),
    ]

    def __init__(self, question: str, suggested: Path) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            yield Input(str(self.suggested), id="document-path")
            yield Label(
                _("Formats : .pdf, .html ou .md (d'après la fin du nom)."), id="document-help"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Annuler"), id="cancel", compact=True)
                yield Button(_("Enregistrer"), id="save", variant="primary", compact=True)

    @on(Input.Submitted, "#document-path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one("#document-path", Input).value.strip()
        path = Path(text).expanduser()
        if path.suffix.lower() not in SUFFIXES:
            self.query_one("#document-help", Label).update(
                _("Le nom doit finir par .pdf, .html ou .md.")
            )
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
