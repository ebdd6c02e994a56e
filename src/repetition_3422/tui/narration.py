"""How each call event reads in the on-screen transcript (pure: no widget)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldStarted,
    ScriptFault,
    SlotFilled,
    SystemNote,
    Transferred,
)
from repetition_3422.i18n import _
from repetition_3422.language.model import Script
from repetition_3422.tui.translate import N_
from repetition_3422.tui.widgets.call_status import SOUND_LABELS, clock_text
from repetition_3422.tui.widgets.transcript import LineKind

SLOT_LABELS = {
    "code": N_("code"),
    "nir": N_("numéro de sécurité sociale"),
    "vitale_serial": N_("numéro de série de la carte"),
    "vitale_type": N_("type de carte"),
}
"""Names of the slot types in practice-mode ticks (French source strings)."""


@dataclass(frozen=True, slots=True)
class Narrated:
    """A transcript line: its kind, who speaks (may be empty) and the text."""

    kind: LineKind
    text: str
    who: str = ""


def narrate(event: CallEvent, script: Script, *, practice: bool) -> Narrated | None:
    """The transcript line for ``event``, or ``None`` when nothing is shown for it.

    Practice mode also ticks each number the adviser accepted, so a beginner knows where
    they stand; « comme en vrai » shows only what a caller would hear. Rejected numbers
    and the end of a wait show nothing: the adviser's next line says it.
    """
    if isinstance(event, SlotFilled):
        return _filled(event, script) if practice else None
    narrator = _NARRATORS.get(type(event))
    return narrator(event) if narrator is not None else None


def caller_line(text: str, *, keys: bool = False) -> Narrated:
    """The caller's own turn: words said, or keys pressed."""
    if keys:
        return Narrated("caller", _("touche {keys}").format(keys=" ".join(text)), _("Vous"))
    return Narrated("caller", text, _("Vous"))


def _said(event: AdviserSaid) -> Narrated:
    return Narrated("machine" if event.machine else "adviser", event.text, event.name)


def _transferred(event: Transferred) -> Narrated:
    return Narrated("event", _("Transfert vers {name}…").format(name=event.name))


def _note(event: SystemNote) -> Narrated:
    return Narrated("event", event.text)


def _fault(event: ScriptFault) -> Narrated:
    return Narrated("fault", _("Erreur du script : {message}").format(message=event.message))


def _hold(event: HoldStarted) -> Narrated:
    if event.sound == "ringing":
        return Narrated("event", _("Ça sonne…"))
    sound = _(SOUND_LABELS.get(event.sound, event.sound))
    return Narrated(
        "event",
        _("En attente ({sound}, {length})").format(sound=sound, length=clock_text(event.seconds)),
    )


def _filled(event: SlotFilled, script: Script) -> Narrated:
    slot = script.slots.get(event.slot)
    name = _(SLOT_LABELS.get(slot.type, event.slot)) if slot else event.slot
    return Narrated("event", _("✓ {slot} accepté").format(slot=name))


def _ended(event: CallEnded) -> Narrated:
    return Narrated("event", _("Raccroché — {outcome}").format(outcome=event.label))


_NARRATORS: dict[type, Callable[[Any], Narrated]] = {
    AdviserSaid: _said,
    HoldStarted: _hold,
    Transferred: _transferred,
    SystemNote: _note,
    ScriptFault: _fault,
    CallEnded: _ended,
}
"""How each kind of event reads (kinds absent here show nothing)."""
