"""What the plain front end prints: event lines, the practice card, hints, the debrief.

Formats of the plain-mode contract: adviser lines ``Name : text``; the voice server and
events as bracketed lines (``[serveur vocal] …``, ``[attente 2 min] …``,
``[transfert] …``, ``[raccroché] …``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.nir import format_nir
from repetition_3422.domain.vitale import VITALE_TYPE_LABELS, format_serial
from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldStarted,
    SystemNote,
    Transferred,
)
from repetition_3422.engine.holds import duration_text
from repetition_3422.engine.result import CallResult
from repetition_3422.i18n import _


def event_line(event: CallEvent) -> str | None:
    """The stdout line for one event (``None`` for events the caller does not perceive)."""
    formatter = _FORMATTERS.get(type(event))
    return None if formatter is None else formatter(event)


def adviser_line(event: AdviserSaid) -> str:
    """``Name : text``, or ``[serveur vocal] text`` for a machine."""
    if event.machine:
        return _("[serveur vocal] {text}").format(text=event.text)
    return _("{name} : {text}").format(name=event.name, text=event.text)


def transfer_line(event: Transferred) -> str:
    """``[transfert] …``."""
    return _("[transfert] On vous passe {name}.").format(name=event.name)


def note_line(event: SystemNote) -> str:
    """``[note] …``."""
    return _("[note] {text}").format(text=event.text)


def hold_line(event: HoldStarted) -> str:
    """``[sonnerie] …`` or ``[attente 1 min 30] …``."""
    if event.sound == "ringing":
        return _("[sonnerie] Ça sonne…")
    heard = {
        "music": _("musique d'attente…"),
        "beeps": _("bips d'attente…"),
        "silence": _("silence…"),
    }[event.sound]
    return _("[attente {duration}] {heard}").format(
        duration=duration_text(event.seconds), heard=heard
    )


def hangup_line(event: CallEnded) -> str:
    """``[raccroché] …`` saying who ended the call."""
    who = {
        "conseiller": _("L'appel est terminé."),
        "appelant": _("Vous avez raccroché."),
        "reseau": _("La ligne a été coupée."),
    }[event.hangup_by]
    return _("[raccroché] {who}").format(who=who)


def card_lines(identity: Identity) -> list[str]:
    """The practice card: the fictional numbers to give, grouped for reading aloud."""
    name = " ".join(part for part in (identity.first_name, identity.last_name) if part)
    lines = [_("Votre fiche d'entraînement — FICTIF")]
    if name:
        lines.append(_("  Nom : {name}").format(name=name))
    lines += [
        _("  Code confidentiel : {code}").format(code=format_code(identity.code)),
        _("  Numéro de sécurité sociale : {nir}").format(nir=format_nir(identity.nir)),
        _("  {card}, numéro de série : {serial}").format(
            card=_(VITALE_TYPE_LABELS[identity.vitale_type]),
            serial=format_serial(identity.vitale_serial),
        ),
        _("Ces numéros sont inventés : ils ne sont ceux de personne."),
        _("Dites chaque réponse à voix haute avant de la taper. Ligne vide : silence ;"),
        _("fin de saisie (Ctrl-D) : vous raccrochez."),
        "",
    ]
    return lines


def hint_lines(hint: str | None, suggestions: tuple[str, ...]) -> list[str]:
    """Practice mode: the hint and suggested replies, before the caller's turn."""
    lines = [_("(conseil : {hint})").format(hint=hint)] if hint else []
    lines += [_("(vous pouvez dire : « {text} »)").format(text=text) for text in suggestions]
    return lines


def debrief_lines(result: CallResult) -> list[str]:
    """The debrief after the call: outcome, each criterion with its feedback, score, duration."""
    lines = ["", _("Bilan de l'appel"), _("Issue : {label}").format(label=result.outcome_label)]
    for criterion in result.rubric:
        mark = "✓" if criterion.passed else "✗"
        lines.append(f"  {mark} {criterion.label}")
        if criterion.feedback:
            lines.append(f"      {criterion.feedback}")
    if result.rubric:
        lines.append(_("Score : {score}/100").format(score=result.score))
    lines.append(_("Durée : {duration}").format(duration=duration_text(result.duration_s)))
    return lines


_FORMATTERS: dict[type, Callable[[Any], str]] = {
    AdviserSaid: adviser_line,
    HoldStarted: hold_line,
    Transferred: transfer_line,
    CallEnded: hangup_line,
    SystemNote: note_line,
}
