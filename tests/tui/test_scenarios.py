"""Scenarios listed from their summaries and read in full only when a call needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.errors import ScriptError
from repetition_3422.language.model import Script
from repetition_3422.language.summaries import summary_of
from repetition_3422.tui.launch import read_shipped, shipped_scenarios
from repetition_3422.tui.scenarios import Scenarios

from .conftest import SIZE, SMALL_SCRIPT, AppMaker


class CountingReader:
    """Reads scripts with the shipped reader and counts how many times it was asked."""

    def __init__(self) -> None:
        self.read: list[Path] = []

    def __call__(self, path: Path) -> Script:
        self.read.append(path)
        return read_shipped(path)


def test_listing_reads_no_script_and_a_script_is_read_once() -> None:
    reader = CountingReader()
    scenarios = Scenarios(summaries=shipped_scenarios().summaries(), read=reader)
    assert list(scenarios) == ["exemple", "opposition"]
    assert "opposition" in scenarios and "inconnu" not in scenarios
    assert scenarios.summary("opposition").title == "Refuser la création de Mon espace santé"
    assert reader.read == []
    first = scenarios["opposition"]
    assert scenarios["opposition"] is first
    assert [path.stem for path in reader.read] == ["opposition"]
    with pytest.raises(KeyError):
        scenarios["inconnu"]


def test_a_script_given_whole_is_kept_first_and_replaces_its_summary(script: Script) -> None:
    scenarios = Scenarios([script], summaries=shipped_scenarios().summaries())
    assert list(scenarios) == [script.id, "exemple", "opposition"]
    assert scenarios[script.id] is script
    assert scenarios.summary(script.id) == summary_of(script)
    del scenarios["exemple"]
    assert "exemple" not in scenarios and len(scenarios) == 2


def test_a_broken_shipped_file_fails_when_read(tmp_path: Path) -> None:
    broken = tmp_path / "casse.yaml"
    broken.write_text(SMALL_SCRIPT.read_text(encoding="utf-8") + "\nstates: 3\n", "utf-8")
    with pytest.raises(ScriptError):
        read_shipped(broken)


async def test_the_home_screen_opens_without_reading_a_script(
    make: AppMaker, script: Script
) -> None:
    reader = CountingReader()
    lazy = Scenarios(summaries=[summary_of(script)], read=reader)
    app = make(scripts=lazy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reader.read == []
        await pilot.press("a")  # « appeler »: now the script is read
        await pilot.pause()
        assert reader.read == [SMALL_SCRIPT]
