"""Holds in progress: how long is left, when the next announcement is due."""

from __future__ import annotations

from dataclasses import dataclass, field

from repetition_3422.i18n import _
from repetition_3422.language.model import Hold

_EPSILON = 1e-9  # simulated seconds are floats: 0.1 + 0.2 must reach 0.3


@dataclass
class HoldProgress:
    """A hold being waited out.

    Attributes:
        hold: The hold as written.
        go: The state that follows the hold.
        done: Simulated seconds waited so far.
        next_announce: When the next announcement is due (``None``: no more).
    """

    hold: Hold
    go: str | None
    done: float = 0.0
    next_announce: float | None = field(default=None)

    def __post_init__(self) -> None:
        every = self.hold.announce_every_s
        if self.hold.announce and every is not None and every > 0:
            self.next_announce = every

    @property
    def left(self) -> float:
        """Seconds still to wait."""
        return max(self.hold.seconds - self.done, 0.0)

    @property
    def next_mark(self) -> float:
        """The next moment something happens: an announcement or the end of the hold."""
        if self.next_announce is not None and self.next_announce < self.hold.seconds:
            return self.next_announce
        return self.hold.seconds

    @property
    def finished(self) -> bool:
        """Whether the whole hold has been waited out."""
        return self.done >= self.hold.seconds - _EPSILON

    @property
    def announce_due(self) -> bool:
        """Whether an announcement is due now."""
        return self.next_announce is not None and self.done >= self.next_announce - _EPSILON

    def announced(self) -> None:
        """Schedule the next announcement."""
        if self.next_announce is not None and self.hold.announce_every_s:
            self.next_announce += self.hold.announce_every_s


def duration_text(seconds: float) -> str:
    """« 6 s », « 2 min », « 1 min 30 »."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if minutes == 0:
        return _("{seconds} s").format(seconds=rest)
    if rest == 0:
        return _("{minutes} min").format(minutes=minutes)
    return _("{minutes} min {seconds:02d}").format(minutes=minutes, seconds=rest)


def hold_note(hold: Hold) -> str:
    """What the transcript says of a hold: « Attente : 1 min 30 (musique). »"""
    sounds = {
        "music": _("musique"),
        "beeps": _("bips"),
        "ringing": _("sonnerie"),
        "silence": _("silence"),
    }
    return _("Attente : {duration} ({sound}).").format(
        duration=duration_text(hold.seconds), sound=sounds[hold.sound]
    )
