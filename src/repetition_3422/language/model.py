"""The canonical, frozen model of a dialogue script: what the engine and the tools read.

Authors write the looser *document* form (:mod:`repetition_3422.language.document`:
a string where a list is allowed, ids left out); :mod:`repetition_3422.language.compile`
turns it into this model, where every list is a tuple, every line has its stable id and
every element knows where it was written (:class:`Mark`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from msgspec import Struct, field

StateKind = Literal["talk", "menu", "hold", "transfer", "branch", "end"]
"""What a state does.

- ``talk``: the adviser speaks, then waits for the caller (the usual state).
- ``menu``: the voice server speaks, then waits for keypad digits or the same choices in words.
- ``hold``: music or beeps for ``hold.seconds``, announcements, then ``go``.
- ``transfer``: the call passes to another persona (``to``), then ``go``.
- ``branch``: nothing is said; the first transition whose ``when`` holds is taken at once.
- ``end``: the call ends with ``outcome``; ``hangup_by`` says who hung up.
"""

SlotType = Literal["code", "nir", "vitale_serial", "vitale_type", "yes_no", "date", "text"]
"""The kinds of value a caller can give; each has a validator and a normaliser."""

HangupBy = Literal["conseiller", "appelant", "reseau"]
"""Who ends the call in an ``end`` state (``reseau``: the line dropped)."""

Do = Literal["repeat", "slower", "hangup"]
"""Built-in actions of a transition: say the last lines again, again more slowly, end the call."""

HoldSound = Literal["music", "beeps", "ringing", "silence"]
"""What the caller hears on hold."""


class Frozen(Struct, frozen=True, gc=False):
    """Base of the model's classes: immutable, compared and hashed by value.

    msgspec Structs rather than dataclasses: the fourteen classes are defined in a fraction
    of a millisecond instead of about ten (every command that reads a script pays for
    them), and are built faster. The model holds no reference cycles (a tree of values),
    so the cycle collector need not track its objects (``gc=False``). Variations are made
    with ``msgspec.structs.replace``.
    """


class Mark(Frozen, frozen=True):
    """Where an element was written: file, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NO_MARK = Mark("<généré>", 0, 0)
"""Mark of elements that no author wrote (defaults)."""


class Condition(Frozen, frozen=True):
    """A boolean expression in the script's small expression language (never ``eval``)."""

    source: str
    mark: Mark = NO_MARK


class Line(Frozen, frozen=True):
    """One thing a persona says, with seeded variants and per-difficulty versions.

    Attributes:
        id: Stable id for translation and pre-recorded audio (``state.say.0`` when the
            author gave none).
        variants: Texts (templates) of which one is picked with the call's seeded random.
        levels: Per-difficulty variants replacing ``variants`` at that difficulty.
        when: Said only when this condition holds.
        variant_marks: Where the text of each of ``variants`` starts (empty when built
            without a file), so the checker points at the exact character of a problem.
    """

    id: str
    variants: tuple[str, ...]
    levels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    when: Condition | None = None
    mark: Mark = NO_MARK
    variant_marks: tuple[Mark, ...] = ()


class Assignment(Frozen, frozen=True):
    """``set: {name: expression}``: a variable takes the value of an expression."""

    variable: str
    expression: Condition
    mark: Mark = NO_MARK


class Transition(Frozen, frozen=True):
    """A way out of (or an answer within) a state, tried in the order written.

    Triggers (at least one, except in ``branch`` states and for ``any``):
        intents: the caller's words match one of these intents;
        slot: the state's slot was just filled with a valid value that matches the file;
        keys: keypad digits (menu states), with ``words`` as the same choice said aloud;
        any: any caller turn that nothing earlier took;
        when: a guard that must also hold (alone, in ``branch`` states).

    Effects, in order: ``set``, then ``say``, then ``do`` or ``go`` (no ``go``: stay).
    """

    intents: tuple[str, ...] = ()
    slot: str | None = None
    keys: str | None = None
    words: tuple[str, ...] = ()
    any: bool = False
    when: Condition | None = None
    set: tuple[Assignment, ...] = ()
    say: tuple[Line, ...] = ()
    do: Do | None = None
    go: str | None = None
    mark: Mark = NO_MARK


class Reprompts(Frozen, frozen=True):
    """What the adviser says when the caller is not understood or silent, escalating.

    The n-th no-match says ``no_match[min(n, len) - 1]``; likewise for no-input. After
    ``retries`` failures in a row in the state the call goes to ``after_retries``.
    """

    no_match: tuple[Line, ...] = ()
    no_input: tuple[Line, ...] = ()
    retries: int = 3
    after_retries: str | None = None
    timeout_s: float = 12.0
    mark: Mark = NO_MARK


class Hold(Frozen, frozen=True):
    """A wait on hold: how long, what is heard, and the position announcements."""

    seconds: float
    sound: HoldSound = "music"
    announce_every_s: float | None = None
    announce: tuple[Line, ...] = ()
    mark: Mark = NO_MARK


class State(Frozen, frozen=True):
    """One step of the call.

    ``reject`` and ``mismatch`` override the asked slot's own lines in this state;
    menu ``choices`` are compiled into ``on`` transitions with ``keys`` and ``words``.
    """

    id: str
    kind: StateKind
    speaker: str | None
    say: tuple[Line, ...] = ()
    hint: str | None = None
    suggestions: tuple[str, ...] = ()
    ask: str | None = None
    reject: Mapping[str, tuple[Line, ...]] = field(default_factory=dict)
    mismatch: tuple[Line, ...] = ()
    on: tuple[Transition, ...] = ()
    reprompts: Reprompts = field(default_factory=Reprompts)
    hold: Hold | None = None
    to: str | None = None
    go: str | None = None
    outcome: str | None = None
    hangup_by: HangupBy | None = None
    mark: Mark = NO_MARK


class Persona(Frozen, frozen=True):
    """Someone the caller hears: the voice server, an adviser, a supervisor."""

    id: str
    name: str
    voice: str | None = None
    rate: float = 1.0
    machine: bool = False
    mark: Mark = NO_MARK


class Intent(Frozen, frozen=True):
    """Something the caller means, recognised from phrasings, keywords and patterns.

    Matching happens on normalised text (lower case, no accents, no punctuation, number
    words as digits), tolerant of typos.
    """

    id: str
    phrases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    mark: Mark = NO_MARK


class Slot(Frozen, frozen=True):
    """A typed value the caller gives, its rejection lines and what it is compared with.

    Attributes:
        reject: Lines said when the value breaks a rule, by rule id (``nir.key``,
            ``code.length``, …) with ``default`` for any other rule.
        mismatch: Lines said when the value is valid but not the one on file.
        compare: Path of the identity value to compare with (``identity.nir``,
            ``represented.code``); ``None`` for no comparison.
    """

    id: str
    type: SlotType
    reject: Mapping[str, tuple[Line, ...]] = field(default_factory=dict)
    mismatch: tuple[Line, ...] = ()
    compare: str | None = None
    mark: Mark = NO_MARK


class Criterion(Frozen, frozen=True):
    """One line of the rubric: passed when ``passed_when`` holds at the end of the call."""

    id: str
    label: str
    weight: float
    passed_when: Condition
    applies_when: Condition | None = None
    description: str = ""
    good: str = ""
    next_time: str = ""
    mark: Mark = NO_MARK


class Outcome(Frozen, frozen=True):
    """How a call can end (shared ids of the transcript contract)."""

    id: str
    label: str
    mark: Mark = NO_MARK


class Script(Frozen, frozen=True):
    """A whole scenario, includes merged in, ready for the checks and the engine."""

    id: str
    title: str
    description: str
    language: str
    version: str
    duration_min: float
    start: str
    personas: Mapping[str, Persona]
    difficulties: tuple[str, ...]
    default_difficulty: str
    variables: Mapping[str, bool | int | float | str]
    intents: Mapping[str, Intent]
    slots: Mapping[str, Slot]
    states: Mapping[str, State]
    global_on: tuple[Transition, ...]
    rubric: tuple[Criterion, ...]
    outcomes: Mapping[str, Outcome]
    source: Path | None = None
    includes: tuple[str, ...] = ()
    mark: Mark = NO_MARK
    default_speaker: str | None = None
    """The adviser at the start of the call. A state with no ``speaker`` is voiced by the
    machine persona on menus and holds, else by the adviser of the moment (which a
    ``transfer`` changes), so the compiler leaves ``State.speaker`` empty when unwritten."""
