"""What a call is played with, besides the script and the identity: seed, level, mode, clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

Mode = Literal["practice", "real"]
"""``practice`` shows hints and suggested replies; ``real`` plays the call bare."""

MODES: tuple[Mode, ...] = get_args(Mode)
"""Every mode, the default first."""


@dataclass(frozen=True, slots=True)
class CallSettings:
    """The inputs of a call that are not the script, the identity or the caller's words.

    Attributes:
        seed: Seeds the call's only random generator (which variant of a line is said):
            the same seed, script, identity and caller's words give the same call.
        difficulty: One of the script's difficulties (``facile``, ``moyen``, ``difficile``).
        mode: ``practice`` or ``real``.
        at: When the call is placed (naive local time, Europe/Paris); the simulated clock
            starts there and only moves by the call's own simulated durations.
    """

    seed: int
    difficulty: str
    mode: Mode
    at: datetime
