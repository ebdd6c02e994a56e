"""What the app needs of the layers below it, as protocols, so tests can stand in for them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:
    # Only named in annotations: the home screen starts without the engine and the voice.
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path

    from repetition_3422.domain.identity import Identity
    from repetition_3422.engine.events import CallEvent
    from repetition_3422.engine.result import CallResult
    from repetition_3422.engine.settings import CallSettings
    from repetition_3422.language.model import Persona, Script, State
    from repetition_3422.speech.speaker import Listener, Speaker


class RunningCall(Protocol):
    """A call in progress (the engine's ``Call``)."""

    script: Script
    identity: Identity
    settings: CallSettings

    def start(self) -> list[CallEvent]:
        """Ring and let the first states speak."""

    def say(self, text: str) -> list[CallEvent]:
        """The caller says ``text``."""

    def press(self, keys: str) -> list[CallEvent]:
        """The caller presses keypad keys."""

    def silence(self) -> list[CallEvent]:
        """The caller said nothing before the timeout."""

    def advance(self, seconds: float) -> list[CallEvent]:
        """Simulated time passes (holds progress and end)."""

    def hang_up(self) -> list[CallEvent]:
        """The caller hangs up."""

    @property
    def state(self) -> State:
        """The current state."""

    @property
    def ended(self) -> bool:
        """Whether the call is over."""

    @property
    def outcome(self) -> str:
        """The outcome id, ``""`` until the call ends."""

    @property
    def keypad_active(self) -> bool:
        """Whether keypad digits are listened to now."""

    @property
    def hint(self) -> str | None:
        """Practice-mode hint of the current state."""

    @property
    def suggestions(self) -> Sequence[str]:
        """Practice-mode suggested replies of the current state."""

    @property
    def waiting(self) -> float:
        """Seconds of hold left (0 when not on hold)."""

    @property
    def elapsed(self) -> float:
        """Simulated seconds since the call started."""

    @property
    def speaker(self) -> Persona:
        """Whoever speaks in the current state."""

    def go(self, target: str, events: list[CallEvent]) -> None:
        """Enter state ``target`` (used to resume a reloaded script where it was)."""

    def result(self) -> CallResult:
        """The debrief (once ended)."""

    def transcript(self) -> dict[str, Any]:
        """The masked transcript (contract form)."""


CallFactory: TypeAlias = "Callable[[Script, Identity, CallSettings], RunningCall]"
"""Builds a call from a script, an identity and the engine's ``CallSettings``."""

SpeakerFactory: TypeAlias = "Callable[[Listener], Speaker]"
"""Builds the voice, given the function to tell the app what it is doing."""

ScriptLoader: TypeAlias = "Callable[[Path], Script]"
"""Loads a script file (raises ``ScriptError`` with its diagnostics)."""

IdentityMaker: TypeAlias = "Callable[[int], Identity]"
"""Makes a fictional practice identity from a seed."""

ReportWriter: TypeAlias = "Callable[[Mapping[str, Any], Path], Any]"
"""Writes a debrief document from a transcript (``documents.report.render_report``)."""
