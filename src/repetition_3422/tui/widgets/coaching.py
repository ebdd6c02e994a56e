"""Practice-mode help during a call: the hint of the moment and replies to pick."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static

from repetition_3422.i18n import _


class Coaching(Vertical):
    """A hint and suggested replies; choosing a reply fills the answer line."""

    class Chosen(Message):
        """A suggested reply was chosen."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._suggestions: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="hint")
        yield OptionList(id="suggestions")

    def show(self, hint: str | None, suggestions: Sequence[str]) -> None:
        """Display the help of the current state; hide what there is none of."""
        hint_widget = self.query_one("#hint", Static)
        hint_widget.display = bool(hint)
        hint_widget.update(Content.assemble((_("Indice : "), "bold"), hint or ""))
        options = self.query_one("#suggestions", OptionList)
        if list(suggestions) != self._suggestions:
            self._suggestions = list(suggestions)
            options.clear_options()
            # Content, not markup: a reply may contain brackets.
            options.add_options([Content(text) for text in self._suggestions])
        options.display = bool(suggestions)
        self.display = bool(hint) or bool(suggestions)

    @on(OptionList.OptionSelected, "#suggestions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self._suggestions[event.option_index]))
