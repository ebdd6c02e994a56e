"""The panel shown instead of a call when a script does not load: every problem, with its place."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _
from repetition_3422.language.diagnostics import render_text
from repetition_3422.tui.translate import N_, translate_bindings
from repetition_3422.tui.widgets.footer import Footer


def describe(error: Repetition3422Error) -> str:
    """``file:line:col: message`` for each problem, with the line and a caret when known."""
    diagnostics = getattr(error, "diagnostics", None)
    if diagnostics:
        return render_text(list(diagnostics))
    return str(error)


class ScriptErrorsScreen(Screen[None]):
    """Shows why ``path`` did not load; the app replaces it once the file is fixed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", N_("Accueil"), key_display=N_("Échap"), id="errors.home"),
    ]

    def __init__(self, path: Path, error: Repetition3422Error) -> None:
        super().__init__()
        translate_bindings(self)
        self.path = path
        self.error = error

    def compose(self) -> ComposeResult:
        yield Static(
            _("Le script ne peut pas être chargé : {name}").format(name=self.path.name),
            id="errors-title",
        )
        yield Static(
            _(
                "Corrigez le fichier dans votre éditeur et enregistrez-le : il est relu "
                "tout seul (ou avec F5)."
            ),
            id="errors-help",
        )
        with VerticalScroll(id="errors-body"):
            yield Static(id="errors-text")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.error)

    def show(self, error: Repetition3422Error) -> None:
        """Display the problems of ``error`` (a newer attempt at loading the file)."""
        self.error = error
        # Content, not markup: a message quotes the author's YAML, brackets included.
        self.query_one("#errors-text", Static).update(Content(describe(error)))

    def action_home(self) -> None:
        """Leave the panel (the file is still watched)."""
        self.dismiss()
