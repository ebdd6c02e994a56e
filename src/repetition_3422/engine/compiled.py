"""A script prepared once for playing: intents compiled, each state's candidates listed.

A turn then costs one pass over the intents and over the current state's transitions,
whatever the size of the script. Prepared scripts are kept in a small cache keyed by the
script object, so replaying a scenario (walkthroughs, exploration) pays once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from repetition_3422.language.intents import IntentMatcher, compile_phrases
from repetition_3422.language.model import Script, State, Transition

CACHE_SIZE = 16
"""Prepared scripts kept (a workshop or an exploration reuses a handful)."""

T = TypeVar("T")


class PerScript(Generic[T]):
    """Something prepared once per script and kept for the next calls on the same script.

    Scripts are keyed by identity, not by value: hashing a whole script would cost more
    than preparing it. Each entry holds its script, so its id cannot be reused while kept;
    the oldest entry goes when ``size`` are kept.
    """

    def __init__(self, prepare: Callable[[Script], T], size: int) -> None:
        self._prepare = prepare
        self._size = size
        self._kept: dict[int, tuple[Script, T]] = {}

    def __call__(self, script: Script) -> T:
        """The prepared form of ``script``, made now if it is not kept."""
        found = self._kept.get(id(script))
        if found is not None and found[0] is script:
            return found[1]
        if len(self._kept) >= self._size:
            self._kept.pop(next(iter(self._kept)))
        prepared = self._prepare(script)
        self._kept[id(script)] = (script, prepared)
        return prepared


@dataclass(frozen=True, slots=True)
class Candidate:
    """A transition a caller turn may take in a state, with its menu words normalised."""

    transition: Transition
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatePlan:
    """The transitions of one state, in the order they are considered.

    Attributes:
        triggered: The state's own transitions then the ``global`` ones (minus the
            global ones whose intent the state answers itself), ``any`` left out.
        fallback: The ``any`` transitions (state's own, then global), tried only when
            nothing else fires.
    """

    triggered: tuple[Candidate, ...]
    fallback: tuple[Transition, ...]


class CompiledScript:
    """A script with its intent matcher and a :class:`StatePlan` per state."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.matcher = IntentMatcher(script.intents)
        self.plans = {state_id: _plan(state, script) for state_id, state in script.states.items()}


def _plan(state: State, script: Script) -> StatePlan:
    own_intents = {intent for transition in state.on for intent in transition.intents}
    # A state's own transition for an intent wins over the global one for the same intent.
    global_on = tuple(
        transition
        for transition in script.global_on
        if not own_intents.intersection(transition.intents)
    )
    candidates: list[Candidate] = []
    fallback: list[Transition] = []
    for transition in (*state.on, *global_on):
        if transition.any:
            fallback.append(transition)
        else:
            candidates.append(Candidate(transition, compile_phrases(transition.words)))
    return StatePlan(tuple(candidates), tuple(fallback))


compile_script: PerScript[CompiledScript] = PerScript(CompiledScript, CACHE_SIZE)
"""The prepared form of a script, from the cache when it was prepared already."""
