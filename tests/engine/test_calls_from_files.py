"""Whole calls of the shipped ``opposition`` scenario, played from ``tests/data/calls``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from repetition_3422.domain.code import format_code
from repetition_3422.domain.nir import format_nir
from repetition_3422.domain.vitale import format_serial

from .calls import CALLS_DIR, numbers, play, read_call

CALL_FILES = sorted(CALLS_DIR.glob("*.txt"))


def test_there_are_call_files() -> None:
    assert len(CALL_FILES) >= 8


@pytest.mark.parametrize("path", CALL_FILES, ids=lambda path: path.stem)
def test_call_outcome_and_rubric(path: Path) -> None:
    call_file = read_call(path)
    call, _events = play(call_file)
    result = call.result()
    assert call.ended
    assert result.outcome == call_file.settings["outcome"]
    assert {item.id for item in result.passed} == call_file.expected("passed")
    assert {item.id for item in result.missed} == call_file.expected("failed")
    assert result.score == int(call_file.settings["score"])


@pytest.mark.parametrize("path", CALL_FILES, ids=lambda path: path.stem)
def test_transcript_never_shows_a_number(path: Path) -> None:
    call_file = read_call(path)
    call, _events = play(call_file)
    identity = call_file.identity
    assert identity.fictional and identity.nir[10:13] == "000"
    dumped = json.dumps(call.transcript(), ensure_ascii=False)
    shown = [identity.code, format_code(identity.code), identity.nir, format_nir(identity.nir),
             identity.vitale_serial, format_serial(identity.vitale_serial)]  # fmt: skip
    shown += [
        value for key, value in numbers(identity).items() if key.startswith(("nir_", "code_"))
    ]
    for value in shown:
        if any(char.isdigit() for char in value):
            assert value.lower() not in dumped.lower(), value
    # No run of 6 digits or more survives, however it was spaced.
    assert not re.search(r"\d(?:[ .\-]?\d){5,}", dumped)


@pytest.mark.parametrize("name", ["casual-ok.txt", "difficile-firm.txt"])
def test_same_file_same_call(name: str) -> None:
    first, events = play(read_call(CALLS_DIR / name))
    second, again = play(read_call(CALLS_DIR / name))
    assert events == again
    assert first.transcript() == second.transcript()


def test_difficile_adviser_dissuades_twice_then_records() -> None:
    call, _events = play(read_call(CALLS_DIR / "difficile-firm.txt"))
    assert call.record.variables["insistance"] == 2
    assert call.record.visited["attente-longue"] == 1
    assert call.record.heard["justificatif"] == 2  # the first request was brushed off


def test_keypad_and_words_reach_the_same_adviser() -> None:
    by_key, _ = play(read_call(CALLS_DIR / "casual-ok.txt"))
    by_words, _ = play(read_call(CALLS_DIR / "words-menu.txt"))
    assert by_key.record.visited["accueil"] == by_words.record.visited["accueil"] == 1


def test_wrong_numbers_are_refused_with_their_rule() -> None:
    from repetition_3422.engine.events import SlotRejected

    _call, events = play(read_call(CALLS_DIR / "wrong-numbers.txt"))
    rules = [(event.slot, event.rule) for event in events if isinstance(event, SlotRejected)]
    assert rules == [
        ("code", "code.length"),
        ("code", "mismatch"),
        ("nir", "nir.key"),
        ("nir", "nir.length"),
        ("nir", "mismatch"),
        ("vitale_serial", "serial.full-line"),
    ]
