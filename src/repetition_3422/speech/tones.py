"""Ring tone, hold music and position beeps, generated locally and cached as WAV files."""

from __future__ import annotations

import io
import math
import wave
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

from repetition_3422.files import write_atomic
from repetition_3422.speech.speaker import Sound

SAMPLE_RATE = 16000
"""Samples per second: wider than a phone line (8 kHz), light to generate."""

TONES_VERSION = 1
"""Bump when a sound changes, so that cached files are made again."""

_FADE = 0.01  # seconds of fade in and out around each tone, so that it never clicks


def _tone(frequency: float, seconds: float, level: float) -> array[int]:
    count = round(seconds * SAMPLE_RATE)
    fade = max(1, round(_FADE * SAMPLE_RATE))
    step = 2 * math.pi * frequency / SAMPLE_RATE
    samples = array("h")
    for index in range(count):
        ramp = min(1.0, index / fade, (count - index) / fade)
        samples.append(round(32767 * level * ramp * math.sin(step * index)))
    return samples


def silence(seconds: float) -> array[int]:
    """``seconds`` of silence."""
    return array("h", bytes(2 * round(seconds * SAMPLE_RATE)))


def _note(midi: int, seconds: float, level: float) -> array[int]:
    """A soft bell-like note: a sine and its octave, fading out."""
    frequency = 440.0 * 2 ** ((midi - 69) / 12)
    count = round(seconds * SAMPLE_RATE)
    attack = round(0.02 * SAMPLE_RATE)
    step = 2 * math.pi * frequency / SAMPLE_RATE
    samples = array("h")
    for index in range(count):
        envelope = min(1.0, index / attack) * math.exp(-3.0 * index / count)
        value = math.sin(step * index) + 0.25 * math.sin(2 * step * index)
        samples.append(round(32767 * level * envelope * value / 1.25))
    return samples


def _concat(parts: Iterable[array[int]]) -> array[int]:
    whole = array("h")
    for part in parts:
        whole.extend(part)
    return whole


def ring_tone() -> array[int]:
    """One cycle of the French ring tone: 440 Hz for 1.5 s, then 3.5 s of silence."""
    return _concat([_tone(440.0, 1.5, 0.3), silence(3.5)])


HOLD_MELODY: tuple[int, ...] = (72, 76, 79, 76, 74, 77, 81, 77, 72, 76, 79, 84, 83, 79, 74, 71)
"""A calm, original tune (MIDI note numbers), looped while the caller waits."""


def hold_music() -> array[int]:
    """A gentle looping melody, about seven seconds long."""
    return _concat(_note(note, 0.45, 0.22) for note in HOLD_MELODY)


def position_beeps() -> array[int]:
    """Two short beeps, then a pause: the "please hold" signal."""
    beep = _tone(880.0, 0.15, 0.25)
    return _concat([beep, silence(0.12), beep, silence(2.5)])


GENERATORS: dict[Sound, Callable[[], array[int]]] = {
    "ringing": ring_tone,
    "music": hold_music,
    "beeps": position_beeps,
}
"""How each sound is made; ``silence`` has none."""


def wav_bytes(samples: array[int], rate: int = SAMPLE_RATE) -> bytes:
    """A mono 16-bit WAV file holding ``samples``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(2)
        output.setframerate(rate)
        output.writeframes(samples.tobytes())
    return buffer.getvalue()


def sound_file(sound: Sound, folder: Path) -> Path | None:
    """The WAV file of ``sound`` in ``folder``, made on first use; ``None`` for silence.

    Raises:
        FileWriteError: the folder cannot be written.
    """
    generate = GENERATORS.get(sound)
    if generate is None:
        return None
    path = folder / f"{sound}-v{TONES_VERSION}.wav"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, wav_bytes(generate()))
    return path


def wav_seconds(path: Path) -> float:
    """How long a WAV file lasts, in seconds (0 when it cannot be read)."""
    try:
        return wav_bytes_seconds(path.read_bytes())
    except OSError:
        return 0.0


def wav_bytes_seconds(data: bytes) -> float:
    """How long the WAV file held in ``data`` lasts, in seconds (0 when it is not one)."""
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate())
    except (EOFError, wave.Error):
        return 0.0
