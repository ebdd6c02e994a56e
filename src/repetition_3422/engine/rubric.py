"""The rubric, evaluated once the call is over: which criteria applied, which were met."""

from __future__ import annotations

from repetition_3422.engine.lines import Voice
from repetition_3422.engine.result import CriterionResult
from repetition_3422.language.model import Criterion


def evaluate_rubric(
    criteria: tuple[Criterion, ...], voice: Voice
) -> tuple[tuple[CriterionResult, ...], int]:
    """Evaluate each criterion that applies; return the results and the score (0–100).

    A criterion whose ``applies`` condition does not hold is left out of both the results
    and the score: a person is not told they missed what the call never asked of them.
    The score is the weighted share of passed criteria (0 when none applied).
    """
    results: list[CriterionResult] = []
    for criterion in criteria:
        if criterion.applies_when is not None and not voice.holds(criterion.applies_when):
            continue
        passed = voice.holds(criterion.passed_when)
        feedback = criterion.good if passed else criterion.next_time
        results.append(
            CriterionResult(
                id=criterion.id,
                label=criterion.label,
                passed=passed,
                weight=criterion.weight,
                feedback=voice.render(feedback) if feedback else "",
                description=criterion.description,
            )
        )
    total = sum(result.weight for result in results)
    gained = sum(result.weight for result in results if result.passed)
    score = round(100 * gained / total) if total > 0 else 0
    return tuple(results), score
