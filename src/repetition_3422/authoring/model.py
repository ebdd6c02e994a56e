"""The walkthrough model: caller actions, expectations and walkthroughs, each with its mark."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from repetition_3422.domain.identity import Identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language.expressions import Value
from repetition_3422.language.model import NO_MARK, Mark


@dataclass(frozen=True, slots=True)
class Say:
    """The caller says ``text``: a template whose ``{identity.…}`` fields give the numbers."""

    text: str


@dataclass(frozen=True, slots=True)
class Press:
    """The caller presses keypad keys."""

    keys: str


@dataclass(frozen=True, slots=True)
class Silence:
    """The caller stays silent ``count`` times in a row (each a no-input)."""

    count: int = 1


@dataclass(frozen=True, slots=True)
class Wait:
    """Simulated time passes: ``seconds``, or the rest of the hold when ``None``."""

    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class HangUp:
    """The caller hangs up."""


Action = Say | Press | Silence | Wait | HangUp
"""Everything a caller can do in a step."""


@dataclass(frozen=True, slots=True)
class Expectation:
    """What must hold after a step (or, at the end, of the whole call).

    Every field is optional; texts (``says``…) are looked for in what was said since the
    previous step, or during the whole call for a walkthrough's final expectation.

    Attributes:
        says: Texts that must be heard (case and spacing ignored).
        says_not: Texts that must not be heard.
        matches: Regular expressions that must be found in what was heard.
        lines: Ids of lines that must have been said.
        state: The state the call must be in.
        visited: States entered at least once so far.
        not_visited: States never entered so far.
        given: Slots filled with a valid value that matches the file.
        rejected: The rule of a refused value (``nir.key``, ``mismatch``).
        heard: Intents recognised at least once so far.
        variables: Values the script's variables must have.
        events: Kinds of events that must have happened (:data:`document.EventName`).
        ended: Whether the call must be over.
        outcome: The outcome the call must have ended with.
        rubric: Criterion id → whether it must be passed (it must apply).
        score: The exact score.
        min_score: The lowest acceptable score.
    """

    says: tuple[str, ...] = ()
    says_not: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    state: str | None = None
    visited: tuple[str, ...] = ()
    not_visited: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    rejected: str | None = None
    heard: tuple[str, ...] = ()
    variables: Mapping[str, Value] = field(default_factory=dict)
    events: tuple[str, ...] = ()
    ended: bool | None = None
    outcome: str | None = None
    rubric: Mapping[str, bool] = field(default_factory=dict)
    score: int | None = None
    min_score: int | None = None
    mark: Mark = NO_MARK


@dataclass(frozen=True, slots=True)
class Step:
    """One step: an action (``None``: only check) and what must hold afterwards."""

    action: Action | None
    expect: Expectation | None = None
    mark: Mark = NO_MARK
    source: str = ""
    """The step as written (« say: … »), shown when it fails: templates, never numbers."""


@dataclass(frozen=True, slots=True)
class Walkthrough:
    """A call played step by step, and what must happen.

    Attributes:
        identity_note: How the identity was given (« fiche tirée avec la graine 7 »).
    """

    name: str
    script: Path
    identity: Identity
    settings: CallSettings
    steps: tuple[Step, ...]
    expect: Expectation | None = None
    mark: Mark = NO_MARK
    identity_note: str = ""


@dataclass(frozen=True, slots=True)
class WalkthroughFile:
    """A walkthrough file: the script it tests and its walkthroughs."""

    path: Path
    script: Path
    walkthroughs: tuple[Walkthrough, ...]
