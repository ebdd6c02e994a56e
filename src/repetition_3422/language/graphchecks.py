"""Checks of the call's shape: reachable states, ways out, endless loops, hidden transitions."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from repetition_3422.i18n import _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language import walk
from repetition_3422.language.diagnostics import Diagnostic, diagnostic
from repetition_3422.language.model import Intent, Script, State, Transition

if TYPE_CHECKING:
    from repetition_3422.language.intents import CompiledIntent

LISTENING = ("talk", "menu")


def successors(script: Script, state: State) -> list[str]:
    """The existing states the call can go to from ``state`` (global transitions included)."""
    found = [target for target, _mark in walk.targets(state)]
    if state.kind in LISTENING:
        found.extend(item.go for item in script.global_on if item.go is not None)
    return [target for target in dict.fromkeys(found) if target in script.states]


def ends_here(script: Script, state: State) -> bool:
    """Whether the call can end in ``state`` (an end state, or a ``do: hangup``)."""
    if state.kind == "end":
        return True
    own = any(item.do == "hangup" for item in state.on)
    return own or (state.kind in LISTENING and any(i.do == "hangup" for i in script.global_on))


def reachable(script: Script) -> set[str]:
    """The states a call can reach from ``start``."""
    if script.start not in script.states:
        return set()
    graph = {key: successors(script, state) for key, state in script.states.items()}
    return _closure([script.start], graph.__getitem__)


def _closure(starts: Iterable[str], following: Callable[[str], Iterable[str]]) -> set[str]:
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for target in following(queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def unreachable(script: Script, reached: set[str]) -> Iterator[Diagnostic]:
    """States of the script's own file that no call can reach from ``start``.

    States from included fragments are offered, not required: leaving one unused is fine.
    """
    for state in script.states.values():
        if state.id not in reached and state.mark.file == script.mark.file:
            yield diagnostic(
                codes.UNREACHABLE,
                state.mark,
                _("L'état « {id} » n'est jamais atteint depuis « {start} ».").format(
                    id=state.id, start=script.start
                ),
                _("ajoutez une transition qui y mène (go), ou retirez-le."),
            )


def dead_ends(script: Script) -> Iterator[Diagnostic]:
    """States that are not ends and have no way out."""
    for state in script.states.values():
        if not ends_here(script, state) and not successors(script, state):
            yield diagnostic(
                codes.DEAD_END,
                state.mark,
                _("L'état « {id} » est une impasse : aucune transition n'en sort.").format(
                    id=state.id
                ),
                _("ajoutez « go: » vers l'état suivant, ou faites-en une fin (kind: end)."),
            )


def no_way_to_end(script: Script, reached: set[str]) -> Iterator[Diagnostic]:
    """Reachable states from which no path leads to an end of the call."""
    predecessors: dict[str, list[str]] = {key: [] for key in script.states}
    for key, state in script.states.items():
        for target in successors(script, state):
            predecessors[target].append(key)
    enders = [key for key, state in script.states.items() if ends_here(script, state)]
    can_end = _closure(enders, predecessors.__getitem__)
    for state in script.states.values():
        if state.id in reached and state.id not in can_end and successors(script, state):
            yield diagnostic(
                codes.NO_WAY_TO_END,
                state.mark,
                _("Depuis l'état « {id} », aucun chemin ne mène à une fin d'appel.").format(
                    id=state.id
                ),
                _("l'appel y tournerait en rond : ajoutez un chemin vers un état « kind: end »."),
            )


def endless_reprompts(script: Script) -> Iterator[Diagnostic]:
    """Listening states where a caller who is never understood would loop forever."""
    for state in script.states.values():
        catch_all = any(item.any and item.when is None for item in state.on)
        if state.kind in LISTENING and state.reprompts.after_retries is None and not catch_all:
            yield diagnostic(
                codes.ENDLESS_REPROMPTS,
                state.mark,
                _("Dans l'état « {id} », les relances n'ont pas de fin.").format(id=state.id),
                _("indiquez « after_retries: » (ici ou dans « defaults: ») et « retries: »."),
            )


def branches_without_default(script: Script) -> Iterator[Diagnostic]:
    """Branch states where no case is taken when every ``when`` is false."""
    for state in script.states.values():
        if state.kind == "branch" and state.on and all(item.when for item in state.on):
            yield diagnostic(
                codes.NO_DEFAULT_BRANCH,
                state.mark,
                _("L'aiguillage « {id} » n'a pas de cas par défaut.").format(id=state.id),
                _("ajoutez en dernier un cas sans « when », avec seulement « go: »."),
            )


def shadowed(script: Script) -> Iterator[Diagnostic]:
    """Transitions that an earlier, unguarded transition of the same state always beats."""
    judge = _IntentJudge(script.intents)
    for state in script.states.values():
        for index, later in enumerate(state.on):
            earlier = [item for item in state.on[:index] if item.when is None]
            winner = next((item for item in earlier if _beats(item, later, judge)), None)
            if winner is not None:
                yield diagnostic(
                    codes.SHADOWED,
                    later.mark,
                    _(
                        "Cette transition ne peut jamais gagner : celle de la ligne {line} "
                        "la précède et répond aux mêmes phrases."
                    ).format(line=winner.mark.line),
                    _("placez-la avant, ou donnez à la première une condition « when »."),
                )


def _beats(first: Transition, later: Transition, judge: _IntentJudge) -> bool:
    if later.keys is not None or later.slot is not None:
        return (first.keys, first.slot) == (later.keys, later.slot)
    if first.any:
        return True
    if not later.intents or not first.intents:
        return False
    if set(later.intents) <= set(first.intents):
        return True
    return all(judge.always_beaten(intent, first.intents) for intent in later.intents)


class _IntentJudge:
    """Scores intents on each other's examples, each score computed once and only if asked.

    The shipped scripts ask a few dozen questions, nearly all settled by the first example,
    so scoring every example against every intent up front would be nearly all waste.
    """

    def __init__(self, intents: Mapping[str, Intent]) -> None:
        self._intents = intents
        self._examples: dict[str, tuple[str, ...]] = {}
        self._compiled: dict[str, CompiledIntent | None] = {}
        self._scores: dict[tuple[str, str], float] = {}

    def always_beaten(self, intent_id: str, rivals: Iterable[str]) -> bool:
        """Whether, on every example of ``intent_id``, a rival scores as high (a tie or more)."""
        intent = self._intents.get(intent_id)
        if intent is None or intent.patterns:  # a pattern's matches cannot be listed
            return False
        examples = self._examples_of(intent)
        if not examples:
            return False
        from repetition_3422.language.intents import TIE_MARGIN

        rivals = list(rivals)
        for text in examples:
            need = self._score(intent_id, text) - TIE_MARGIN
            if not any(self._reaches(rival, text, need) for rival in rivals):
                return False
        return True

    def _examples_of(self, intent: Intent) -> tuple[str, ...]:
        examples = self._examples.get(intent.id)
        if examples is None:
            # Imported here: intents are only scored when two of them compete in a state.
            from repetition_3422.language.intents import compile_phrases

            examples = compile_phrases((*intent.phrases, *intent.keywords))
            self._examples[intent.id] = examples
        return examples

    def _reaches(self, rival: str, text: str, need: float) -> bool:
        """Whether ``rival`` scores ``need`` or more on ``text`` (a normalised example)."""
        compiled = self._compile(rival)
        if need > 0 and (compiled is None or not compiled.could_score(text, need)):
            return False  # ruled out without fuzzy matching, the usual case
        return self._score(rival, text) >= need

    def _score(self, intent_id: str, text: str) -> float:
        """The score of ``intent_id`` for a normalised ``text`` as the matcher reports it.

        0 below the recognition threshold, and for an unknown intent or one whose patterns
        do not compile (that problem is reported on its own).
        """
        key = (intent_id, text)
        score = self._scores.get(key)
        if score is None:
            from repetition_3422.language.intents import THRESHOLD

            compiled = self._compile(intent_id)
            if compiled is None:
                score = 0.0
            elif text in compiled.phrases or text in compiled.keywords:
                score = 100.0  # its own phrasing: an exact match, which nothing beats
            else:
                score = compiled.score(text)
            score = self._scores[key] = score if score >= THRESHOLD else 0.0
        return score

    def _compile(self, intent_id: str) -> CompiledIntent | None:
        if intent_id not in self._compiled:
            from repetition_3422.language.intents import compile_intent

            intent = self._intents.get(intent_id)
            self._compiled[intent_id] = (
                compile_intent(intent) if intent is not None and _compiles(intent) else None
            )
        return self._compiled[intent_id]


def _compiles(intent: Intent) -> bool:
    """Whether every pattern of ``intent`` is a valid regular expression (else reported)."""
    try:
        for pattern in intent.patterns:
            re.compile(pattern)
    except re.error:
        return False
    return True
