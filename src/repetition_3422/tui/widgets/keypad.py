"""The phone keypad: twelve keys to click, also reachable by typing digits, ``*`` and ``#``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button

from repetition_3422.i18n import _

KEYS = "123456789*0#"
"""The keys of a phone, in the order they are laid out."""

KEY_IDS = {"*": "star", "#": "hash"}
"""Widget ids cannot contain ``*`` or ``#``."""


FLASH_SECONDS = 0.2
"""How long a typed key shows as pressed."""


def key_id(key: str) -> str:
    """The widget id of the button for ``key`` (``key-1``, ``key-star``)."""
    return f"key-{KEY_IDS.get(key, key)}"


_KEY_OF_ID = {key_id(key): key for key in KEYS}


class KeyButton(Button, can_focus=False):
    """One key. It never takes the focus, so typing stays in the answer line."""


class Keypad(Grid):
    """Four rows of three keys, usable only while a voice menu listens."""

    active: reactive[bool] = reactive(False)
    """Whether the voice menu listens to keys now."""

    class Pressed(Message):
        """A key was pressed (clicked)."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    def compose(self) -> ComposeResult:
        for key in KEYS:
            yield KeyButton(key, id=key_id(key), compact=True, disabled=True)

    def watch_active(self, active: bool) -> None:
        self.set_class(active, "-active")
        self.border_title = _("Clavier") if active else _("Clavier (inactif)")
        for button in self.query(KeyButton):
            button.disabled = not active

    def flash(self, key: str) -> None:
        """Show ``key`` as pressed for a moment (it was typed rather than clicked)."""
        if key in KEYS:
            button = self.query_one(f"#{key_id(key)}", KeyButton)
            button.add_class("-active")
            # A cosmetic blink, so a Textual timer is enough: no test depends on it.
            self.set_timer(FLASH_SECONDS, lambda: button.remove_class("-active"))

    @on(Button.Pressed, "KeyButton")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        key = _KEY_OF_ID.get(event.button.id or "")
        if self.active and key is not None:
            self.post_message(self.Pressed(key))
