"""JSON Schemas of the files the program reads and writes, generated from their Structs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal

SchemaOf = Literal["script", "transcript"]


def _script() -> dict[str, object]:
    from repetition_3422.language.document import script_schema

    return script_schema()


def _transcript() -> dict[str, object]:
    from repetition_3422.language.transcript import transcript_schema

    return transcript_schema()


SCHEMAS: dict[str, Callable[[], dict[str, object]]] = {
    "script": _script,
    "transcript": _transcript,
}
"""Each schema by the name ``repetition-3422 schema --of`` takes."""


def schema_json(of: SchemaOf = "script") -> str:
    """The JSON Schema of ``of``, indented, non-ASCII kept (descriptions are French)."""
    return json.dumps(SCHEMAS[of](), ensure_ascii=False, indent=2)
