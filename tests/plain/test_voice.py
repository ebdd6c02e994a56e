"""The adviser's voice in plain mode: lines spoken in order, cut when the caller answers."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from repetition_3422.domain.identity import generate_identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.plain import run_plain
from repetition_3422.plain.voice import PlainVoice
from repetition_3422.speech.speaker import (
    Listener,
    SpeechFinished,
    SpeechStarted,
    SpeechUnavailable,
    Utterance,
)
from tests.plain.test_plain import run

SETTINGS = CallSettings(seed=7, difficulty="moyen", mode="real", at=datetime(2025, 3, 4, 10))


class RecordingSpeaker:
    """A speaker that notes what it is asked, and reports each line as finished."""

    def __init__(self, listener: Listener, *, unavailable: bool = False) -> None:
        self.listener = listener
        self.calls: list[str] = []
        self.unavailable = unavailable

    def speak(self, utterance: Utterance) -> None:
        self.calls.append(f"speak {utterance.line_id} {utterance.rate:.2f}")
        if self.unavailable:
            self.listener(SpeechUnavailable("Pas de son ici."))
            return
        self.listener(SpeechStarted(utterance.line_id))
        self.listener(SpeechFinished(utterance.line_id))

    def cancel(self) -> None:
        self.calls.append("cancel")

    def close(self) -> None:
        self.calls.append("close")

    def replay(self) -> None: ...
    def play_sound(self, sound: str, seconds: float) -> None: ...
    def stop_sound(self) -> None: ...
    def set_rate(self, rate: float) -> None: ...
    def set_volume(self, volume: float) -> None: ...


def play_with_voice(lines: str, *, unavailable: bool = False) -> tuple[list[str], list[str]]:
    script = load(scenario_path("opposition"))
    speakers: list[RecordingSpeaker] = []
    notices: list[str] = []

    def make(listener: Listener) -> RecordingSpeaker:
        speakers.append(RecordingSpeaker(listener, unavailable=unavailable))
        return speakers[0]

    voice = PlainVoice(script, make, notices.append)
    run_plain(
        script, generate_identity(7), SETTINGS, io.StringIO(lines), io.StringIO(),
        show_card=False, voice=voice,
    )  # fmt: skip
    return speakers[0].calls, notices


def test_each_adviser_line_is_spoken_and_cut_when_the_caller_answers() -> None:
    calls, notices = play_with_voice("1\nrépétez plus lentement\n")
    assert notices == []
    assert calls[0].startswith("speak menu.bienvenue")
    assert "cancel" in calls
    # The line said again "plus lentement" is slower than the persona's own rate.
    rates = [float(call.split()[-1]) for call in calls if call.startswith("speak")]
    assert min(rates) < max(rates)
    assert calls[-1] == "close"


def test_no_sound_is_one_notice_and_the_call_goes_on() -> None:
    calls, notices = play_with_voice("1\n", unavailable=True)
    assert notices and set(notices) == {"Pas de son ici."}
    assert calls[-1] == "close"


def test_report_is_written_with_numbers_masked(tmp_path: Path) -> None:
    identity = generate_identity(7)
    target = tmp_path / "bilan.md"
    lines = f"1\nje veux m'opposer\n{identity.code}\n{identity.nir}\n"
    code, _stdout, stderr = run(
        "play", "opposition", "--plain", "--seed", "7", "--at", "2025-03-04T10:00",
        "--report", str(target), input_text=lines,
    )  # fmt: skip
    assert code == 0, stderr
    text = target.read_text(encoding="utf-8")
    assert "Bilan" in text
    assert identity.code not in text and identity.nir not in text
    assert identity.nir[5:13] not in text


@pytest.mark.parametrize("engine", ["silent"])
def test_voice_with_the_silent_engine_says_nothing_on_stderr(engine: str) -> None:
    code, stdout, stderr = run(
        "play", "opposition", "--plain", "--seed", "7", "--at", "2025-03-08T10:00",
        "--voice", "--voice-engine", engine,
    )  # fmt: skip
    assert code == 0 and stderr == ""
    assert "Bilan de l'appel" in stdout
