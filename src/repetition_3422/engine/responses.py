"""How the adviser answers a caller turn: slots read, transition chosen, re-prompts tapered.

A turn in a talk or menu state goes through these steps:

1. Every intent is scored (``heard.<intent>`` counts each one recognised); a greeting,
   a thank-you or a goodbye makes the caller ``polite``.
2. The slot the state asks (``ask``, else the slot of one of its ``slot:`` transitions)
   is read from the sentence. Personal data given unasked add to ``extra_data``.
3. An attempt at the slot decides the turn: a value that breaks a rule gets the slot's
   ``reject[rule]`` line, a valid value that is not the one on file its ``mismatch``
   line (both count as failures); a matching value fills the slot.
4. Otherwise (or once filled) a transition is chosen (:mod:`repetition_3422.engine.turns`).
5. Nothing fits: a no-match. The n-th no-match (or no-input) of the visit says the
   n-th re-prompt (the last one again past the end); after ``retries`` failures in a row
   the call goes to ``after_retries``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from repetition_3422.engine.events import CallEvent, SlotFilled, SlotRejected
from repetition_3422.engine.turns import Turn, pick_transition
from repetition_3422.i18n import _
from repetition_3422.language.expressions import ExpressionError
from repetition_3422.language.model import Line, Slot, State
from repetition_3422.language.normalize import normalize_text
from repetition_3422.language.slot_types import (
    NOTHING,
    SlotReading,
    find_personal_data,
    read_slot,
    same_value,
)

if TYPE_CHECKING:
    from repetition_3422.engine.call import Call

Failure = Literal["no_match", "no_input", "reject"]
"""Kinds of turn the adviser could not use."""

NUMBER_TYPES = frozenset({"code", "nir", "vitale_serial"})
"""Slot types whose values are personal numbers, masked wherever they appear."""

MISMATCH = "mismatch"
"""Rule reported when a valid value is not the one on file."""

POLITE = re.compile(
    r"\b(bonjour|bonsoir|merci|au revoir|s il vous plait|s il te plait|bonne journee"
    r"|bonne fin de journee|je vous remercie|excusez moi|pardon)\b"
)
"""Words of courtesy (normalised text)."""


def _default_line(kind: str) -> Line:
    texts = {
        "no_match": _("Pardon, je n'ai pas bien compris. Pouvez-vous reformuler ?"),
        "no_input": _("Allô ? Vous êtes toujours là ?"),
        "reject": _("Ce numéro ne semble pas valide. Pouvez-vous le relire lentement ?"),
        MISMATCH: _("Ce numéro ne correspond pas à notre dossier. Pouvez-vous vérifier ?"),
    }
    return Line(id=f"engine.{kind}", variants=(texts[kind],))


def respond_to_words(call: Call, text: str, events: list[CallEvent]) -> None:
    """Answer what the caller said in a talk or menu state."""
    normalized = normalize_text(text)
    scores = call.compiled.matcher.scores_normalized(normalized)
    call.record.heard.update(scores.keys())
    if POLITE.search(normalized):
        call.record.polite = True
    state = call.state
    slot = asked_slot(call, state)
    reading = read_value(call, slot, text) if slot is not None else NOTHING
    unasked = find_personal_data(
        text, asked=slot.type if slot is not None else None, consumed=reading.heard
    )
    call.record.extra_data += len(unasked)
    filled: str | None = None
    if slot is not None and reading.attempted:
        if slot.type in NUMBER_TYPES:
            call.heard_numbers.add(reading.heard)
        call.record.tries[slot.id] += 1
        problem = check_value(call, slot, reading)
        if problem is not None:
            events.append(SlotRejected(slot.id, problem, state.id))
            fail(call, "reject", events, reject_lines(state, slot, problem))
            return
        filled = slot.id
        events.append(SlotFilled(slot.id, state.id))
    _follow(call, Turn(text, normalized, scores, filled=filled), events)


def respond_to_keys(call: Call, keys: str, events: list[CallEvent]) -> None:
    """Answer keys pressed on the voice menu."""
    _follow(call, Turn("", "", {}, keys=keys), events)


def _follow(call: Call, turn: Turn, events: list[CallEvent]) -> None:
    plan = call.compiled.plans[call.state.id]
    transition = pick_transition(plan, turn, call.voice.holds)
    if transition is None:
        if turn.filled is None:  # a filled slot is an answer, even with nowhere to go
            fail(call, "no_match", events)
        return
    call.visit.failures = 0
    target = call.take(transition, events)
    if target is not None and not call.ended:
        call.go(target, events)


def fail(
    call: Call, kind: Failure, events: list[CallEvent], lines: tuple[Line, ...] | None = None
) -> None:
    """A turn the adviser cannot use: re-prompt (tapered), or give up past ``retries``."""
    state, visit = call.state, call.visit
    reprompts = state.reprompts
    visit.failures += 1
    if kind == "no_match":
        visit.no_match += 1
        call.record.no_matches += 1
    elif kind == "no_input":
        visit.no_input += 1
    if reprompts.after_retries is not None and visit.failures >= reprompts.retries:
        call.go(reprompts.after_retries, events)
        return
    if lines is None:
        pool, count = (
            (reprompts.no_match, visit.no_match)
            if kind == "no_match"
            else (reprompts.no_input, visit.no_input)
        )
        lines = (pool[min(count, len(pool)) - 1],) if pool else ()
    persona = call.persona_for(state)
    if not call.say_lines(lines, persona, events):
        call.say_lines((_default_line(kind),), persona, events)


def asked_slot(call: Call, state: State) -> Slot | None:
    """The slot the state collects: its ``ask``, else the slot of a ``slot:`` transition."""
    slot_id = state.ask or next((t.slot for t in state.on if t.slot is not None), None)
    return call.script.slots.get(slot_id) if slot_id is not None else None


def read_value(call: Call, slot: Slot, text: str) -> SlotReading:
    """Read ``slot`` from ``text``, with the card type and NIR known so far."""
    card_type = next(
        (
            call.record.slots[other.id]
            for other in call.script.slots.values()
            if other.type == "vitale_type" and other.id in call.record.slots
        ),
        call.identity.vitale_type,
    )
    return read_slot(
        slot.type, text, card_type=card_type, nir=call.identity.nir, today=call.record.now.date()
    )


def check_value(call: Call, slot: Slot, reading: SlotReading) -> str | None:
    """Fill the slot from a reading; return the broken rule, ``mismatch``, or ``None``."""
    if reading.value is None:
        return reading.rule or "default"
    call.record.slots[slot.id] = reading.value
    if slot.compare is not None:
        try:
            expected = str(call.names.lookup(slot.compare) or "")
        except ExpressionError:
            expected = None  # the checker reports the unknown name; do not block the caller
        if expected is not None and not (
            expected and same_value(slot.type, reading.value, expected)
        ):
            return MISMATCH
    call.record.given.add(slot.id)
    return None


def reject_lines(state: State, slot: Slot, rule: str) -> tuple[Line, ...]:
    """The lines for a refused value: the state's, then the slot's, by rule then default."""
    if rule == MISMATCH:
        return state.mismatch or slot.mismatch or (_default_line(MISMATCH),)
    for table in (state.reject, slot.reject):
        if rule in table:
            return table[rule]
    for table in (state.reject, slot.reject):
        if "default" in table:
            return table["default"]
    return (_default_line("reject"),)
