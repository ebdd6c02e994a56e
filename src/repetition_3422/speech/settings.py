"""Voice settings: which engine, which voice, how fast and how loud."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EngineName = Literal["auto", "pyttsx3", "espeak-ng", "silent"]
"""Speech engines a person can choose with ``--voice-engine``."""

ENGINE_NAMES: tuple[EngineName, ...] = ("auto", "pyttsx3", "espeak-ng", "silent")
"""Every engine name, ``auto`` first (the default)."""

AUTO_ORDER: tuple[EngineName, ...] = ("pyttsx3", "espeak-ng")
"""Engines ``auto`` tries, in this order."""

BEGINNER_RATE = 0.8
"""A slower pace for people who are new to the call."""

NORMAL_WORDS_PER_MINUTE = 175
"""espeak-ng's own normal pace, which a rate of 1.0 stands for."""


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """How the adviser's voice sounds; the app's settings object holds one of these."""

    engine: EngineName = "auto"
    """Which engine speaks; ``auto`` takes the first one that works."""

    voice: str | None = None
    """A voice id (``fr-fr``, ``roa/fr``, ``fr-fr+f2``); ``None`` picks the first French voice."""

    rate: float = 1.0
    """Relative pace: 1.0 is normal, :data:`BEGINNER_RATE` slower; multiplies a persona's rate."""

    volume: float = 1.0
    """Loudness from 0.0 (mute) to 1.0 (full); up to 2.0 amplifies with espeak-ng."""


def words_per_minute(rate: float) -> int:
    """The espeak-ng ``-s`` value for a relative ``rate``, kept within what espeak-ng accepts."""
    return max(80, min(450, round(NORMAL_WORDS_PER_MINUTE * rate)))
