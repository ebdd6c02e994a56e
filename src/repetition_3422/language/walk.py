"""Every transition, line and condition of a script, each with where it sits, for the checks."""

from __future__ import annotations

from collections.abc import Iterator

from msgspec import Struct

from repetition_3422.language.model import Condition, Line, Mark, Script, State, Transition


class Place(Struct, frozen=True):
    """A transition and the state it belongs to (None for ``global``)."""

    state: State | None
    transition: Transition


def transitions(script: Script) -> Iterator[Place]:
    """The transitions of every state, then the global ones."""
    for state in script.states.values():
        for item in state.on:
            yield Place(state, item)
    for item in script.global_on:
        yield Place(None, item)


_last: list[tuple[Script, tuple[Line, ...]]] = []
"""The lines of the script checked last: several checks read them in a row."""


def lines(script: Script) -> tuple[Line, ...]:
    """Every line once (lines from ``defaults`` are shared by many states)."""
    if _last and _last[0][0] is script:
        return _last[0][1]
    unique = tuple({id(line): line for line in _all_lines(script)}.values())
    # Holding the script keeps its id from being reused by another one.
    _last[:] = [(script, unique)]
    return unique


def _all_lines(script: Script) -> Iterator[Line]:
    for state in script.states.values():
        yield from state.say
        yield from state.mismatch
        for group in state.reject.values():
            yield from group
        yield from state.reprompts.no_match
        yield from state.reprompts.no_input
        if state.hold is not None:
            yield from state.hold.announce
    for place in transitions(script):
        yield from place.transition.say
    for slot in script.slots.values():
        yield from slot.mismatch
        for group in slot.reject.values():
            yield from group


def conditions(script: Script) -> Iterator[Condition]:
    """Every condition and ``set`` expression (shared default lines counted once)."""
    for place in transitions(script):
        if place.transition.when is not None:
            yield place.transition.when
        for assignment in place.transition.set:
            yield assignment.expression
    for line in lines(script):
        if line.when is not None:
            yield line.when
    for criterion in script.rubric:
        yield criterion.passed_when
        if criterion.applies_when is not None:
            yield criterion.applies_when


def targets(state: State) -> Iterator[tuple[str, Mark]]:
    """The states ``state`` names as next: ``go``, its transitions', ``after_retries``."""
    if state.go is not None:
        yield state.go, state.mark
    for item in state.on:
        if item.go is not None:
            yield item.go, item.mark
    # ``defaults`` give every state an ``after_retries``; only listening states use it.
    if state.kind in ("talk", "menu") and state.reprompts.after_retries is not None:
        yield state.reprompts.after_retries, state.reprompts.mark


def shift(mark: Mark, text: str, offset: int) -> Mark:
    """The mark of character ``offset`` of ``text``, which starts at ``mark``."""
    before = text[:offset]
    newlines = before.count("\n")
    if not newlines:
        return Mark(mark.file, mark.line, mark.column + offset)
    return Mark(mark.file, mark.line + newlines, mark.column + offset - before.rfind("\n") - 1)
