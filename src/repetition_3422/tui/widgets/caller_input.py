"""The answer line: what the caller says, typed; digits go to the keypad when a menu listens."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

from repetition_3422.tui.widgets.keypad import KEYS


class CallerInput(Input):
    """An input that sends a lone keypad key at once while a voice menu listens.

    On a menu, pressing ``1`` in an empty line is pressing the phone's key 1, as on a
    real phone; anything else (``le un``, ``conseiller``) is typed and sent with Enter.
    """

    keypad_active = False
    """Whether a voice menu listens to keys now (set by the call screen)."""

    class KeypadKey(Message):
        """A keypad key was typed."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    class Typing(Message):
        """The caller typed something (the adviser must stop speaking)."""

    async def _on_key(self, event: events.Key) -> None:
        if self.keypad_active and not self.value and event.character and event.character in KEYS:
            event.stop()
            event.prevent_default()
            self.post_message(self.KeypadKey(event.character))
            return
        if event.is_printable:
            self.post_message(self.Typing())
        await super()._on_key(event)
