"""What walkthroughs must reach in a script (states, transitions, re-prompts, criteria).

Each target has a key, a label and the place where it is written. The states counted
are those of the script's own file and those of its fragments that a call can reach (a
fragment may offer states a script does not use). Global transitions count once for
the script, whichever state they were taken in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, get_args

from repetition_3422.authoring.trace import (
    LISTENING,
    Failure,
    criterion_key,
    global_key,
    go_key,
    reprompt_key,
    reprompt_levels,
    retries_key,
    state_key,
    transition_key,
)
from repetition_3422.i18n import _
from repetition_3422.language.graph import transition_label
from repetition_3422.language.graphchecks import reachable
from repetition_3422.language.model import Mark, Script, State, Transition

Kind = Literal["state", "transition", "reprompt", "criterion"]
"""The four things coverage counts."""

KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to reach, with its key, a readable label and where it is written."""

    key: str
    kind: Kind
    label: str
    mark: Mark


def counted_states(script: Script) -> list[State]:
    """The script's own states, and its fragments' states that a call can reach."""
    reached = reachable(script)
    return [
        state
        for state in script.states.values()
        if state.mark.file == script.mark.file or state.id in reached
    ]


def targets(script: Script) -> list[Target]:
    """Everything walkthroughs should reach in ``script``, in the order written."""
    states = counted_states(script)
    found = [Target(state_key(state.id), "state", state.id, state.mark) for state in states]
    for state in states:
        found += _transitions(state)
    found += [
        Target(global_key(index), "transition", _arrow(_("partout"), item), item.mark)
        for index, item in enumerate(script.global_on)
    ]
    for state in states:
        found += _reprompts(state)
    for criterion in script.rubric:
        for passed in (True, False):
            label = _("{id} réussi") if passed else _("{id} manqué")
            found.append(
                Target(
                    criterion_key(criterion.id, passed),
                    "criterion",
                    label.format(id=criterion.id),
                    criterion.mark,
                )
            )
    return found


def _arrow(source: str, item: Transition) -> str:
    target = item.go or (_("raccroche") if item.do == "hangup" else "↺")
    label = transition_label(item)
    return f"{source} → {target}" + (f" ({label})" if label else "")


def _transitions(state: State) -> Iterator[Target]:
    for index, item in enumerate(state.on):
        yield Target(
            transition_key(state.id, index), "transition", _arrow(state.id, item), item.mark
        )
    if state.kind in ("hold", "transfer") and state.go is not None:
        label = _("{state} → {go} (fin de l'attente)").format(state=state.id, go=state.go)
        yield Target(go_key(state.id), "transition", label, state.mark)
    reprompts = state.reprompts
    if state.kind in LISTENING and reprompts.after_retries is not None:
        label = _("{state} → {go} (après {n} échecs)").format(
            state=state.id, go=reprompts.after_retries, n=reprompts.retries
        )
        yield Target(retries_key(state.id), "transition", label, reprompts.mark)


def _reprompts(state: State) -> Iterator[Target]:
    if state.kind not in LISTENING:
        return
    kinds: tuple[Failure, ...] = ("no_match", "no_input")
    for kind in kinds:
        for level, line in enumerate(reprompt_levels(state.reprompts, kind), start=1):
            mark = state.mark if line is None else line.mark
            label = f"{state.id} {kind} {level}"
            yield Target(reprompt_key(kind, state.id, level), "reprompt", label, mark)


@dataclass
class Coverage:
    """The targets of one script and the keys its walkthroughs reached."""

    script: Script
    targets: list[Target]
    reached: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, script: Script, reached: Iterable[str] = ()) -> Coverage:
        """The coverage of ``script`` by what was ``reached``."""
        return cls(script, targets(script), set(reached))

    def missed(self, kind: Kind) -> list[Target]:
        """The targets of ``kind`` nothing reached, in the order written."""
        return [item for item in self.targets if item.kind == kind and item.key not in self.reached]

    def counts(self, kind: Kind | None = None) -> tuple[int, int]:
        """``(reached, total)`` for ``kind`` (all kinds when ``None``)."""
        chosen = [item for item in self.targets if kind is None or item.kind == kind]
        return sum(item.key in self.reached for item in chosen), len(chosen)

    def percent(self, kind: Kind | None = None) -> float:
        """The share reached, 0–100 (100 when there is nothing to reach)."""
        done, total = self.counts(kind)
        return 100.0 if total == 0 else 100.0 * done / total
