"""pyttsx3 driven in a child process (see :mod:`repetition_3422.speech.synth_child`)."""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.i18n import _
from repetition_3422.speech.backends import Voice, language_tag, mbrola_installed

START_TIMEOUT = 15.0
"""Seconds the child gets to load pyttsx3 and its driver."""

BASE_TIMEOUT = 10.0
"""Seconds any request gets before the child is judged stuck (a ``runAndWait`` loop)."""

SECONDS_PER_CHARACTER = 0.05
"""Extra seconds per character of text."""


class _Child:
    """The child process and a thread that reads its answers into a queue."""

    def __init__(self, python: str) -> None:
        self.process = subprocess.Popen(
            [python, "-m", "repetition_3422.speech.synth_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C belongs to the app
        )
        self.answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        assert self.process.stdout is not None
        reader = threading.Thread(
            target=self._read, args=(self.process.stdout,), name="pyttsx3-reader", daemon=True
        )
        reader.start()

    def _read(self, stream: IO[bytes]) -> None:
        for line in stream:
            with contextlib.suppress(ValueError):
                self.answers.put(json.loads(line))
        self.answers.put(None)  # the child is gone

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
        self.process.stdin.flush()

    def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next answer; ``None`` when the child died or is late."""
        try:
            return self.answers.get(timeout=timeout)
        except queue.Empty:
            return None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(1.0)


class Pyttsx3Backend:
    """Speaks through pyttsx3 (espeak-ng on Linux, SAPI5 on Windows, NSSpeech on macOS).

    One long-lived child process makes every WAV file; a late or dead child is replaced.
    """

    name = "pyttsx3"

    def __init__(self, python: str = sys.executable) -> None:
        self._python = python
        self._child: _Child | None = None
        self._voices: list[Voice] = []
        self._ids = itertools.count(1)

    @classmethod
    def start(cls, python: str = sys.executable) -> Pyttsx3Backend:
        """Start the child and read its voices.

        Raises:
            SpeechUnavailableError: pyttsx3 is missing or its driver cannot start.
        """
        if importlib.util.find_spec("pyttsx3") is None:
            raise SpeechUnavailableError(_("Le module pyttsx3 n'est pas installé."))
        backend = cls(python)
        backend._spawn()
        return backend

    def voices(self) -> list[Voice]:
        """The voices the child's driver reported at start."""
        return list(self._voices)

    def synthesize(self, text: str, path: Path, *, voice: str, rate: float, volume: float) -> None:
        """Ask the child for a WAV file (see :meth:`Backend.synthesize`)."""
        child = self._child if self._child is not None else self._spawn()
        request_id = next(self._ids)
        request = {"id": request_id, "text": text, "path": str(path)}
        request |= {"voice": voice, "rate": rate, "volume": volume}
        try:
            child.send(request)
        except OSError as error:
            self._drop_child()
            raise SpeechUnavailableError(_("Le moteur pyttsx3 s'est arrêté.")) from error
        answer = self._answer_to(
            child, request_id, BASE_TIMEOUT + SECONDS_PER_CHARACTER * len(text)
        )
        if not answer.get("ok"):
            self._drop_child()  # it exits after a failure: the next sentence gets a fresh one
            raise SpeechUnavailableError(_("Le moteur pyttsx3 n'a produit aucun son."))

    def close(self) -> None:
        """Stop the child."""
        self._drop_child()

    def _answer_to(self, child: _Child, request_id: int, timeout: float) -> dict[str, Any]:
        while True:
            answer = child.receive(timeout)
            if answer is None:  # stuck in runAndWait, or dead: start afresh next time
                self._drop_child()
                raise SpeechUnavailableError(_("Le moteur pyttsx3 ne répond plus."))
            if answer.get("id") == request_id:
                return answer

    def _spawn(self) -> _Child:
        try:
            child = _Child(self._python)
        except OSError as error:
            raise SpeechUnavailableError(_("Impossible de lancer pyttsx3.")) from error
        ready = child.receive(START_TIMEOUT)
        if ready is None or not ready.get("ready"):
            child.kill()
            raise SpeechUnavailableError(_("Le moteur pyttsx3 ne démarre pas sur cet ordinateur."))
        self._voices = _voices(ready.get("voices", []))
        self._child = child
        return child

    def _drop_child(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.kill()


def _voices(raw: list[dict[str, str]]) -> list[Voice]:
    with_mbrola = mbrola_installed()
    voices = []
    for item in raw:
        identifier = str(item.get("id", ""))
        if not identifier or (identifier.startswith("mb/") and not with_mbrola):
            continue
        language = language_tag(str(item.get("language", "")))
        if not language:  # SAPI5 and NSSpeech name the language in the id (…FR-FR…)
            language = _language_in(identifier)
        voices.append(Voice("pyttsx3", identifier, language, str(item.get("name", identifier))))
    return voices


def _language_in(identifier: str) -> str:
    lowered = identifier.lower().replace("_", "-")
    for tag in ("fr-fr", "fr-ca", "fr-be", "fr-ch"):
        if tag in lowered:
            return tag
    return ""
