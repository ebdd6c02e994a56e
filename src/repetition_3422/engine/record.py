"""What has happened so far in a call: the counters that conditions and the rubric read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from repetition_3422.language.expressions import Value


@dataclass
class CallRecord:
    """The call's memory, changed by the engine only.

    Attributes:
        variables: The script's declared variables, with their current values.
        heard: Caller turns that matched each intent.
        visited: Times each state was entered.
        given: Slots filled with a valid value that matches the file.
        tries: Values offered for each slot, valid or not.
        slots: The last valid value given for each slot (normalised).
        silences: Caller turns with nothing said.
        no_matches: Caller turns nobody understood.
        extra_data: Personal data given unasked.
        polite: The caller greeted, thanked or said goodbye at least once.
        outcome: The outcome id once the call has ended.
        elapsed: Simulated seconds since the call started.
        caller_turns: Times the caller spoke, kept silent or pressed keys.
    """

    started_at: datetime
    variables: dict[str, Value]
    heard: Counter[str] = field(default_factory=Counter)
    visited: Counter[str] = field(default_factory=Counter)
    given: set[str] = field(default_factory=set)
    tries: Counter[str] = field(default_factory=Counter)
    slots: dict[str, str] = field(default_factory=dict)
    silences: int = 0
    no_matches: int = 0
    extra_data: int = 0
    polite: bool = False
    outcome: str = ""
    elapsed: float = 0.0
    caller_turns: int = 0

    @property
    def now(self) -> datetime:
        """The simulated clock: when the call was placed, plus the simulated time spent."""
        return self.started_at + timedelta(seconds=self.elapsed)


@dataclass
class Visit:
    """Counters of the current stay in a state (re-prompts taper within one visit)."""

    no_match: int = 0
    no_input: int = 0
    failures: int = 0
