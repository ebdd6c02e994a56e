"""The top line of a call: who is on the line and for how long, and the wait in progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar, Static

from repetition_3422.i18n import _
from repetition_3422.tui.call_session import Hold, Status
from repetition_3422.tui.translate import N_

STATUS_LABELS: dict[Status, str] = {
    "sonnerie": N_("Ça sonne…"),
    "serveur": N_("Serveur vocal"),
    "attente": N_("En attente"),
    "conseiller": N_("Conseiller·e"),
    "transfert": N_("Transfert en cours"),
    "raccroche": N_("Raccroché"),
}
"""What the status line says in each status (French source strings)."""

SOUND_LABELS: dict[str, str] = {
    "music": N_("♪ musique d'attente"),
    "beeps": N_("bips"),
    "ringing": N_("sonnerie"),
    "silence": N_("silence"),
}
"""What the caller hears during a wait (French source strings)."""


def clock_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class CallStatus(Static):
    """``3422 · Serveur vocal · 00:42``."""

    def show(self, status: Status, seconds: float, name: str = "") -> None:
        """Display the status, the adviser's name when one speaks, and the call timer."""
        label = _(STATUS_LABELS[status])
        if status == "conseiller" and name:
            label = f"{label} : {name}"
        self.set_class(status == "raccroche", "-ended")
        self.update(
            Content.assemble(
                ("3422", "bold"), "  ·  ", (label, "bold"), "  ·  ", clock_text(seconds)
            )
        )


class HoldMeter(Horizontal):
    """How much of the wait has passed, shown only while the caller waits."""

    def compose(self) -> ComposeResult:
        yield Label(id="hold-label")
        yield ProgressBar(show_eta=False, show_percentage=False, id="hold-bar")

    def show(self, hold: Hold | None) -> None:
        """Display ``hold``, or hide the meter when there is no wait."""
        self.display = hold is not None
        if hold is None:
            return
        sound = _(SOUND_LABELS.get(hold.sound, hold.sound))
        self.query_one("#hold-label", Label).update(
            f"{sound} · {clock_text(hold.passed)} / {clock_text(hold.seconds)} "
        )
        self.query_one("#hold-bar", ProgressBar).update(
            total=max(hold.seconds, 1.0), progress=min(hold.passed, hold.seconds)
        )
