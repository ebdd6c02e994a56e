"""The seam between a call on screen and a voice: the :class:`Speaker` interface.

The app never waits on speech. It asks a speaker to say a line, cancel, replay or play a
sound, and is told what happened through a callback, which may be called from another
thread (the app hands it to its own loop with ``call_from_thread``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

Sound = Literal["music", "beeps", "ringing", "silence"]
"""Sounds a call plays while the caller waits (same names as the script's hold sounds)."""


@dataclass(frozen=True, slots=True)
class Utterance:
    """One line to say, with the voice of the persona who says it."""

    text: str
    line_id: str
    voice: str | None = None
    rate: float = 1.0
    """Relative speed: 1.0 is the engine's normal pace, 0.8 slower."""


@dataclass(frozen=True, slots=True)
class SpeechStarted:
    """The first audio of a line is playing."""

    line_id: str


@dataclass(frozen=True, slots=True)
class SpeechFinished:
    """A line is over, played to its end or cancelled."""

    line_id: str
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class SpeechUnavailable:
    """Speech cannot be heard on this machine; ``reason`` is a French sentence for the person."""

    reason: str


SpeechEvent = SpeechStarted | SpeechFinished | SpeechUnavailable
Listener = Callable[[SpeechEvent], None]


class Speaker(Protocol):
    """What the app needs of a voice. Every method returns at once."""

    def speak(self, utterance: Utterance) -> None:
        """Queue ``utterance`` after what is already queued."""

    def cancel(self) -> None:
        """Stop the current line and drop the queue (the caller started talking)."""

    def replay(self) -> None:
        """Say the last line again."""

    def play_sound(self, sound: Sound, seconds: float) -> None:
        """Play hold music, beeps or the ring tone for up to ``seconds``."""

    def stop_sound(self) -> None:
        """Stop the sound that is playing, if any."""

    def set_rate(self, rate: float) -> None:
        """Change the pace (1.0 normal, 0.8 slower) for the lines still to come."""

    def set_volume(self, volume: float) -> None:
        """Change the loudness (0.0 to 1.0) for the lines still to come."""

    def close(self) -> None:
        """Release the engine and any player process."""


class SilentSpeaker:
    """A speaker that says nothing: the call goes on in text only.

    It still reports each line as started and finished, so the app behaves the same
    with or without a voice.
    """

    def __init__(self, listener: Listener | None = None) -> None:
        self._listener = listener
        self._last: Utterance | None = None

    def speak(self, utterance: Utterance) -> None:
        """Report the line as said, at once."""
        self._last = utterance
        if self._listener is not None:
            self._listener(SpeechStarted(utterance.line_id))
            self._listener(SpeechFinished(utterance.line_id))

    def cancel(self) -> None:
        """Nothing is playing."""

    def replay(self) -> None:
        """Report the last line again."""
        if self._last is not None:
            self.speak(self._last)

    def play_sound(self, sound: Sound, seconds: float) -> None:
        """Nothing to play."""

    def stop_sound(self) -> None:
        """Nothing is playing."""

    def set_rate(self, rate: float) -> None:
        """Nothing to slow down."""

    def set_volume(self, volume: float) -> None:
        """Nothing to turn down."""

    def close(self) -> None:
        """Nothing to release."""
