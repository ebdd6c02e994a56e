"""Player processes: found, probed, and stopped within 100 ms of a cancel."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from repetition_3422.speech import player as player_module
from repetition_3422.speech.player import (
    ProcessPlayback,
    ProcessPlayer,
    TimedPlayer,
    find_player,
    installed_players,
)
from repetition_3422.speech.service import SpeechService
from repetition_3422.speech.speaker import SpeechFinished, Utterance
from repetition_3422.speech.tones import silence, wav_bytes
from tests.speech.helpers import FakeBackend, Recorder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX player scripts")


def script(folder: Path, name: str, body: str) -> Path:
    """A stand-in player: a shell script that ignores the WAV path it is given."""
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


class RecordingPlayer(ProcessPlayer):
    """A process player that keeps its playbacks, to check that the processes are gone."""

    def __init__(self, command: list[str]) -> None:
        super().__init__(command)
        self.playbacks: list[ProcessPlayback] = []

    def start(self, path: Path) -> ProcessPlayback:
        playback = super().start(path)
        self.playbacks.append(playback)
        return playback


def test_cancel_kills_the_player_process_within_100_ms(tmp_path: Path) -> None:
    sleeper = RecordingPlayer([str(script(tmp_path, "player.sh", "exec sleep 30"))])
    events = Recorder()
    service = SpeechService(
        events,
        open_engine=lambda name: FakeBackend(),
        find_audio=lambda folder: sleeper,
        cache_dir=tmp_path / "cache",
    )
    try:
        service.speak(Utterance("Bonjour, je vous écoute.", "accueil"))
        events.wait_count(1)
        playback = sleeper.playbacks[0]
        assert not playback.wait(0.05)  # really playing
        asked = time.monotonic()
        service.cancel()
        assert playback.wait(0.1)
        gone = time.monotonic() - asked
        events.wait_count(2)
        assert events.events[-1] == SpeechFinished("accueil", cancelled=True)
        assert gone < 0.1
        assert events.times[-1] - asked < 0.1
        with pytest.raises(ProcessLookupError):
            os.kill(playback.pid, 0)
    finally:
        service.close()
        assert service.join(5.0)


def test_a_player_that_ends_by_itself_is_not_failed(tmp_path: Path) -> None:
    playback = ProcessPlayer([str(script(tmp_path, "ok.sh", "exit 0"))]).start(tmp_path / "x.wav")
    assert playback.wait(5.0)
    assert not playback.failed


def test_a_player_that_errors_is_failed_but_a_stopped_one_is_not(tmp_path: Path) -> None:
    broken = ProcessPlayer([str(script(tmp_path, "no-card.sh", "exit 1"))]).start(tmp_path / "x")
    assert broken.wait(5.0)
    assert broken.failed
    long = ProcessPlayer([str(script(tmp_path, "long.sh", "exec sleep 30"))]).start(tmp_path / "x")
    long.stop()
    assert long.wait(1.0)
    assert not long.failed
    long.stop()  # twice is harmless


def test_find_player_skips_broken_and_hanging_players(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(player_module, "PROBE_TIMEOUT", 0.3)
    no_card = ProcessPlayer([str(script(tmp_path, "a.sh", "echo 'ALSA lib: no card' >&2; exit 1"))])
    hangs = ProcessPlayer([str(script(tmp_path, "b.sh", "exec sleep 30"))])
    missing = ProcessPlayer([str(tmp_path / "not-installed")])
    works = ProcessPlayer([str(script(tmp_path, "c.sh", "exit 0"))])
    assert find_player(tmp_path, [no_card, hangs, missing, works]) is works
    assert find_player(tmp_path, [no_card, hangs, missing]) is None
    assert list(tmp_path.glob("*.wav")) == []  # the probe sound is removed


def test_player_noise_never_reaches_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    noisy = ProcessPlayer([str(script(tmp_path, "n.sh", "echo out; echo 'ALSA lib' >&2; exit 1"))])
    assert find_player(tmp_path, [noisy]) is None
    # and the real players of this machine (aplay fails loudly without a sound card)
    find_player(tmp_path)
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_installed_players_are_looked_up_by_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    assert [p.name for p in installed_players("linux")] == ["pw-play", "paplay", "aplay"]
    assert [p.command for p in installed_players("darwin")] == [("/usr/bin/afplay",)]
    assert installed_players("linux")[2].command == ("/usr/bin/aplay", "-q")


def test_timed_player_keeps_time_and_stops(tmp_path: Path) -> None:
    path = tmp_path / "s.wav"
    path.write_bytes(wav_bytes(silence(0.2)))
    playback = TimedPlayer().start(path)
    assert not playback.wait(0.05)
    assert playback.wait(1.0)
    playback = TimedPlayer().start(path)
    playback.stop()
    assert playback.wait(0)
    assert not playback.failed
