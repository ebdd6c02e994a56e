"""The transcript of a call, per the transcript contract, every number masked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from repetition_3422.domain.masking import mask_text
from repetition_3422.engine.result import CallResult
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language.transcript import (
    RubricResult,
    Speaker,
    Transcript,
    TranscriptOutcome,
    Turn,
)

TRANSCRIPT_VERSION: Literal[1] = 1
"""Version of the transcript contract written."""


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One turn as it happened; ``text`` is unmasked and never leaves the engine as is."""

    speaker: Speaker
    text: str
    state: str
    t: float


def build_transcript(
    result: CallResult,
    settings: CallSettings,
    turns: list[TurnRecord],
    secrets: tuple[str, ...],
) -> dict[str, Any]:
    """The transcript as a JSON-ready dictionary.

    Args:
        result: The call's result (outcome, rubric, score, duration).
        settings: The call's seed, difficulty and mode.
        turns: Every turn, unmasked.
        secrets: The identity's numbers, masked wherever they appear, in any spacing;
            any other NIR-, serial- or code-like text is masked too.
    """

    def masked(text: str) -> str:
        return mask_text(text, secrets)

    transcript = Transcript(
        version=TRANSCRIPT_VERSION,
        scenario=result.scenario,
        seed=settings.seed,
        difficulty=settings.difficulty,
        mode=settings.mode,
        outcome=TranscriptOutcome(id=result.outcome, label=result.outcome_label),
        rubric=[
            RubricResult(
                id=criterion.id,
                label=criterion.label,
                passed=criterion.passed,
                weight=criterion.weight,
                feedback=masked(criterion.feedback),
            )
            for criterion in result.rubric
        ],
        score=result.score,
        duration_s=round(result.duration_s, 1),
        turns=[
            Turn(speaker=turn.speaker, text=masked(turn.text), state=turn.state, t=turn.t)
            for turn in turns
        ],
    )
    built: dict[str, Any] = msgspec.to_builtins(transcript)
    return built
