"""Which transition a caller turn takes in the current state.

The rule (see :mod:`repetition_3422.language.intents` for the scores):

1. Keys pressed on the voice menu fire only the transitions with those ``keys``.
2. Otherwise each candidate of the state's plan (its own transitions, then the global
   ones it does not override) gets a score: 100 for a slot just filled or a key said in
   words (« le un »), the menu ``words`` score, or the best score of its recognised
   intents. A candidate whose ``when`` does not hold is out.
3. The best score wins, near-ties going to the first written
   (:func:`~repetition_3422.language.intents.choose`).
4. Nothing fired: the first ``any`` transition whose ``when`` holds, else no match.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from repetition_3422.domain.numbers import parse_keypad_word
from repetition_3422.engine.compiled import Candidate, StatePlan
from repetition_3422.language.intents import THRESHOLD, choose, phrases_score
from repetition_3422.language.model import Condition, Transition

CERTAIN = 100.0
"""Score of a trigger that leaves no doubt: keys pressed, a slot filled."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One caller turn as the transition choice sees it.

    Attributes:
        text: The caller's words, raw (empty for keys).
        normalized: The same, normalised.
        scores: Recognised intents and their scores.
        keys: Keys pressed on the keypad, if the turn was a key press.
        filled: The slot this turn filled with a valid, matching value, if any.
    """

    text: str
    normalized: str
    scores: Mapping[str, float]
    keys: str | None = None
    filled: str | None = None


def pick_transition(
    plan: StatePlan, turn: Turn, holds: Callable[[Condition | None], bool]
) -> Transition | None:
    """The transition ``turn`` takes in a state with ``plan``, or ``None`` (no match).

    Args:
        plan: The state's candidates and fallbacks.
        turn: What the caller did.
        holds: Evaluates a ``when`` guard (``None`` holds).
    """
    scores: list[float | None] = []
    for candidate in plan.triggered:
        score = candidate_score(candidate, turn)
        scores.append(score if score is not None and holds(candidate.transition.when) else None)
    index = choose(scores)
    if index is not None:
        return plan.triggered[index].transition
    return next((fallback for fallback in plan.fallback if holds(fallback.when)), None)


def candidate_score(candidate: Candidate, turn: Turn) -> float | None:
    """How well ``turn`` fits one candidate, or ``None`` when none of its triggers fire."""
    transition = candidate.transition
    if turn.keys is not None:
        return CERTAIN if transition.keys == turn.keys else None
    found: list[float] = []
    if transition.slot is not None and transition.slot == turn.filled:
        found.append(CERTAIN)
    if transition.keys is not None and (
        turn.normalized == transition.keys or parse_keypad_word(turn.text) == transition.keys
    ):
        found.append(CERTAIN)
    if candidate.words:
        words = phrases_score(candidate.words, turn.normalized)
        if words >= THRESHOLD:
            found.append(words)
    found += [turn.scores[intent] for intent in transition.intents if intent in turn.scores]
    return max(found, default=None)
