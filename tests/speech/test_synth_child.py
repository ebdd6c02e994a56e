"""The pyttsx3 child: its traps kept inside, nothing on the terminal, one answer per request."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from repetition_3422.speech import synth_child
from repetition_3422.speech.backends.pyttsx3_engine import Pyttsx3Backend
from repetition_3422.speech.player import TimedPlayer, find_player
from repetition_3422.speech.service import SpeechService
from repetition_3422.speech.settings import NORMAL_WORDS_PER_MINUTE, VoiceSettings
from repetition_3422.speech.speaker import SpeechFinished, SpeechUnavailable, Utterance
from tests.speech.helpers import ESPEAK, Recorder, needs_espeak, wav_facts

LINE = "Bonjour, vous êtes bien au service du trente-quatre vingt-deux, je vous écoute."


def answers_to(line: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    def no_engine(driver: str | None) -> None:
        raise AssertionError("no engine may be built for this request")

    monkeypatch.setattr(synth_child, "new_engine", no_engine)
    replies: list[dict[str, Any]] = []
    synth_child.serve(line, "espeak", replies.append)
    return replies


def test_empty_text_never_reaches_run_and_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # pyttsx3's runAndWait loops forever when there is nothing new to say
    request = json.dumps({"id": 4, "text": "  ", "path": "/tmp/x.wav"})
    assert answers_to(request, monkeypatch) == [{"id": 4, "ok": False, "error": "empty text"}]


def test_a_bad_request_gets_an_error_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    for line in ("not json", "[1, 2]"):
        (answer,) = answers_to(line, monkeypatch)
        assert answer["ok"] is False


def run_child(requests: list[dict[str, Any]]) -> subprocess.CompletedProcess[str]:
    lines = "".join(json.dumps(request) + "\n" for request in requests)
    return subprocess.run(
        [sys.executable, "-m", "repetition_3422.speech.synth_child"],
        input=lines,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.espeak
@needs_espeak
def test_the_child_answers_in_json_and_says_nothing_else(tmp_path: Path) -> None:
    requests = [
        {"id": n, "text": f"Phrase {n}.", "path": str(tmp_path / f"{n}.wav"), "voice": "roa/fr"}
        for n in range(1, 4)
    ]
    done = run_child(requests)
    ready, *answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert ready["ready"] is True
    assert {"id": "roa/fr", "name": "French (France)", "language": "fr-fr"} in ready["voices"]
    assert answers == [{"id": n, "ok": True} for n in range(1, 4)]
    assert "Audio saved" not in done.stdout
    assert done.stderr == ""
    for n in range(1, 4):  # each request its own file: no save_to_file target reused
        assert wav_facts(tmp_path / f"{n}.wav")[3] > 500


BUSY_ESPEAK_CHILD = textwrap.dedent(
    """
    import json, sys
    from pyttsx3.drivers import _espeak

    calls = open(sys.argv[1], "w", encoding="utf-8")
    PARAMETERS = {_espeak.RATE: "rate", _espeak.VOLUME: "volume"}

    def recorded(name, function):
        def call(*args, **kwargs):
            if name == "SetParameter":
                entry = [PARAMETERS.get(args[0], str(args[0])), args[1]]
            elif name == "SetVoiceByName":
                entry = ["voice", args[0].decode()]
            else:
                entry = [name, None]
            calls.write(json.dumps(entry) + "\\n")
            calls.flush()
            return function(*args, **kwargs)
        return call

    for name in ("SetVoiceByName", "SetParameter", "Synth", "Cancel"):
        setattr(_espeak, name, recorded(name, getattr(_espeak, name)))
    # What a busy machine makes espeak answer when a loop starts: its own thread has not
    # yet taken the rate and volume just queued for it.
    _espeak.IsPlaying = lambda: 1

    from repetition_3422.speech import synth_child
    sys.exit(synth_child.main())
    """
)

ALTERNATING = [(1.0, 1.0), (0.8, 0.4)] * 4
"""(rate, volume) of successive requests: each one differs from the one before."""


@pytest.mark.espeak
@needs_espeak
def test_each_request_is_said_with_its_own_rate_and_volume(tmp_path: Path) -> None:
    # pyttsx3's espeak driver cancels espeak at the start of a loop whenever espeak looks
    # busy, and espeak's cancel drops the rate (or volume) still queued for its thread.
    # Here espeak always looks busy, as on a loaded machine: nothing is left to timing.
    paths = [tmp_path / f"{n}.wav" for n in range(len(ALTERNATING))]
    requests = [
        {"id": n, "text": LINE, "path": str(path), "voice": "roa/fr"}
        | {"rate": rate, "volume": volume}
        for n, (path, (rate, volume)) in enumerate(zip(paths, ALTERNATING, strict=True))
    ]
    log = tmp_path / "calls.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", BUSY_ESPEAK_CHILD, str(log)],
        input="".join(json.dumps(request) + "\n" for request in requests),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()[1:]]
    assert answers == [{"id": request["id"], "ok": True} for request in requests]

    # the commands the child gave espeak: never a cancel, and before each synthesis the
    # voice, rate and volume of that very request
    calls = [tuple(json.loads(line)) for line in log.read_text("utf-8").splitlines()]
    assert ("Cancel", None) not in calls
    synths = [index for index, (name, _) in enumerate(calls) if name == "Synth"]
    assert len(synths) == len(requests)  # one synthesis each: no loop lost, none retried
    start = 0
    for (rate, volume), synth in zip(ALTERNATING, synths, strict=True):
        settings = dict(calls[start:synth])  # the last value of each setting wins
        assert settings == {
            "voice": "roa/fr",
            "rate": round(NORMAL_WORDS_PER_MINUTE * rate),
            "volume": round(100 * volume),
        }
        start = synth + 1

    # and the sound agrees: slower and quieter every other sentence
    said = [(rate, wav_facts(path)) for path, (rate, _) in zip(paths, ALTERNATING, strict=True)]
    for (rate, facts), (next_rate, next_facts) in itertools.pairwise(said):
        normal, slow = (facts, next_facts) if rate > next_rate else (next_facts, facts)
        assert slow[2] > 1.15 * normal[2]
        assert slow[3] < 0.6 * normal[3]


@pytest.mark.espeak
@needs_espeak
def test_rates_hold_on_a_busy_machine(tmp_path: Path) -> None:
    # The real race: espeak's thread starved of CPU by busy processes.
    busy = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(2 * (os.cpu_count() or 1))
    ]
    backend = Pyttsx3Backend.start()
    try:
        for pair in range(10):
            normal, slow = tmp_path / f"{pair}-normal.wav", tmp_path / f"{pair}-slow.wav"
            backend.synthesize(LINE, normal, voice="roa/fr", rate=1.0, volume=1.0)
            backend.synthesize(LINE, slow, voice="roa/fr", rate=0.8, volume=1.0)
            assert wav_facts(slow)[2] > 1.15 * wav_facts(normal)[2], f"pair {pair}"
    finally:
        backend.close()
        for process in busy:
            process.kill()
            process.wait()


@pytest.mark.espeak
@needs_espeak
def test_control_plain_pyttsx3_does_print_on_stdout(tmp_path: Path) -> None:
    # Without the child's precautions pyttsx3 writes on stdout: the test above can fail.
    code = textwrap.dedent(
        f"""
        import pyttsx3
        engine = pyttsx3.init()
        engine.save_to_file("Bonjour.", {str(tmp_path / "x.wav")!r})
        engine.runAndWait()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert "Audio saved to" in done.stdout


@pytest.mark.espeak
@needs_espeak
def test_speaking_through_pyttsx3_leaves_the_terminal_clean(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # fd 1 and 2 are what Textual draws on: neither pyttsx3, nor espeak, nor ALSA may write there
    events = Recorder()
    players = [TimedPlayer()]
    service = SpeechService(
        events,
        VoiceSettings(engine="pyttsx3", volume=0.0),  # a machine with speakers stays quiet
        find_audio=lambda folder: players.pop() if players else None,
        cache_dir=tmp_path,
    )
    service.speak(Utterance("Bonjour. Le 3422.", "l1"))
    events.wait_count(2, timeout=20)
    assert service.engine == "pyttsx3"
    service.close()
    assert service.join(5.0)
    assert events.events[-1] == SpeechFinished("l1")
    find_player(tmp_path)  # the real players: without a sound card aplay writes ALSA errors
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_the_app_process_never_imports_pyttsx3(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from repetition_3422.speech.player import TimedPlayer
        from repetition_3422.speech.service import SpeechService
        from repetition_3422.speech.settings import NORMAL_WORDS_PER_MINUTE, VoiceSettings
        from repetition_3422.speech.speaker import Utterance
        heard = []
        speaker = SpeechService(
            heard.append,
            VoiceSettings(engine="pyttsx3"),
            find_audio=lambda folder: TimedPlayer(),
            cache_dir=Path({str(tmp_path)!r}),
        )
        speaker.speak(Utterance("Bonjour.", "l1"))
        while len(heard) < 2:
            pass
        assert speaker.engine == {"'pyttsx3'" if ESPEAK else None}, speaker.engine
        speaker.close()
        speaker.join(10)
        assert "pyttsx3" not in sys.modules, "pyttsx3 belongs to the child process"
        assert "textual" not in sys.modules
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")


def test_without_a_sound_card_the_notice_comes_once(tmp_path: Path) -> None:
    events = Recorder()
    service = SpeechService(events, find_audio=lambda folder: None, cache_dir=tmp_path)
    service.speak(Utterance("Bonjour.", "l1"))
    events.wait_count(3)
    service.close()
    assert service.join(5.0)
    assert isinstance(events.events[0], SpeechUnavailable)
    assert events.events[0].reason == (
        "Aucune sortie audio n'a été trouvée sur cet ordinateur : l'appel continue en texte."
    )
