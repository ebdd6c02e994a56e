"""How a call went: its outcome, each rubric criterion, the score, the duration."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """One rubric criterion that applied to the call.

    Attributes:
        feedback: The criterion's ``good`` text when passed, its ``next`` text otherwise.
    """

    id: str
    label: str
    passed: bool
    weight: float
    feedback: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class CallResult:
    """The debrief of a call.

    Attributes:
        outcome: The outcome id (``""`` while the call goes on).
        outcome_label: Its label, in French.
        rubric: The criteria that applied, in the script's order.
        score: Weighted share of passed criteria among those that applied, 0–100
            (0 when none applied).
        duration_s: Simulated duration of the call, holds included.
        turns: How many times the caller spoke, kept silent or pressed keys.
    """

    scenario: str
    outcome: str
    outcome_label: str
    rubric: tuple[CriterionResult, ...]
    score: int
    duration_s: float
    turns: int

    @property
    def passed(self) -> tuple[CriterionResult, ...]:
        """The criteria met."""
        return tuple(criterion for criterion in self.rubric if criterion.passed)

    @property
    def missed(self) -> tuple[CriterionResult, ...]:
        """The criteria to work on next time."""
        return tuple(criterion for criterion in self.rubric if not criterion.passed)
