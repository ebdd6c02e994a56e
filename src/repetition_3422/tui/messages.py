"""Messages that travel from a screen to the app, which moves between screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from repetition_3422.speech.speaker import SpeechEvent
    from repetition_3422.tui.call_session import CallSession


class StartCall(Message):
    """Start a call of ``script_id`` (at ``difficulty``, or the chosen level)."""

    def __init__(self, script_id: str, difficulty: str | None = None) -> None:
        self.script_id = script_id
        self.difficulty = difficulty
        super().__init__()


class CallOver(Message):
    """The caller has seen the end of the call and wants the debrief."""

    def __init__(self, script_id: str, difficulty: str, session: CallSession) -> None:
        self.script_id = script_id
        self.difficulty = difficulty
        self.session = session
        super().__init__()


class GoHome(Message):
    """Back to the home screen."""


class SpeechNews(Message):
    """What the voice reports (possibly sent from the speech thread)."""

    def __init__(self, event: SpeechEvent) -> None:
        self.event = event
        super().__init__()


class SettingsChanged(Message):
    """The settings changed (the app re-applies the theme)."""
