"""Fakes and helpers shared by the speech tests: an engine, a player and an event recorder."""

from __future__ import annotations

import array
import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.speech.backends import Voice
from repetition_3422.speech.speaker import SpeechEvent

ESPEAK = shutil.which("espeak-ng")

needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
"""Skip a test cleanly where espeak-ng is missing (CI installs it)."""

FAKE_VOICES = [
    Voice("fake", "roa/fr", "fr-fr", "French (France)"),
    Voice("fake", "roa/fr-be", "fr-be", "French (Belgium)"),
    Voice("fake", "gmw/en", "en-gb", "English"),
]


class FakeBackend:
    """An engine that writes the sentence itself into the "WAV" file, after ``delay``."""

    name = "fake"

    def __init__(self, delay: float = 0.0, fail: bool = False) -> None:
        self.delay = delay
        self.fail = fail
        self.calls: list[dict[str, object]] = []
        self.paths: list[Path] = []
        self.closed = False

    def voices(self) -> list[Voice]:
        return list(FAKE_VOICES)

    def synthesize(self, text: str, path: Path, *, voice: str, rate: float, volume: float) -> None:
        call = {"text": text, "voice": voice, "rate": rate, "volume": volume}
        call["start"] = time.monotonic()
        self.calls.append(call)
        time.sleep(self.delay)
        if self.fail:
            raise SpeechUnavailableError("le faux moteur est en panne")
        path.write_text(text, encoding="utf-8")
        self.paths.append(path)
        call["end"] = time.monotonic()

    def close(self) -> None:
        self.closed = True


class FakePlayback:
    """A sound that lasts ``seconds`` (or until stopped), failing if asked to."""

    def __init__(self, text: str, seconds: float, fail: bool) -> None:
        self.text = text
        self.started = time.monotonic()
        self.ended: float | None = None
        self.stopped = False
        self._fail = fail
        self._done = threading.Event()
        self._timer = threading.Timer(seconds, self._end)
        self._timer.daemon = True
        self._timer.start()

    def _end(self) -> None:
        if self.ended is None:
            self.ended = time.monotonic()
        self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def stop(self) -> None:
        self.stopped = True
        self._timer.cancel()
        self._end()

    @property
    def failed(self) -> bool:
        return self._fail and not self.stopped


class FakePlayer:
    """Records what it is asked to play; each sound lasts ``seconds``."""

    name = "fake"

    def __init__(self, seconds: float = 0.02, fail: bool = False) -> None:
        self.seconds = seconds
        self.fail = fail
        self.playbacks: list[FakePlayback] = []

    def start(self, path: Path) -> FakePlayback:
        text = path.read_text("utf-8") if path.suffix == ".wav" and _is_text(path) else path.name
        playback = FakePlayback(text, self.seconds, self.fail)
        self.playbacks.append(playback)
        return playback

    @property
    def played(self) -> list[str]:
        return [playback.text for playback in self.playbacks]


def _is_text(path: Path) -> bool:
    return not path.read_bytes().startswith(b"RIFF")


class Recorder:
    """A listener that keeps every event and lets a test wait for one."""

    def __init__(self) -> None:
        self.events: list[SpeechEvent] = []
        self.times: list[float] = []
        self._changed = threading.Condition()

    def __call__(self, event: SpeechEvent) -> None:
        with self._changed:
            self.events.append(event)
            self.times.append(time.monotonic())
            self._changed.notify_all()

    def wait_for(
        self, predicate: Callable[[list[SpeechEvent]], bool], timeout: float = 5.0
    ) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self.events), timeout)

    def wait_count(self, count: int, timeout: float = 5.0) -> list[SpeechEvent]:
        assert self.wait_for(lambda events: len(events) >= count, timeout), self.events
        return list(self.events)


def wav_facts(path: Path) -> tuple[int, int, float, float]:
    """Channels, sample width, duration (s) and RMS level of a WAV file."""
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        count = wav.getnframes()
    samples = array.array("h", frames)
    rms = (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5
    return channels, width, count / rate, rms


def espeak_reference(text: str, voice: str, out: Path) -> float:
    """Duration of ``text`` said by the espeak-ng program itself with ``voice``, at 175 wpm."""
    assert ESPEAK is not None
    subprocess.run([ESPEAK, "-v", voice, "-s", "175", "-w", str(out), text], check=True)
    return wav_facts(out)[2]


def phonemes(text: str, voice: str = "fr-fr") -> str:
    """espeak-ng's phonemes for ``text`` (``-x -q``)."""
    assert ESPEAK is not None
    done = subprocess.run(
        [ESPEAK, "-v", voice, "-x", "-q", text], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())
