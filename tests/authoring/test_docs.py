"""The YAML examples of the authoring guide and of ``docs/langage.md`` match the program.

- a block whose first line is ``# exemple complet`` is a whole script: it must load
  without error, with exactly the warnings a ``# avertissements : …`` line announces;
- a block whose first line is ``# parcours complet`` is a walkthrough file: it is played
  against the complete examples of the guide so far, and must pass;
- every other YAML block must read as YAML and have the shape the language accepts
  (a piece of a script, a state, a walkthrough file), and every JSON block must read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from repetition_3422.authoring.document import WalkthroughFileDoc
from repetition_3422.authoring.scripts import Scripts
from repetition_3422.authoring.suite import run_file
from repetition_3422.language import load_and_check
from repetition_3422.language.document import ScriptDoc, StateDoc
from repetition_3422.language.yamlnodes import load_data

DOCS = Path(__file__).parents[2] / "docs"
GUIDE = sorted((DOCS / "guide").glob("*.md"))
DOCUMENTS = [*GUIDE, DOCS / "langage.md"]
FENCE = re.compile(r"^```(yaml|json)\n(.*?)^```", re.MULTILINE | re.DOTALL)
COMPLETE = "# exemple complet"
WALKTHROUGH = "# parcours complet"
WARNINGS = re.compile(r"^# avertissements : (.*)$", re.MULTILINE)


def blocks(path: Path, language: str = "yaml") -> list[tuple[str, str]]:
    """``(where, text)`` of each fenced block of ``language`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    return [
        (f"{path.name}:{text.count(chr(10), 0, match.start()) + 1}", match.group(2))
        for match in FENCE.finditer(text)
        if match.group(1) == language
    ]


ALL_YAML = [item for path in DOCUMENTS for item in blocks(path)]
PIECES = [item for item in ALL_YAML if not item[1].startswith((COMPLETE, WALKTHROUGH))]
EXAMPLES = [item for path in GUIDE for item in blocks(path) if item[1].startswith(COMPLETE)]


def test_the_guide_has_examples_of_each_kind() -> None:
    assert len(GUIDE) >= 5
    assert len(EXAMPLES) >= 3
    assert any(text.startswith(WALKTHROUGH) for _where, text in ALL_YAML)


@pytest.mark.parametrize(("where", "text"), ALL_YAML, ids=[where for where, _t in ALL_YAML])
def test_every_yaml_block_reads(where: str, text: str) -> None:
    _root, _data, problems = load_data(text, where)
    assert problems == []


@pytest.mark.parametrize(
    ("where", "text"),
    [item for path in DOCUMENTS for item in blocks(path, "json")],
)
def test_every_json_block_reads(where: str, text: str) -> None:
    json.loads(text)


PLACEHOLDERS: dict[str, Any] = {"id": "x", "title": "x", "description": "x", "start": "x"}
SCRIPT_KEYS = {info.encode_name for info in msgspec.structs.fields(ScriptDoc)}
STATE_KEYS = {info.encode_name for info in msgspec.structs.fields(StateDoc)}


def as_document(data: dict[str, Any]) -> tuple[type[msgspec.Struct], dict[str, Any]]:
    """The document a piece belongs to, with placeholders for what it leaves out."""
    if "walkthroughs" in data or "script" in data:
        return WalkthroughFileDoc, {"script": "x", "walkthroughs": [], **data}
    if set(data) <= SCRIPT_KEYS:
        return ScriptDoc, {**PLACEHOLDERS, **data}
    if set(data) <= STATE_KEYS:
        return ScriptDoc, {**PLACEHOLDERS, "states": {"x": data}}
    return ScriptDoc, {**PLACEHOLDERS, "states": data}  # states written without « states: »


@pytest.mark.parametrize(("where", "text"), PIECES, ids=[where for where, _t in PIECES])
def test_every_piece_has_the_shape_of_the_language(where: str, text: str) -> None:
    _root, data, _problems = load_data(text, where)
    assert isinstance(data, dict), where
    kind, document = as_document(data)
    msgspec.convert(document, kind)


@pytest.mark.parametrize(("where", "text"), EXAMPLES, ids=[where for where, _t in EXAMPLES])
def test_complete_examples_are_valid_scripts(tmp_path: Path, where: str, text: str) -> None:
    _root, data, _problems = load_data(text, where)
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(text, encoding="utf-8")
    script, found = load_and_check(path)
    assert script is not None
    assert [item.code for item in found if item.is_error] == []
    announced = WARNINGS.search(text)
    expected = set(announced.group(1).split(", ")) if announced else set()
    assert {item.code for item in found} == expected


def test_walkthrough_examples_pass_on_the_guides_scripts(tmp_path: Path) -> None:
    played = 0
    scripts: dict[str, str] = {}
    for path in GUIDE:
        folder = tmp_path / path.stem
        (folder / "walkthroughs").mkdir(parents=True)
        for where, text in blocks(path):
            if text.startswith(COMPLETE):
                scripts[load_data(text, where)[1]["id"]] = text  # the latest version wins
        for script_id, text in scripts.items():
            (folder / f"{script_id}.yaml").write_text(text, encoding="utf-8")
        for number, (_where, text) in enumerate(blocks(path)):
            if not text.startswith(WALKTHROUGH):
                continue
            file = folder / "walkthroughs" / f"exemple-{number}.yaml"
            file.write_text(text, encoding="utf-8")
            run = run_file(file, Scripts())
            assert run.read.diagnostics == [] and run.playable, file
            failures = [outcome.failure for outcome in run.outcomes if not outcome.passed]
            assert failures == [], path.name
            played += len(run.outcomes)
    assert played >= 3
