"""The real engines: espeak-ng called directly, and pyttsx3 in its child process."""

from __future__ import annotations

import json
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.speech.backends import (
    Backend,
    Voice,
    find_voice,
    french_voice,
    open_backend,
    pyttsx3_engine,
    resolve_voice,
)
from repetition_3422.speech.backends.espeak_ng import EspeakNgBackend, parse_voices
from repetition_3422.speech.backends.pyttsx3_engine import Pyttsx3Backend
from tests.speech.helpers import (
    ESPEAK,
    FAKE_VOICES,
    espeak_reference,
    needs_espeak,
    phonemes,
    wav_facts,
)

LINE = "Bonjour, vous êtes bien au service du trente-quatre vingt-deux, je vous écoute."
FRENCH_PROBE = "97 97 97 97 97 97"
"""Said in French ("quatre-vingt-dix-sept") this lasts about 10 % longer than in English."""


@pytest.fixture(params=["pyttsx3", "espeak-ng"])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if ESPEAK is None:
        pytest.skip("espeak-ng is not installed")
    engine = open_backend(request.param)
    yield engine
    engine.close()


@pytest.mark.espeak
@needs_espeak
def test_a_line_becomes_french_speech(backend: Backend, tmp_path: Path) -> None:
    voice = french_voice(backend.voices())
    assert voice is not None
    assert voice.language == "fr-fr"
    out = tmp_path / "line.wav"
    backend.synthesize(LINE, out, voice=voice.id, rate=1.0, volume=1.0)
    channels, width, seconds, level = wav_facts(out)
    assert (channels, width) == (1, 2)  # mono, 16-bit
    assert 0.03 * len(LINE) <= seconds <= 0.2 * len(LINE)  # 0.3-2 s per 10 characters
    assert level > 1000  # speech, not silence


@pytest.mark.espeak
@needs_espeak
def test_the_voice_is_french(backend: Backend, tmp_path: Path) -> None:
    voice = french_voice(backend.voices())
    assert voice is not None
    out = tmp_path / "probe.wav"
    backend.synthesize(FRENCH_PROBE, out, voice=voice.id, rate=1.0, volume=1.0)
    seconds = wav_facts(out)[2]
    french = espeak_reference(FRENCH_PROBE, "fr-fr", tmp_path / "fr.wav")
    english = espeak_reference(FRENCH_PROBE, "en", tmp_path / "en.wav")
    assert abs(english - french) / french > 0.06  # the probe tells them apart
    assert seconds == pytest.approx(french, rel=0.03)
    # and the voice id itself speaks French: "quatre-vingt-dix-sept"
    said = phonemes("97", voice.id).replace("'", "")
    assert all(part in said for part in ("katr", "vE~", "sEt")), said
    assert "vE~" not in phonemes("97", "en")


@pytest.mark.espeak
@needs_espeak
def test_slower_rate_makes_longer_speech(backend: Backend, tmp_path: Path) -> None:
    voice = french_voice(backend.voices())
    assert voice is not None
    backend.synthesize(LINE, tmp_path / "a.wav", voice=voice.id, rate=1.0, volume=1.0)
    backend.synthesize(LINE, tmp_path / "b.wav", voice=voice.id, rate=0.8, volume=1.0)
    assert wav_facts(tmp_path / "b.wav")[2] > 1.15 * wav_facts(tmp_path / "a.wav")[2]


@pytest.mark.espeak
@needs_espeak
def test_volume_lowers_the_level(backend: Backend, tmp_path: Path) -> None:
    voice = french_voice(backend.voices())
    assert voice is not None
    backend.synthesize(LINE, tmp_path / "a.wav", voice=voice.id, rate=1.0, volume=1.0)
    backend.synthesize(LINE, tmp_path / "b.wav", voice=f"{voice.id}", rate=1.0, volume=0.3)
    assert wav_facts(tmp_path / "b.wav")[3] < 0.5 * wav_facts(tmp_path / "a.wav")[3]


@pytest.mark.espeak
@needs_espeak
def test_pyttsx3_variant_voice_is_used(tmp_path: Path) -> None:
    backend = Pyttsx3Backend.start()
    try:
        voice = resolve_voice("fr-fr+f2", backend.voices(), FAKE_VOICES[0])
        assert voice == "roa/fr+f2"
        backend.synthesize(LINE, tmp_path / "a.wav", voice="roa/fr", rate=1.0, volume=1.0)
        backend.synthesize(LINE, tmp_path / "b.wav", voice=voice, rate=1.0, volume=1.0)
        assert (tmp_path / "a.wav").read_bytes() != (tmp_path / "b.wav").read_bytes()
    finally:
        backend.close()


@pytest.mark.espeak
@needs_espeak
def test_the_pyttsx3_child_survives_many_requests(tmp_path: Path) -> None:
    # a fresh engine per request: no "save_to_file" file reused, no runAndWait stuck
    backend = Pyttsx3Backend.start()
    try:
        for index in range(12):
            out = tmp_path / f"{index}.wav"
            backend.synthesize(f"Phrase numéro {index}.", out, voice="roa/fr", rate=1.0, volume=1.0)
            assert wav_facts(out)[3] > 500
    finally:
        backend.close()


def fake_python(folder: Path, ready: dict[str, object], then: str) -> str:
    """A stand-in for ``python -m repetition_3422.speech.synth_child``."""
    path = folder / "python"
    path.write_text(f"#!/bin/sh\necho '{json.dumps(ready)}'\n{then}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


READY = {"ready": True, "driver": "fake", "voices": [{"id": "v", "name": "V", "language": "fr_FR"}]}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX stand-in")
def test_a_stuck_child_is_killed_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyttsx3_engine, "BASE_TIMEOUT", 0.3)
    backend = Pyttsx3Backend.start(fake_python(tmp_path, READY, "exec sleep 30"))
    assert backend.voices() == [Voice("pyttsx3", "v", "fr-fr", "V")]
    child = backend._child
    assert child is not None
    begin = time.monotonic()
    with pytest.raises(SpeechUnavailableError):
        backend.synthesize("Bonjour.", tmp_path / "x.wav", voice="v", rate=1.0, volume=1.0)
    assert time.monotonic() - begin < 2.0
    assert child.process.poll() is not None  # killed; the next request starts a new one
    backend.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX stand-in")
def test_a_child_that_cannot_start_is_reported(tmp_path: Path) -> None:
    broken = fake_python(tmp_path, {"ready": False, "error": "no espeak library"}, "exit 1")
    with pytest.raises(SpeechUnavailableError, match="pyttsx3"):
        Pyttsx3Backend.start(broken)


def test_missing_programs_are_reported_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(SpeechUnavailableError, match="espeak-ng n'est pas installé"):
        EspeakNgBackend.find()
    with pytest.raises(SpeechUnavailableError, match="pyttsx3 n'est pas installé"):
        open_backend("pyttsx3")
    with pytest.raises(SpeechUnavailableError, match="Aucune voix de synthèse"):
        open_backend("auto")
    with pytest.raises(SpeechUnavailableError, match="Aucune voix de synthèse"):
        open_backend("espeak-ng", fallback=True)
    with pytest.raises(SpeechUnavailableError, match="silent"):
        open_backend("silent")


def test_espeak_voice_table_is_read() -> None:
    listing = (
        "Pty Language       Age/Gender VoiceName          File                 Other Languages\n"
        " 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)\n"
        " 7  fr-fr           --/M      french-mbrola-1    mb/mb-fr1            (fr 7)\n"
        " 5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)\n"
    )
    assert [v.id for v in parse_voices(listing, with_mbrola=False)] == ["roa/fr", "roa/fr-BE"]
    assert len(parse_voices(listing, with_mbrola=True)) == 3


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("roa/fr", "roa/fr"),
        ("fr-fr", "roa/fr"),  # a language: its first voice
        ("FR_BE", "roa/fr-be"),
        ("fr-fr+f2", "roa/fr+f2"),  # a variant is kept
        ("French (Belgium)", "roa/fr-be"),  # a name
        ("nosuch", None),
    ],
)
def test_find_voice(requested: str, expected: str | None) -> None:
    assert find_voice(requested, FAKE_VOICES) == expected


def test_the_default_voice_is_french() -> None:
    assert french_voice(FAKE_VOICES) == FAKE_VOICES[0]
    assert french_voice(FAKE_VOICES[1:]) == FAKE_VOICES[1]
    assert french_voice(FAKE_VOICES[2:]) is None
    assert resolve_voice(None, FAKE_VOICES, FAKE_VOICES[0]) == "roa/fr"
    assert resolve_voice("nosuch", FAKE_VOICES, FAKE_VOICES[0]) == "roa/fr"
