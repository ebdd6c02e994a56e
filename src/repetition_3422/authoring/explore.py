"""Random exploration of a script: many seeded calls, looking for crashes, faults and traps.

Walk ``i`` of an exploration seeded ``S`` uses the seed ``S + i`` for everything (the
call, the card, the moment, the random caller), so ``--walks 1 --seed S+i`` replays it.
A walk reports, and stops at, the first of:

- **plantage** (crash): the engine raised an exception;
- **erreur du scénario** (fault): the engine reported a script fault (a branch with no
  true condition, a condition that cannot be computed, a loop that never waits);
- **bloqué** (stuck): the caller has spent :data:`STUCK_TURNS` turns in one state, and
  nothing the script listens to there (each of its phrasings, keys, the right value,
  silences or nonsense until the retries run out) takes the call anywhere else;
- **sans fin** (endless): :data:`MAX_TURNS` caller turns without reaching an end.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from repetition_3422.authoring.model import Action, Press, Say, Silence, Wait
from repetition_3422.authoring.runner import perform
from repetition_3422.authoring.trace import TracedCall, prepare
from repetition_3422.authoring.walker import OFF_TOPIC, RandomCaller, Vocabulary, vocabulary
from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import CallEvent, ScriptFault
from repetition_3422.engine.settings import MODES, CallSettings
from repetition_3422.i18n import _
from repetition_3422.language.model import Script

ProblemKind = Literal["crash", "fault", "stuck", "endless"]
"""What a walk can find."""

MAX_TURNS = 150
"""Caller turns after which a call that has not ended is reported endless."""

STUCK_TURNS = 25
"""Turns in one state after which the explorer checks whether the caller can leave it."""

HANGUP_SHARE = 0.1
"""Share of random callers who hang up at some point."""

OPEN_SHARE = 0.9
"""Share of calls placed during opening hours (the others test the closed line)."""

WEEK = datetime(2025, 3, 3)
"""Calls are placed during this week (a Monday, with no public holiday)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a walk found, with everything needed to replay it."""

    kind: ProblemKind
    seed: int
    state: str
    message: str
    actions: tuple[Action, ...]
    settings: CallSettings
    represented: bool = False

    @property
    def signature(self) -> tuple[str, str, str]:
        """Walks that found the same thing in the same place count as one problem (an
        endless call is one problem wherever it was when the explorer gave up)."""
        return (self.kind, "" if self.kind == "endless" else self.state, self.message)


@dataclass
class Exploration:
    """The result of exploring a script."""

    script: Script
    walks: int
    seed: int
    problems: list[Problem] = field(default_factory=list)
    reached: set[str] = field(default_factory=set)
    seconds: float = 0.0

    def distinct(self) -> list[tuple[Problem, int]]:
        """Each distinct problem (its shortest walk) and how many walks found it."""
        found: dict[tuple[str, str, str], tuple[Problem, int]] = {}
        for problem in self.problems:
            best, count = found.get(problem.signature, (problem, 0))
            shorter = len(problem.actions) < len(best.actions)
            found[problem.signature] = (problem if shorter else best, count + 1)
        return list(found.values())


def explore(script: Script, walks: int, seed: int, *, max_turns: int = MAX_TURNS) -> Exploration:
    """Play ``walks`` random calls of ``script``, the first seeded ``seed``."""
    started = time.perf_counter()
    words = vocabulary(script, prepare(script))
    result = Exploration(script, walks, seed)
    for number in range(walks):
        problem, reached = walk(script, words, seed + number, max_turns=max_turns)
        result.reached |= reached
        if problem is not None:
            result.problems.append(problem)
    result.seconds = time.perf_counter() - started
    return result


def walk_settings(script: Script, rng: random.Random, seed: int) -> CallSettings:
    """A walk's difficulty, mode and moment, drawn from its generator."""
    day = WEEK + timedelta(days=rng.randrange(7))
    if rng.random() < OPEN_SHARE:
        hour = rng.uniform(8.5, 17.4)
    else:
        hour = rng.choice((rng.uniform(5.0, 8.4), rng.uniform(17.6, 23.0)))
    return CallSettings(
        seed=seed,
        difficulty=rng.choice(script.difficulties),
        mode=rng.choice(MODES),
        at=day + timedelta(minutes=round(hour * 60)),
    )


def walk_identity(script: Script, seed: int) -> tuple[Identity, bool]:
    """The walk's card; with a represented person when the script compares with one."""
    represented = any(
        (slot.compare or "").startswith("represented.") for slot in script.slots.values()
    )
    return generate_identity(seed, represented="enfant" if represented else None), represented


def walk(
    script: Script, words: Vocabulary, seed: int, *, max_turns: int = MAX_TURNS
) -> tuple[Problem | None, set[str]]:
    """One random call: the problem it found (or ``None``) and what it reached."""
    rng = random.Random(seed)
    settings = walk_settings(script, rng, seed)
    identity, represented = walk_identity(script, seed)
    hangup = rng.randint(1, 40) if rng.random() < HANGUP_SHARE else None
    state = _Walk(script, words, identity, settings)
    caller = RandomCaller(rng, words, hangup)
    found = state.run(caller, max_turns)
    reached = state.call.keys() if found is None or found[0] != "crash" else set(state.call.reached)
    if found is None:
        return None, reached
    kind, where, message = found
    problem = Problem(kind, seed, where, message, tuple(state.actions), settings, represented)
    return problem, reached


class _Walk:
    """A random call in progress."""

    def __init__(
        self, script: Script, words: Vocabulary, identity: Identity, settings: CallSettings
    ) -> None:
        self.script = script
        self.words = words
        self.identity = identity
        self.settings = settings
        self.call = TracedCall(script, identity, settings)
        self.actions: list[Action] = []
        self.probed: set[str] = set()

    def run(self, caller: RandomCaller, max_turns: int) -> tuple[ProblemKind, str, str] | None:
        """Let ``caller`` play until the call ends or a problem shows (kind, state, message)."""
        found = self._do(None)
        streak, last = 0, ""
        while found is None and not self.call.ended:
            if caller.turns >= max_turns:
                message = _("{turns} tours de parole sans atteindre une fin.")
                return "endless", self.call.state.id, message.format(turns=max_turns)
            action = caller.next(self.call)
            self.actions.append(action)
            found = self._do(action)
            state = self.call.state.id
            streak, last = (streak + 1, last) if state == last else (0, state)
            if found is None and streak >= STUCK_TURNS and state not in self.probed:
                self.probed.add(state)
                found = self._stuck(state)
        return found

    def _do(self, action: Action | None) -> tuple[ProblemKind, str, str] | None:
        try:
            events = (
                self.call.start() if action is None else perform(self.call, action, self.identity)
            )
        except Exception as error:  # finding engine crashes is the point of exploring
            message = f"{type(error).__name__}: {error}"
            return "crash", self.call.state.id, message
        return _fault(events)

    def _stuck(self, state: str) -> tuple[ProblemKind, str, str] | None:
        inputs = Inputs(self.script, self.identity, self.settings)
        if can_leave(inputs, self.actions, state, self.words):
            return None
        message = _("Rien de ce que l'appelant peut dire ne fait quitter l'état « {state} ».")
        return "stuck", state, message.format(state=state)


def _fault(events: Sequence[CallEvent]) -> tuple[ProblemKind, str, str] | None:
    fault = next((event for event in events if isinstance(event, ScriptFault)), None)
    return None if fault is None else ("fault", fault.state, fault.message)


def probes(script: Script, state_id: str, words: Vocabulary) -> list[list[Action]]:
    """Everything worth trying to leave a state: each sentence it listens to, each key,
    the right value, and failures (silence, nonsense) until its retries run out."""
    state = script.states[state_id]
    failures = max(state.reprompts.retries, 1) + 1
    tries: list[list[Action]] = [[Say(text)] for text in words.listens.get(state_id, ())]
    tries += [[Press(keys)] for keys in words.keys.get(state_id, ())]
    tries += [[Say(text)] for text in words.right.get(state_id, ())]
    tries += [[Silence(failures)], [Say(OFF_TOPIC[0])] * failures, [Wait(None)]]
    return tries


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a call is played with, besides the caller's actions: it replays from these."""

    script: Script
    identity: Identity
    settings: CallSettings

    def replay(self, actions: Sequence[Action]) -> Call:
        """A new call, started, with ``actions`` played."""
        call = TracedCall(self.script, self.identity, self.settings)
        call.start()
        for action in actions:
            perform(call, action, self.identity)
        return call


def can_leave(inputs: Inputs, actions: Sequence[Action], state_id: str, words: Vocabulary) -> bool:
    """Whether some probe, played after ``actions``, takes the call out of ``state_id``."""
    for probe in probes(inputs.script, state_id, words):
        call = inputs.replay([*actions, *probe])
        if call.ended or call.state.id != state_id:
            return True
    return False
