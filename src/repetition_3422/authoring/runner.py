"""Playing a walkthrough on the engine: each step's action, then its expectations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from repetition_3422.authoring.model import (
    Action,
    Expectation,
    HangUp,
    Press,
    Say,
    Silence,
    Step,
    Wait,
    Walkthrough,
)
from repetition_3422.authoring.numbers import FieldError, render
from repetition_3422.authoring.trace import TracedCall
from repetition_3422.authoring.verdict import Difference, Mask, compare
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.masking import mask_text
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import CallEvent, ScriptFault
from repetition_3422.engine.names import secrets_of
from repetition_3422.i18n import _
from repetition_3422.language.model import Script

TRANSCRIPT_TURNS = 8
"""Turns of the transcript shown before a failure."""


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a walkthrough failed, at which step, with the end of the (masked) transcript.

    Attributes:
        step: The 1-based number of the failing step; 0 for the final expectations.
    """

    step: int
    where: Step | Expectation | None
    differences: tuple[Difference, ...]
    transcript: tuple[str, ...] = ()


@dataclass
class Outcome:
    """A walkthrough played: passed or failed, and the coverage keys it reached."""

    walkthrough: Walkthrough
    failure: Failure | None = None
    reached: set[str] = field(default_factory=set)

    @property
    def passed(self) -> bool:
        """Whether every expectation held."""
        return self.failure is None


def perform(call: Call, action: Action | None, identity: Identity) -> list[CallEvent]:
    """Do a caller action on ``call`` and return what it caused.

    Raises:
        FieldError: a ``say`` names an identity value the card lacks.
    """
    if isinstance(action, Say):
        return call.say(render(action.text, identity))
    if isinstance(action, Press):
        return call.press(action.keys)
    if isinstance(action, Silence):
        return [event for _n in range(action.count) for event in call.silence()]
    if isinstance(action, Wait):
        return call.advance(call.waiting if action.seconds is None else action.seconds)
    if isinstance(action, HangUp):
        return call.hang_up()
    return []


def masker(call: Call) -> Mask:
    """Hides the identity's numbers and every number the caller tried."""
    secrets = (*secrets_of(call.identity), *sorted(call.heard_numbers))
    return lambda text: mask_text(text, secrets)


class _Play:
    """One walkthrough being played."""

    def __init__(self, script: Script, walkthrough: Walkthrough) -> None:
        self.walkthrough = walkthrough
        self.call = TracedCall(script, walkthrough.identity, walkthrough.settings)
        self.events: list[CallEvent] = []

    def run(self) -> Outcome:
        """Play every step, then check the final expectations."""
        outcome = Outcome(self.walkthrough)
        outcome.failure = self._steps()
        if outcome.failure is None and self.walkthrough.expect is not None:
            outcome.failure = self._check(
                0, self.walkthrough.expect, self.walkthrough.expect, self.events
            )
        outcome.reached = self.call.keys()
        return outcome

    def _steps(self) -> Failure | None:
        pending = self._do(0, None)
        if isinstance(pending, Failure):
            return pending
        for number, step in enumerate(self.walkthrough.steps, start=1):
            done = self._do(number, step)
            if isinstance(done, Failure):
                return done
            events = pending + done
            pending = []
            failure = self._faults(number, step, events) or self._check(
                number, step, step.expect, events
            )
            if failure is not None:
                return failure
        return None

    def _do(self, number: int, step: Step | None) -> list[CallEvent] | Failure:
        try:
            if step is None:
                events = self.call.start()
            else:
                events = perform(self.call, step.action, self.walkthrough.identity)
        except FieldError as error:
            return self._failure(number, step, [Difference(_("une étape jouable"), error.message)])
        except Exception as error:  # a crash of the engine is what these tests are for
            got = _("le moteur a planté : {kind}: {message}").format(
                kind=type(error).__name__, message=error
            )
            return self._failure(number, step, [Difference(_("un appel sans plantage"), got)])
        self.events += events
        return events

    def _faults(self, number: int, step: Step, events: Sequence[CallEvent]) -> Failure | None:
        if step.expect is not None and "script_fault" in step.expect.events:
            return None
        faults = [event for event in events if isinstance(event, ScriptFault)]
        if not faults:
            return None
        differences = [
            Difference(_("aucune erreur du scénario"), fault.message) for fault in faults
        ]
        return self._failure(number, step, differences)

    def _check(
        self,
        number: int,
        where: Step | Expectation,
        expect: Expectation | None,
        events: Sequence[CallEvent],
    ) -> Failure | None:
        if expect is None:
            return None
        differences = compare(expect, self.call, events, masker(self.call))
        return self._failure(number, where, differences) if differences else None

    def _failure(
        self, number: int, where: Step | Expectation | None, differences: Sequence[Difference]
    ) -> Failure:
        return Failure(number, where, tuple(differences), tuple(transcript_tail(self.call)))


def transcript_tail(call: Call, count: int = TRANSCRIPT_TURNS) -> list[str]:
    """The last turns of the call, numbers masked: « [demande-code] vous : … »."""
    try:
        turns = call.transcript()["turns"]
    except Exception:  # a call that crashed may not give a transcript; the failure says why
        return []
    speakers = {"adviser": _("conseiller"), "caller": _("vous"), "system": "—"}
    return [
        f"[{turn['state']}] {speakers.get(turn['speaker'], turn['speaker'])} : "
        f"{turn['text'] or _('(silence)')}"
        for turn in turns[-count:]
    ]


def run_walkthrough(script: Script, walkthrough: Walkthrough) -> Outcome:
    """Play ``walkthrough`` on ``script``: passed, or the first failing step and why."""
    return _Play(script, walkthrough).run()
