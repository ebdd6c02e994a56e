"""The adviser's voice in plain mode: each line spoken as it is printed, cut when you answer."""

from __future__ import annotations

import threading
from collections.abc import Callable

from repetition_3422.engine.events import AdviserSaid
from repetition_3422.language.model import Script
from repetition_3422.speech.speaker import (
    Speaker,
    SpeechEvent,
    SpeechFinished,
    SpeechUnavailable,
    Utterance,
)

SLOWER = 0.8
"""Relative speed of a line said again "plus lentement"."""

LAST_LINE_WAIT_S = 20.0
"""At the end of a call at a terminal, how long the last words may take to be heard."""


class PlainVoice:
    """Speaks the adviser's lines through a :class:`Speaker` and knows when it is quiet.

    Args:
        script: Gives each persona's voice and speed.
        make_speaker: Builds the speaker with this object's listener.
        notice: Where the one French notice goes when nothing can be heard.
    """

    def __init__(
        self,
        script: Script,
        make_speaker: Callable[[Callable[[SpeechEvent], None]], Speaker],
        notice: Callable[[str], None],
    ) -> None:
        self._script = script
        self._notice = notice
        self._pending = 0
        self._lock = threading.Lock()
        self._quiet = threading.Event()
        self._quiet.set()
        self._speaker = make_speaker(self._on_event)

    def say(self, said: AdviserSaid) -> None:
        """Queue one adviser line, in its persona's voice."""
        persona = self._script.personas.get(said.persona)
        rate = persona.rate if persona is not None else 1.0
        with self._lock:
            self._pending += 1
            self._quiet.clear()
        self._speaker.speak(
            Utterance(
                text=said.text,
                line_id=said.line_id,
                voice=persona.voice if persona is not None else None,
                rate=rate * (SLOWER if said.slower else 1.0),
            )
        )

    def interrupt(self) -> None:
        """The caller answered: the adviser stops talking, as on a real line."""
        self._speaker.cancel()

    def finish(self, *, wait: bool) -> None:
        """Let the last words be heard (``wait``), then release the engine."""
        if wait:
            self._quiet.wait(LAST_LINE_WAIT_S)
        self._speaker.close()

    def _on_event(self, event: SpeechEvent) -> None:
        # Called from the speech worker's thread.
        if isinstance(event, SpeechUnavailable):
            self._notice(event.reason)
            with self._lock:
                self._pending = 0
                self._quiet.set()
        elif isinstance(event, SpeechFinished):
            with self._lock:
                self._pending = max(0, self._pending - 1)
                if self._pending == 0:
                    self._quiet.set()
