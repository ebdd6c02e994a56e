"""The speech service with a fake engine and a fake player: order, cancel, replay, events."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.speech.backends import Backend
from repetition_3422.speech.factory import make_speaker
from repetition_3422.speech.service import SpeechService
from repetition_3422.speech.settings import EngineName, VoiceSettings
from repetition_3422.speech.speaker import (
    SilentSpeaker,
    SpeechEvent,
    SpeechFinished,
    SpeechStarted,
    SpeechUnavailable,
    Utterance,
)
from repetition_3422.speech.tones import sound_file
from tests.speech.helpers import FakeBackend, FakePlayer, Recorder

TWO_SENTENCES = Utterance("Bonjour. Je vous écoute.", "accueil")
ONE_SENTENCE = Utterance("Merci.", "merci")


class Rig:
    """A service wired to fakes, closed at the end of the test."""

    def __init__(
        self,
        tmp_path: Path,
        *,
        backend: FakeBackend | None = None,
        player: FakePlayer | None = None,
        settings: VoiceSettings | None = None,
        engine_error: bool = False,
        no_audio: bool = False,
    ) -> None:
        self.backend = backend or FakeBackend()
        self.player = player if player is not None else FakePlayer()
        self.events = Recorder()
        self.opened: list[EngineName] = []

        def open_engine(name: EngineName) -> Backend:
            self.opened.append(name)
            if engine_error:
                raise SpeechUnavailableError("Aucun moteur ici.")
            return self.backend

        self.service = SpeechService(
            self.events,
            settings,
            open_engine=open_engine,
            find_audio=lambda folder: None if no_audio else self.player,
            cache_dir=tmp_path / "cache",
        )


@pytest.fixture
def rigs(tmp_path: Path) -> Iterator[list[Rig]]:
    made: list[Rig] = []
    yield made
    for rig in made:
        rig.service.close()
        assert rig.service.join(5.0)


MakeRig = Callable[..., Rig]


@pytest.fixture
def make_rig(tmp_path: Path, rigs: list[Rig]) -> MakeRig:
    def make(**options: Any) -> Rig:
        rig = Rig(tmp_path, **options)
        rigs.append(rig)
        return rig

    return make


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def started(line_id: str) -> SpeechEvent:
    return SpeechStarted(line_id)


def finished(line_id: str, cancelled: bool = False) -> SpeechEvent:
    return SpeechFinished(line_id, cancelled)


def test_lines_are_said_in_order_sentence_by_sentence(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.speak(TWO_SENTENCES)
    rig.service.speak(ONE_SENTENCE)
    events = rig.events.wait_count(4)
    assert events == [
        started("accueil"),
        finished("accueil"),
        started("merci"),
        finished("merci"),
    ]
    assert rig.player.played == ["Bonjour.", "Je vous écoute.", "Merci."]


def test_numbers_reach_the_engine_in_groups(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.speak(Utterance("Appelez le 3422.", "numero"))
    rig.events.wait_count(2)
    assert rig.backend.calls[0]["text"] == "Appelez le trente-quatre vingt-deux."


def test_the_next_sentence_is_made_while_the_first_plays(make_rig: MakeRig) -> None:
    rig = make_rig(backend=FakeBackend(delay=0.05), player=FakePlayer(seconds=0.3))
    rig.service.speak(TWO_SENTENCES)
    rig.events.wait_count(2)
    first, second = rig.player.playbacks
    assert first.ended is not None
    synthesis_of_second = rig.backend.calls[1]
    assert first.started < float(synthesis_of_second["start"]) < first.ended  # type: ignore[arg-type]
    assert float(synthesis_of_second["end"]) < first.ended  # type: ignore[arg-type]
    assert second.started >= first.ended


def test_cancel_stops_the_line_and_drops_the_queue(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.speak(TWO_SENTENCES)
    rig.service.speak(ONE_SENTENCE)
    rig.events.wait_count(1)
    asked = time.monotonic()
    rig.service.cancel()
    events = rig.events.wait_count(3)
    assert events == [started("accueil"), finished("accueil", True), finished("merci", True)]
    assert rig.events.times[-1] - asked < 0.1
    assert rig.player.playbacks[0].stopped
    assert rig.player.played == ["Bonjour."]


def test_after_a_barge_in_the_next_line_is_said(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.speak(TWO_SENTENCES)
    rig.events.wait_count(1)
    rig.service.cancel()
    rig.player.seconds = 0.01
    rig.service.speak(ONE_SENTENCE)
    events = rig.events.wait_count(4)
    assert events[2:] == [started("merci"), finished("merci")]


def test_cancel_while_the_first_sentence_is_made_plays_nothing(make_rig: MakeRig) -> None:
    rig = make_rig(backend=FakeBackend(delay=0.2))
    rig.service.speak(TWO_SENTENCES)
    time.sleep(0.05)
    rig.service.cancel()
    assert rig.events.wait_count(1) == [finished("accueil", True)]
    time.sleep(0.3)
    assert rig.player.played == []


def test_replay_says_the_last_line_again(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.speak(ONE_SENTENCE)
    rig.events.wait_count(2)
    rig.service.replay()
    assert rig.events.wait_count(4)[2:] == [started("merci"), finished("merci")]
    assert rig.player.played == ["Merci.", "Merci."]


def test_replay_while_speaking_starts_the_line_over(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.speak(ONE_SENTENCE)
    rig.events.wait_count(1)
    rig.service.replay()
    events = rig.events.wait_count(3)
    assert events == [started("merci"), finished("merci", True), started("merci")]


def test_replay_before_any_line_does_nothing(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.replay()
    time.sleep(0.1)
    assert rig.events.events == []


def test_every_method_returns_at_once_even_with_a_slow_engine(make_rig: MakeRig) -> None:
    rig = make_rig(backend=FakeBackend(delay=0.5), player=FakePlayer(seconds=1))
    service = rig.service
    calls: list[Callable[[], None]] = [
        lambda: service.speak(TWO_SENTENCES),
        lambda: service.speak(ONE_SENTENCE),
        service.replay,
        lambda: service.play_sound("music", 5),
        service.stop_sound,
        lambda: service.set_rate(0.8),
        service.cancel,
        service.close,
    ]
    for call in calls:
        begin = time.perf_counter()
        call()
        assert time.perf_counter() - begin < 0.1


def test_close_ends_the_worker_and_removes_the_sound_files(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.speak(TWO_SENTENCES)
    rig.events.wait_count(2)
    rig.service.close()
    assert rig.service.join(5.0)
    assert rig.backend.closed
    assert rig.backend.paths
    assert not any(path.exists() for path in rig.backend.paths)
    assert not rig.backend.paths[0].parent.exists()
    rig.service.speak(ONE_SENTENCE)  # after close: ignored
    time.sleep(0.05)
    assert len(rig.events.events) == 2


def test_close_reports_the_queued_lines_as_cancelled(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.speak(ONE_SENTENCE)
    rig.service.speak(TWO_SENTENCES)
    rig.events.wait_count(1)
    rig.service.close()
    assert rig.service.join(5.0)
    assert rig.events.events[1:] == [finished("merci", True), finished("accueil", True)]


def test_each_file_is_deleted_once_played(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.service.speak(TWO_SENTENCES)
    rig.events.wait_count(2)
    assert len(rig.backend.paths) == 2
    assert not any(path.exists() for path in rig.backend.paths)


def test_without_audio_output_one_notice_and_text_only(make_rig: MakeRig) -> None:
    rig = make_rig(no_audio=True)
    rig.service.speak(ONE_SENTENCE)
    rig.service.speak(TWO_SENTENCES)
    events = rig.events.wait_count(5)
    assert isinstance(events[0], SpeechUnavailable)
    assert "audio" in events[0].reason
    assert events[1:] == [
        started("merci"),
        finished("merci"),
        started("accueil"),
        finished("accueil"),
    ]
    assert rig.opened == []  # no engine is even started
    assert rig.backend.calls == []


def test_without_engine_one_notice_and_text_only(make_rig: MakeRig) -> None:
    rig = make_rig(engine_error=True)
    rig.service.speak(ONE_SENTENCE)
    rig.service.speak(ONE_SENTENCE)
    events = rig.events.wait_count(5)
    assert events[0] == SpeechUnavailable("Aucun moteur ici.")
    assert sum(isinstance(event, SpeechUnavailable) for event in events) == 1
    assert rig.player.played == []


def test_a_player_that_fails_gives_one_notice_then_text(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(fail=True))
    for _ in range(3):
        rig.service.speak(TWO_SENTENCES)
    events = rig.events.wait_count(7)
    assert sum(isinstance(event, SpeechUnavailable) for event in events) == 1
    assert len(rig.player.playbacks) == 1  # never tried again
    assert [e for e in events if isinstance(e, SpeechFinished)] == [finished("accueil")] * 3


def test_an_engine_that_keeps_failing_gives_one_notice(make_rig: MakeRig) -> None:
    rig = make_rig(backend=FakeBackend(fail=True))
    for index in range(5):
        rig.service.speak(Utterance("Une phrase.", f"l{index}"))
    events = rig.events.wait_count(11)
    notices = [event for event in events if isinstance(event, SpeechUnavailable)]
    assert len(notices) == 1
    assert "ne répond plus" in notices[0].reason
    assert len(rig.backend.calls) == 3
    assert rig.backend.closed


def test_pace_volume_and_voice_follow_settings_and_persona(make_rig: MakeRig) -> None:
    rig = make_rig(settings=VoiceSettings(rate=0.8, volume=0.5))
    rig.service.speak(Utterance("Un.", "a", voice="fr-fr+f2", rate=1.25))
    rig.service.speak(Utterance("Deux.", "b", voice="klingon-inconnu"))
    rig.events.wait_count(4)
    rig.service.set_rate(1.0)
    rig.service.set_volume(1.0)
    rig.service.speak(Utterance("Trois.", "c", voice="fr-be"))
    rig.events.wait_count(6)
    calls = [(c["voice"], c["rate"], c["volume"]) for c in rig.backend.calls]
    assert calls == [
        ("roa/fr+f2", pytest.approx(1.0), 0.5),  # a language and a variant
        ("roa/fr", pytest.approx(0.8), 0.5),  # unknown voice: the French default
        ("roa/fr-be", 1.0, 1.0),
    ]


def test_a_failing_listener_does_not_silence_the_adviser(make_rig: MakeRig) -> None:
    rig = make_rig()
    calls: list[SpeechEvent] = []

    def broken(event: SpeechEvent) -> None:
        calls.append(event)
        raise RuntimeError("bug in the app")

    rig.service._listener = broken  # the app's listener, replaced after start
    rig.service.speak(ONE_SENTENCE)
    rig.service.speak(ONE_SENTENCE)
    deadline = time.monotonic() + 5
    while len(calls) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(calls) == 4


def test_hold_sound_loops_until_its_time_is_up(make_rig: MakeRig, tmp_path: Path) -> None:
    sound_file("ringing", tmp_path / "cache")  # made beforehand: only the looping is timed
    rig = make_rig(player=FakePlayer(seconds=0.05))
    rig.service.play_sound("ringing", 0.3)
    time.sleep(0.5)
    count = len(rig.player.playbacks)
    assert 2 <= count <= 7
    assert set(rig.player.played) == {"ringing-v1.wav"}
    assert (tmp_path / "cache" / "ringing-v1.wav").is_file()
    time.sleep(0.2)
    assert len(rig.player.playbacks) == count


def test_stop_sound_is_immediate(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.play_sound("music", 60)
    wait_until(lambda: bool(rig.player.playbacks))
    rig.service.stop_sound()
    assert rig.player.playbacks[0].stopped
    rig.service.play_sound("silence", 1)
    time.sleep(0.1)
    assert len(rig.player.playbacks) == 1


def test_a_new_sound_replaces_the_old_one(make_rig: MakeRig) -> None:
    rig = make_rig(player=FakePlayer(seconds=30))
    rig.service.play_sound("music", 60)
    wait_until(lambda: len(rig.player.playbacks) == 1)
    rig.service.play_sound("beeps", 60)
    wait_until(lambda: len(rig.player.playbacks) == 2)
    first, second = rig.player.playbacks
    assert first.stopped and not second.stopped
    assert second.text == "beeps-v1.wav"


def test_make_speaker_is_silent_when_asked(tmp_path: Path) -> None:
    assert isinstance(make_speaker(enabled=False), SilentSpeaker)
    assert isinstance(make_speaker(VoiceSettings(engine="silent")), SilentSpeaker)
    speaker = make_speaker(VoiceSettings(engine="espeak-ng"), cache_dir=tmp_path)
    assert isinstance(speaker, SpeechService)
    speaker.close()
    assert speaker.join(5.0)
