"""JSON Schemas generated from the Structs, and the transcript contract."""

from __future__ import annotations

import json

import msgspec

from repetition_3422.language.schema import schema_json
from repetition_3422.language.transcript import Transcript, TranscriptOutcome, Turn


def test_the_script_schema_is_generated_and_strict() -> None:
    schema = json.loads(schema_json("script"))
    definitions = schema["$defs"]
    script = definitions["ScriptDoc"]
    assert set(script["required"]) == {"id", "title", "description", "start"}
    assert script["additionalProperties"] is False
    assert "global" in script["properties"]
    assert set(definitions["StateDoc"]["properties"]["kind"]["enum"]) == {
        "talk",
        "menu",
        "hold",
        "transfer",
        "branch",
        "end",
    }
    assert "É" in schema_json("script") or "é" in schema_json("script")  # French kept as is


def test_the_transcript_follows_the_contract_field_for_field() -> None:
    schema = json.loads(schema_json("transcript"))["$defs"]
    assert list(schema["Transcript"]["properties"]) == [
        "version",
        "scenario",
        "seed",
        "difficulty",
        "mode",
        "outcome",
        "rubric",
        "score",
        "duration_s",
        "turns",
    ]
    assert list(schema["Turn"]["properties"]) == ["speaker", "text", "state", "t"]
    assert list(schema["RubricResult"]["properties"]) == [
        "id",
        "label",
        "passed",
        "weight",
        "feedback",
    ]


def test_a_transcript_round_trips_through_json() -> None:
    transcript = Transcript(
        scenario="exemple",
        seed=7,
        difficulty="moyen",
        mode="practice",
        outcome=TranscriptOutcome(id="opposition-enregistree", label="Opposition enregistrée"),
        rubric=[],
        score=80.0,
        duration_s=12.5,
        turns=[Turn(speaker="caller", text="2 84 •• •• ••• ••• 28", state="demande-nir", t=3.0)],
    )
    encoded = msgspec.json.encode(transcript)
    assert json.loads(encoded)["version"] == 1
    assert msgspec.json.decode(encoded, type=Transcript) == transcript
