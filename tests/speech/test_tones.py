"""Ring tone, hold music and beeps: made with the standard library, cached, silent where asked."""

from __future__ import annotations

import itertools
import math
from array import array
from pathlib import Path

import pytest

from repetition_3422.speech.tones import (
    SAMPLE_RATE,
    hold_music,
    position_beeps,
    ring_tone,
    sound_file,
    wav_seconds,
)
from tests.speech.helpers import wav_facts


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def test_the_ring_tone_is_french() -> None:
    tone = ring_tone()
    assert len(tone) == 5 * SAMPLE_RATE  # 1.5 s on, 3.5 s off
    on, off = tone[: int(1.5 * SAMPLE_RATE)], tone[int(1.5 * SAMPLE_RATE) :]
    assert rms(on) > 3000
    assert rms(off) == 0
    # 440 Hz: 880 zero crossings a second
    middle = on[SAMPLE_RATE // 4 : SAMPLE_RATE // 4 + SAMPLE_RATE]
    crossings = sum(1 for a, b in itertools.pairwise(middle) if a < 0 <= b or b < 0 <= a)
    assert 870 <= crossings <= 890


def test_tones_start_and_end_softly() -> None:
    for samples in (ring_tone(), hold_music(), position_beeps()):
        assert abs(samples[0]) < 200
        assert max(abs(s) for s in samples) < 32767 * 0.5  # gentle, never clipping


@pytest.mark.parametrize("sound", ["ringing", "music", "beeps"])
def test_sound_files_are_mono_16_bit_and_cached(sound: str, tmp_path: Path) -> None:
    path = sound_file(sound, tmp_path)  # type: ignore[arg-type]
    assert path is not None
    channels, width, seconds, level = wav_facts(path)
    assert (channels, width) == (1, 2)
    assert seconds == pytest.approx(wav_seconds(path))
    assert 2.0 < seconds < 10.0
    assert level > 500
    stamp = path.stat().st_mtime_ns
    assert sound_file(sound, tmp_path) == path  # type: ignore[arg-type]
    assert path.stat().st_mtime_ns == stamp


def test_silence_has_no_file(tmp_path: Path) -> None:
    assert sound_file("silence", tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_file_lasts_zero_seconds(tmp_path: Path) -> None:
    (tmp_path / "bad.wav").write_text("not a wav")
    assert wav_seconds(tmp_path / "bad.wav") == 0.0
    assert wav_seconds(tmp_path / "missing.wav") == 0.0
