"""A call that notes what it reached: transitions taken, re-prompts said, holds waited out.

:class:`TracedCall` is the engine's :class:`~repetition_3422.engine.call.Call` with a
few methods observed, so coverage counts what really happened, not what the authors
meant to test. Every reached element has a key (:func:`state_key`, :func:`transition_key`…)
that :mod:`repetition_3422.authoring.coverage` lists for the whole script.

Walkthroughs and exploration replay the same script many times with the same few
sentences, so intents are scored once per distinct sentence (:class:`MemoMatcher`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from repetition_3422.domain.identity import Identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.compiled import CompiledScript, PerScript
from repetition_3422.engine.events import AdviserSaid, CallEvent, HoldEnded, Transferred
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language.intents import IntentMatcher
from repetition_3422.language.model import Line, Reprompts, Script, State, Transition

LISTENING = ("talk", "menu")
"""States that wait for the caller (and re-prompt)."""

Failure = Literal["no_match", "no_input"]

MEMO_SIZE = 20_000
"""Distinct sentences whose intent scores are kept per script."""

SCRIPTS_KEPT = 8
"""Prepared scripts kept at once."""


def state_key(state_id: str) -> str:
    """Key of a state reached."""
    return f"state:{state_id}"


def transition_key(state_id: str, index: int) -> str:
    """Key of the ``index``-th transition (or menu choice) of a state."""
    return f"on:{state_id}:{index}"


def global_key(index: int) -> str:
    """Key of the ``index``-th global transition (counted once for the script)."""
    return f"global:{index}"


def go_key(state_id: str) -> str:
    """Key of the ``go`` that follows a hold or a transfer."""
    return f"go:{state_id}"


def retries_key(state_id: str) -> str:
    """Key of a state's way out after too many failures (``after_retries``)."""
    return f"retries:{state_id}"


def reprompt_key(kind: Failure, state_id: str, level: int) -> str:
    """Key of the ``level``-th re-prompt (1-based) of a kind in a state."""
    return f"{kind}:{state_id}:{level}"


def criterion_key(criterion_id: str, passed: bool) -> str:
    """Key of a rubric criterion passed, or failed."""
    return f"{'passed' if passed else 'failed'}:{criterion_id}"


def reprompt_levels(reprompts: Reprompts, kind: Failure) -> list[Line | None]:
    """The re-prompts a caller can hear in a row, one per level (``None``: the engine's).

    The n-th failure of a kind says the n-th line (the last one again past the end); past
    ``retries`` failures the call leaves for ``after_retries``, so later lines are never said.
    """
    pool = reprompts.no_match if kind == "no_match" else reprompts.no_input
    said: list[Line | None] = list(pool) if pool else [None]
    if reprompts.after_retries is not None:
        said = said[: max(reprompts.retries - 1, 0)]
    return said


class MemoMatcher(IntentMatcher):
    """An intent matcher that remembers the scores of the sentences it has seen."""

    def __init__(self, script: Script) -> None:
        super().__init__(script.intents)
        self._memo: dict[str, dict[str, float]] = {}

    def scores_normalized(self, text: str) -> dict[str, float]:
        """Like :meth:`IntentMatcher.scores_normalized`, once per distinct sentence."""
        found = self._memo.get(text)
        if found is None:
            found = super().scores_normalized(text)
            if len(self._memo) < MEMO_SIZE:
                self._memo[text] = found
        return dict(found)


class TracedScript(CompiledScript):
    """A prepared script with a remembering matcher and the keys of what can be reached."""

    def __init__(self, script: Script) -> None:
        super().__init__(script)
        self.matcher = MemoMatcher(script)
        self.transitions: dict[int, str] = dict(_transition_keys(script))
        self.reprompts: dict[tuple[str, str], str] = dict(_reprompt_keys(script))


def _transition_keys(script: Script) -> Iterator[tuple[int, str]]:
    # Transitions are compared by identity: two equal transitions of two states differ.
    for state in script.states.values():
        for index, transition in enumerate(state.on):
            yield id(transition), transition_key(state.id, index)
    for index, transition in enumerate(script.global_on):
        yield id(transition), global_key(index)


def _reprompt_keys(script: Script) -> Iterator[tuple[tuple[str, str], str]]:
    kinds: tuple[Failure, ...] = ("no_match", "no_input")
    for state in script.states.values():
        if state.kind not in LISTENING:
            continue
        for kind in kinds:
            for level, line in enumerate(reprompt_levels(state.reprompts, kind), start=1):
                line_id = f"engine.{kind}" if line is None else line.id
                yield (state.id, line_id), reprompt_key(kind, state.id, level)


prepare: PerScript[TracedScript] = PerScript(TracedScript, SCRIPTS_KEPT)
"""The traced preparation of a script, made once and kept for the next calls."""


class TracedCall(Call):
    """A :class:`Call` that notes the keys of what it reaches in :attr:`reached`."""

    def __init__(self, script: Script, identity: Identity, settings: CallSettings) -> None:
        super().__init__(script, identity, settings)
        self.traced = prepare(script)
        self.compiled = self.traced
        self.reached: set[str] = set()

    def take(self, transition: Transition, events: list[CallEvent]) -> str | None:
        """Note the transition, then take it."""
        key = self.traced.transitions.get(id(transition))
        if key is not None:
            self.reached.add(key)
        return super().take(transition, events)

    def go(self, target: str, events: list[CallEvent]) -> None:
        """Note a way out after too many failures, then go."""
        state = self.state
        failures = self.visit.failures
        leaving = failures and failures >= state.reprompts.retries
        if leaving and target == state.reprompts.after_retries:
            self.reached.add(retries_key(state.id))
        super().go(target, events)

    def keys(self) -> set[str]:
        """Everything reached so far: states, transitions, re-prompts, the rubric as it is now."""
        found = set(self.reached)
        found.update(state_key(state) for state, count in self.record.visited.items() if count)
        found.update(criterion_key(item.id, item.passed) for item in self.result().rubric)
        return found

    def _flush(self, events: list[CallEvent]) -> list[CallEvent]:
        flushed = super()._flush(events)
        for event in flushed:
            self._observe(event)
        return flushed

    def _observe(self, event: CallEvent) -> None:
        if isinstance(event, AdviserSaid):
            key = self.traced.reprompts.get((event.state, event.line_id))
            if key is not None:
                self.reached.add(key)
        elif isinstance(event, HoldEnded) or (
            isinstance(event, Transferred) and _no_hold(self.script, event.state)
        ):
            self.reached.add(go_key(event.state))


def _no_hold(script: Script, state_id: str) -> bool:
    state: State | None = script.states.get(state_id)
    return state is not None and state.hold is None
