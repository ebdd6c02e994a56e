"""The debrief: how the call ended, each criterion ✓/✗ with its feedback, the masked transcript."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Label, Static

from repetition_3422.engine.result import CallResult
from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _
from repetition_3422.language.model import Script
from repetition_3422.tui.dialogs.save_document import SaveDocument
from repetition_3422.tui.messages import GoHome, StartCall
from repetition_3422.tui.rehearsal import Rehearsal
from repetition_3422.tui.translate import N_, translate_bindings
from repetition_3422.tui.widgets.debrief_parts import MaskedTranscript, Rubric, Summary
from repetition_3422.tui.widgets.footer import Footer

DocumentWriter = Callable[[Path], Any]
"""Writes one document to a path (the debrief, the aide-mémoire)."""

STYLES = Path(__file__).parent.parent / "styles"


class DebriefScreen(Screen[None]):
    """What went well, what to do next time, and what to do now."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "debrief.tcss"]
    """Read when the first debrief opens: the home screen starts without it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "replay", N_("Rejouer"), id="debrief.replay"),
        Binding("h", "harder", N_("Niveau +"), tooltip=N_("Plus difficile"), id="debrief.harder"),
        Binding("s", "save", N_("Enregistrer"), id="debrief.save"),
        Binding("p", "sheet", N_("Aide-mémoire"), id="debrief.sheet"),
        Binding("escape", "home", N_("Accueil"), key_display=N_("Échap"), id="debrief.home"),
    ]
    """Letters work here: nothing is typed on this screen."""

    def __init__(
        self,
        rehearsal: Rehearsal,
        script: Script,
        difficulty: str,
        result: CallResult,
        transcript: dict[str, Any],
        *,
        save_report: DocumentWriter | None = None,
        save_sheet: DocumentWriter | None = None,
    ) -> None:
        """Build the debrief of a finished call.

        Args:
            rehearsal: The app's objects.
            script: The scenario played.
            difficulty: The level played.
            result: The engine's debrief.
            transcript: The masked transcript (contract form).
            save_report: Writes the debrief document; ``None`` hides the action.
            save_sheet: Writes the aide-mémoire; ``None`` hides the action.
        """
        super().__init__()
        translate_bindings(self)
        self.rehearsal = rehearsal
        self.script = script
        self.difficulty = difficulty
        self.result = result
        self.transcript = transcript
        self.save_report = save_report
        self.save_sheet = save_sheet
        self.harder_level = rehearsal.harder(script, difficulty)

    def compose(self) -> ComposeResult:
        yield Static(_("Bilan — {title}").format(title=self.script.title), id="debrief-title")
        with VerticalScroll(id="debrief-body"):
            yield Summary(id="summary")
            yield Label(_("Ce qui était attendu"), classes="section")
            yield Rubric(id="rubric")
            yield Label(_("L'appel (numéros masqués)"), classes="section")
            yield MaskedTranscript(id="masked-transcript")
        with Horizontal(id="debrief-actions"):
            yield Button(_("Rejouer"), id="replay", variant="primary", compact=True)
            if self.harder_level:
                yield Button(_("Plus difficile"), id="harder", compact=True)
            if self.save_report:
                yield Button(_("Enregistrer"), id="save", compact=True)
            if self.save_sheet:
                yield Button(_("Aide-mémoire"), id="sheet", compact=True)
            yield Button(_("Accueil"), id="home", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#summary", Summary).show(self.result, self.difficulty, self.rehearsal.mode)
        self.query_one("#rubric", Rubric).show(self.result.rubric)
        self.query_one("#masked-transcript", MaskedTranscript).show(self.transcript)
        self.query_one("#replay", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this debrief cannot do (no harder level, no documents layer)."""
        available = {
            "harder": self.harder_level is not None,
            "save": self.save_report is not None,
            "sheet": self.save_sheet is not None,
        }
        return available.get(action, True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {
            "replay": self.action_replay,
            "harder": self.action_harder,
            "save": self.action_save,
            "sheet": self.action_sheet,
            "home": self.action_home,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def action_replay(self) -> None:
        """Play the same scenario again, at the same level."""
        self.post_message(StartCall(self.script.id, self.difficulty))

    def action_harder(self) -> None:
        """Play again one level up."""
        if self.harder_level:
            self.post_message(StartCall(self.script.id, self.harder_level))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.post_message(GoHome())

    def action_save(self) -> None:
        """Ask for a file name, then save the debrief there."""
        if self.save_report is not None:
            self._save_to(
                self.save_report,
                _("Enregistrer le bilan sous :"),
                Path(f"bilan-{self.script.id}.pdf"),
            )

    def action_sheet(self) -> None:
        """Ask for a file name, then write the aide-mémoire to print."""
        if self.save_sheet is not None:
            self._save_to(
                self.save_sheet,
                _("Enregistrer l'aide-mémoire (à imprimer) sous :"),
                Path("aide-memoire-3422.pdf"),
            )

    def _save_to(self, writer: DocumentWriter, question: str, suggested: Path) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                writer(path)
            except Repetition3422Error as error:
                self.notify(str(error), severity="error", timeout=10)
                return
            self.notify(_("Enregistré : {path}").format(path=path))

        self.app.push_screen(SaveDocument(question, suggested), chosen)
