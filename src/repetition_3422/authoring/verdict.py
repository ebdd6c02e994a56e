"""Comparing what a step expects with what the call did: one sentence per difference."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from repetition_3422.authoring.model import Expectation
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldEnded,
    HoldStarted,
    ScriptFault,
    SlotFilled,
    SlotRejected,
    SystemNote,
    Transferred,
)
from repetition_3422.i18n import _

EVENT_NAMES: dict[type, str] = {
    HoldStarted: "hold_started",
    HoldEnded: "hold_ended",
    Transferred: "transferred",
    SlotRejected: "slot_rejected",
    SlotFilled: "slot_filled",
    CallEnded: "call_ended",
    SystemNote: "system_note",
    ScriptFault: "script_fault",
}
"""The name a walkthrough gives each kind of event."""

SHOWN = 240
"""Characters of what was heard shown in a failure."""

Mask = Callable[[str], str]
"""Hides the caller's numbers in a text shown to the author."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One expectation not met: what was expected and what happened (numbers masked)."""

    expected: str
    got: str


def fold(text: str) -> str:
    """Lower case, spaces collapsed: how ``says`` compares texts."""
    return " ".join(text.casefold().split())


def heard_text(events: Sequence[CallEvent]) -> str:
    """Everything the personas said in ``events``, one line after the other."""
    return "\n".join(event.text for event in events if isinstance(event, AdviserSaid))


def compare(
    expect: Expectation, call: Call, events: Sequence[CallEvent], mask: Mask
) -> list[Difference]:
    """Every difference between ``expect`` and the call now (``events``: what just happened)."""
    return [
        *_places(expect, call, events),
        *_words(expect, events, mask),
        *_memory(expect, call),
        *_ending(expect, call),
    ]


def _shown(text: str, mask: Mask) -> str:
    masked = mask(" ".join(text.split()))
    if not masked:
        return _("(rien)")
    return masked if len(masked) <= SHOWN else masked[: SHOWN - 1] + "…"


def _words(expect: Expectation, events: Sequence[CallEvent], mask: Mask) -> Iterator[Difference]:
    heard = heard_text(events)
    folded = fold(heard)
    for text in expect.says:
        if fold(text) not in folded:
            yield Difference(_("entendre « {text} »").format(text=text), _shown(heard, mask))
    for text in expect.says_not:
        if fold(text) in folded:
            yield Difference(_("ne pas entendre « {text} »").format(text=text), _shown(heard, mask))
    for pattern in expect.matches:
        if re.search(pattern, heard, re.IGNORECASE) is None:
            yield Difference(
                _("entendre un texte qui corresponde à « {pattern} »").format(pattern=pattern),
                _shown(heard, mask),
            )
    said = [event.line_id for event in events if isinstance(event, AdviserSaid)]
    for line_id in expect.lines:
        if line_id not in said:
            yield Difference(
                _("la réplique « {line} »").format(line=line_id),
                ", ".join(said) or _("aucune réplique"),
            )


def _places(expect: Expectation, call: Call, events: Sequence[CallEvent]) -> Iterator[Difference]:
    if expect.state is not None and call.state.id != expect.state:
        yield Difference(
            _("l'état « {state} »").format(state=expect.state),
            _("l'état « {state} »").format(state=call.state.id),
        )
    visited = call.record.visited
    for state in expect.visited:
        if not visited[state]:
            yield Difference(_("« {state} » atteint").format(state=state), _("jamais atteint"))
    for state in expect.not_visited:
        if visited[state]:
            yield Difference(
                _("« {state} » jamais atteint").format(state=state),
                _("atteint {count} fois").format(count=visited[state]),
            )
    happened = [EVENT_NAMES[type(event)] for event in events if type(event) in EVENT_NAMES]
    for name in expect.events:
        if name not in happened:
            yield Difference(
                _("l'évènement {name}").format(name=name), ", ".join(happened) or _("aucun")
            )
    if expect.rejected is not None:
        rules = [event.rule for event in events if isinstance(event, SlotRejected)]
        if expect.rejected not in rules:
            yield Difference(
                _("un refus pour la règle « {rule} »").format(rule=expect.rejected),
                ", ".join(rules) or _("aucun refus"),
            )


def _memory(expect: Expectation, call: Call) -> Iterator[Difference]:
    record = call.record
    for slot in expect.given:
        if slot not in record.given:
            yield Difference(
                _("la donnée « {slot} » donnée").format(slot=slot),
                _("pas donnée ({tries} essai(s))").format(tries=record.tries[slot]),
            )
    for intent in expect.heard:
        if not record.heard[intent]:
            yield Difference(
                _("l'intention « {intent} » reconnue").format(intent=intent), _("jamais reconnue")
            )
    for name, value in expect.variables.items():
        actual = record.variables.get(name)
        if not _same(actual, value):
            yield Difference(f"{name} = {_value(value)}", f"{name} = {_value(actual)}")


def _same(actual: object, expected: object) -> bool:
    # true is not 1 for an author, even if Python says so.
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    return actual == expected


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _ending(expect: Expectation, call: Call) -> Iterator[Difference]:
    if expect.ended is not None and call.ended != expect.ended:
        yield Difference(
            _("appel terminé") if expect.ended else _("appel en cours"),
            _("appel terminé") if call.ended else _("appel en cours"),
        )
    if expect.outcome is not None and call.outcome != expect.outcome:
        yield Difference(
            _("l'issue « {outcome} »").format(outcome=expect.outcome),
            _("l'issue « {outcome} »").format(outcome=call.outcome)
            if call.outcome
            else _("pas encore d'issue"),
        )
    if not expect.rubric and expect.score is None and expect.min_score is None:
        return
    result = call.result()
    passed = {item.id: item.passed for item in result.rubric}
    for criterion, wanted in expect.rubric.items():
        if passed.get(criterion) != wanted:
            yield Difference(
                _criterion(criterion, wanted), _criterion(criterion, passed.get(criterion))
            )
    if expect.score is not None and result.score != expect.score:
        yield Difference(_("la note {score}").format(score=expect.score), str(result.score))
    if expect.min_score is not None and result.score < expect.min_score:
        yield Difference(
            _("une note d'au moins {score}").format(score=expect.min_score), str(result.score)
        )


def _criterion(criterion: str, passed: bool | None) -> str:
    if passed is None:
        return _("« {id} » ne s'applique pas").format(id=criterion)
    if passed:
        return _("« {id} » réussi").format(id=criterion)
    return _("« {id} » manqué").format(id=criterion)
