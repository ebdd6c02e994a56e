"""Fixtures for the app's tests: a small script, a fixed card, a clock driven by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.history import History, load_history
from repetition_3422.i18n import set_language
from repetition_3422.language import load
from repetition_3422.language.model import Script
from repetition_3422.settings import Settings
from repetition_3422.speech.speaker import Listener, SilentSpeaker, Sound, Speaker, Utterance
from repetition_3422.tui import make_app
from repetition_3422.tui.app import RehearsalApp
from repetition_3422.tui.clock import ManualClock

DATA = Path(__file__).parent / "data"
SMALL_SCRIPT = DATA / "petit-appel.yaml"
SIZE = (80, 24)
"""The terminal size the app is designed for."""


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # A developer's own history and settings must never leak into (or out of) the tests.
    monkeypatch.setenv("REPETITION_3422_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPETITION_3422_CONFIG_DIR", str(tmp_path / "config"))
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture
def script() -> Script:
    """The small test script."""
    return load(SMALL_SCRIPT)


@pytest.fixture
def identity() -> Identity:
    """A fixed fictional card."""
    return generate_identity(1)


@pytest.fixture
def clock() -> ManualClock:
    """Time that moves only when the test says so."""
    return ManualClock(datetime(2025, 3, 3, 10, 0, 0))


class RecordingSpeaker(SilentSpeaker):
    """A silent speaker that remembers what it was asked to do."""

    def __init__(self, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self.said: list[str] = []
        self.cancelled = 0
        self.sounds: list[str] = []

    def speak(self, utterance: Utterance) -> None:
        self.said.append(utterance.text)
        # Never reports the line finished: the adviser is still speaking for the test.

    def cancel(self) -> None:
        self.cancelled += 1

    def play_sound(self, sound: Sound, seconds: float) -> None:
        self.sounds.append(sound)


AppMaker = Callable[..., RehearsalApp]


@pytest.fixture
def make(script: Script, identity: Identity, clock: ManualClock) -> AppMaker:
    """Build the app on the small script; keyword arguments override make_app's."""

    def build(**overrides: object) -> RehearsalApp:
        arguments: dict[str, object] = {
            "scripts": [script],
            "identity": identity,
            "call_settings": CallSettings(7, "moyen", "practice", datetime(2025, 3, 3, 10)),
            "speaker": SilentSpeaker,
            "clock": clock,
            "history": load_history(),
            "settings": Settings(),
        }
        arguments.update(overrides)
        return make_app(**arguments)  # type: ignore[arg-type]

    return build


def speaker_factory(speaker: Speaker) -> Callable[[Listener], Speaker]:
    """A factory that hands out ``speaker`` (its listener is ignored)."""
    return lambda _listener: speaker


__all__ = ["SIZE", "SMALL_SCRIPT", "AppMaker", "History", "RecordingSpeaker", "speaker_factory"]
