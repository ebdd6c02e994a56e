"""Recording a played call as a walkthrough (``play … --record FILE.yaml``).

The plain front end's input lines are kept (:class:`LineTap`), then replayed on the
engine as that front end reads them (:func:`plain_actions`): the call is the same,
since the engine is a pure function of its inputs. Numbers become ``{identity.…}``
fields (:mod:`~repetition_3422.authoring.references`); the walkthrough is replayed once
more to write what must happen: the state after each step, the states visited, the
outcome and the rubric (:func:`walkthrough_text`). The app can record too: it passes
the caller's :data:`~repetition_3422.authoring.model.Action` list to
:func:`walkthrough_text`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from repetition_3422.authoring.model import Action, HangUp, Press, Say, Silence, Wait
from repetition_3422.authoring.references import (
    Reference,
    attempt_reference,
    identity_references,
    to_step_text,
)
from repetition_3422.authoring.runner import masker, perform
from repetition_3422.authoring.trace import TracedCall
from repetition_3422.authoring.writer import Commented, Text, document
from repetition_3422.domain.identity import Identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import AdviserSaid, CallEvent, HoldStarted, SlotRejected
from repetition_3422.engine.names import secrets_of
from repetition_3422.engine.settings import CallSettings
from repetition_3422.i18n import _
from repetition_3422.language.model import Script

KEYPAD = re.compile(r"[0-9*#]+")
"""A line of only digits, ``*`` or ``#``: keypad input on a voice menu (as plain mode reads it)."""


class LineTap(io.StringIO):
    """Stands for the plain front end's input and keeps every line it reads."""

    def __init__(self, source: TextIO) -> None:
        super().__init__()
        self.source = source
        self.lines: list[str] = []

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        """The next line of the real input, kept (typeshed types io's base readline as bytes)."""
        line = self.source.readline()
        self.lines.append(line)
        return line

    def isatty(self) -> bool:
        """Whether the real input is a terminal (the front end echoes lines otherwise)."""
        return self.source.isatty()


def plain_actions(
    script: Script, identity: Identity, settings: CallSettings, lines: Sequence[str]
) -> list[Action]:
    """The caller's actions of a plain-mode call fed ``lines``, numbers as fields.

    As plain mode reads them: a hold is waited out, an empty line is a silence, a line of
    digits on the voice menu is keypad input, the end of the lines hangs up.
    """
    call = Call(script, identity, settings)
    call.start()
    pending = iter(lines)
    known = identity_references(identity)
    secrets = secrets_of(identity)
    actions: list[Action] = []
    while not call.ended:
        if call.waiting > 0:
            actions.append(Wait(None))
            call.advance(call.waiting)
            continue
        raw = next(pending, "")
        action = _read_line(call, raw)
        before = set(call.heard_numbers)
        events = perform(call, action, identity)
        if isinstance(action, Say):
            known += _attempts(script, call.heard_numbers - before, events)
            action = Say(to_step_text(action.text, known, secrets))
        actions.append(action)
    return actions


def referenced_actions(
    script: Script, identity: Identity, settings: CallSettings, actions: Sequence[Action]
) -> list[Action]:
    """The caller's actions of a call played in the app, numbers written as fields.

    The call is played again with ``actions`` so that each number the caller typed can be
    named after the card (``{identity.nir}``, ``{identity.nir|wrong_key}``…).
    """
    call = Call(script, identity, settings)
    call.start()
    known = identity_references(identity)
    secrets = secrets_of(identity)
    written: list[Action] = []
    for action in actions:
        if call.ended:
            break
        before = set(call.heard_numbers)
        events = perform(call, action, identity)
        if isinstance(action, Say):
            known += _attempts(script, call.heard_numbers - before, events)
            written.append(Say(to_step_text(action.text, known, secrets)))
        else:
            written.append(action)
    return written


def _read_line(call: Call, raw: str) -> Action:
    if not raw:
        return HangUp()
    text = raw.rstrip("\r\n")
    if not text.strip():
        return Silence()
    if call.keypad_active and KEYPAD.fullmatch(text.strip()):
        return Press(text.strip())
    return Say(text)


def _attempts(script: Script, heard: set[str], events: Sequence[CallEvent]) -> list[Reference]:
    refused = [event for event in events if isinstance(event, SlotRejected)]
    found: list[Reference] = []
    for attempt in heard:
        for event in refused:
            reference = attempt_reference(script, event.slot, event.rule, attempt)
            if reference is not None:
                found.append(reference)
    return found


def walkthrough_text(
    script: Script,
    identity: Identity,
    settings: CallSettings,
    actions: Sequence[Action],
    *,
    script_ref: str,
    identity_ref: str | Mapping[str, Any],
    name: str,
) -> str:
    """The walkthrough file of a call: its steps, with what must happen after each.

    Args:
        script: The scenario played.
        identity: The card played with.
        settings: Seed, difficulty, mode and moment of the call.
        actions: The caller's actions, numbers written as ``{identity.…}`` fields.
        script_ref: How the file names the script (a shipped id, or a path from the file).
        identity_ref: How it names the card: ``{"seed": n}`` or a path from the file.
        name: The walkthrough's name.
    """
    call = TracedCall(script, identity, settings)
    hide = masker(call)
    opening = _heard(call.start())
    steps: list[Commented] = []
    for action in actions:
        events = perform(call, action, identity)
        hide = masker(call)
        step = step_data(action)
        step["expect"] = {"ended": True} if call.ended else {"state": call.state.id}
        steps.append(Commented(step, after=tuple(hide(line) for line in _heard(events))))
    if steps:
        first = steps[0]
        steps[0] = Commented(first.value, tuple(hide(line) for line in opening), first.after)
    result = call.result()
    walkthrough: dict[str, Any] = {
        "name": name,
        "identity": dict(identity_ref) if isinstance(identity_ref, Mapping) else identity_ref,
        "seed": settings.seed,
        "difficulty": settings.difficulty,
        "mode": settings.mode,
        "at": settings.at.isoformat(timespec="minutes"),
        "steps": steps,
        "expect": {
            "visited": [state for state, count in call.record.visited.items() if count],
            "outcome": call.outcome or None,
            "rubric": {item.id: item.passed for item in result.rubric},
            "score": result.score,
        },
    }
    if not call.outcome:
        del walkthrough["expect"]["outcome"]
    header = [
        _("Parcours enregistré depuis un appel joué : relisez-le, renommez-le, gardez-le."),
        _("Les numéros viennent de la fiche : {identity.…} les remplace."),
    ]
    return document({"script": script_ref, "walkthroughs": [walkthrough]}, header)


def step_data(action: Action) -> dict[str, Any]:
    """A step as written in a walkthrough file (« say: … », « wait: end »…)."""
    if isinstance(action, Say):
        return {"say": Text(action.text)}
    if isinstance(action, Press):
        return {"press": action.keys}
    if isinstance(action, Silence):
        return {"silence": True if action.count == 1 else action.count}
    if isinstance(action, Wait):
        return {"wait": "end" if action.seconds is None else action.seconds}
    return {"hangup": True}


def _heard(events: Sequence[CallEvent]) -> list[str]:
    lines: list[str] = []
    for event in events:
        if isinstance(event, AdviserSaid):
            lines.append(f"{event.name} : {event.text}")
        elif isinstance(event, HoldStarted):
            lines.append(_("[attente de {seconds} s]").format(seconds=round(event.seconds)))
    return lines
