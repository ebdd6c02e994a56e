"""The pyttsx3 child: its traps kept inside, nothing on the terminal, one answer per request."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from repetition_3422.speech import synth_child
from repetition_3422.speech.player import TimedPlayer, find_player
from repetition_3422.speech.service import SpeechService
from repetition_3422.speech.settings import VoiceSettings
from repetition_3422.speech.speaker import SpeechFinished, SpeechUnavailable, Utterance
from tests.speech.helpers import ESPEAK, Recorder, needs_espeak, wav_facts


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
        from repetition_3422.speech.settings import VoiceSettings
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
