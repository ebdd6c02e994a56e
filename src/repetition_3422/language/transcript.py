"""The transcript of a call (``--transcript FILE.json``): the contract's fields, as Structs.

The engine builds a :class:`Transcript` at the end of a call and writes it with
``msgspec.json.encode``; ``repetition-3422 schema --of transcript`` prints its JSON Schema.
Field names follow the contract in DESIGN.md exactly; new fields may only be added.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

Speaker = Literal["adviser", "caller", "system"]
"""Who a turn is from: the adviser (any persona), the caller, or the system (hold, transfer)."""


class TranscriptOutcome(Struct, frozen=True, kw_only=True):
    """Comment l'appel a fini."""

    id: Annotated[str, Meta(description="Identifiant d'issue (opposition-enregistree…).")]
    label: Annotated[str, Meta(description="Libellé en français.")]


class RubricResult(Struct, frozen=True, kw_only=True):
    """Un critère de la grille, réussi ou non."""

    id: str
    label: str
    passed: bool
    weight: float
    feedback: Annotated[
        str, Meta(description="Ce qui a bien marché, ou quoi faire la fois suivante.")
    ]


class Turn(Struct, frozen=True, kw_only=True):
    """Un tour de parole ; les numéros (NIR, code, série) y sont toujours masqués."""

    speaker: Speaker
    text: Annotated[str, Meta(description="Texte dit, numéros masqués (2 84 •• •• ••• ••• 28).")]
    state: Annotated[str, Meta(description="État du script à ce moment.")]
    t: Annotated[float, Meta(ge=0, description="Secondes depuis le début de l'appel.")]


class Transcript(Struct, frozen=True, kw_only=True):
    """La transcription d'un appel de répétition."""

    version: Literal[1] = 1
    scenario: Annotated[str, Meta(description="Identifiant du scénario.")]
    seed: Annotated[int, Meta(description="Graine du tirage : même graine, même appel.")]
    difficulty: str
    mode: Literal["practice", "real"]
    outcome: TranscriptOutcome
    rubric: list[RubricResult]
    score: Annotated[float, Meta(ge=0, le=100, description="Score sur 100.")]
    duration_s: Annotated[float, Meta(ge=0)]
    turns: list[Turn]


def transcript_schema() -> dict[str, object]:
    """JSON Schema of a transcript file."""
    schema: dict[str, object] = msgspec.json.schema(Transcript)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Transcription repetition-3422"
    return schema
