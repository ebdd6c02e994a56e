"""The quick summaries the home screen lists: the same header the full loader gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path, shipped_ids
from repetition_3422.language.summaries import ScenarioSummary, summaries, summary, summary_of


@pytest.mark.parametrize("scenario", shipped_ids())
def test_a_summary_is_the_header_of_the_loaded_script(scenario: str) -> None:
    path = scenario_path(scenario)
    assert summary(path) == summary_of(load(path))


def test_every_shipped_scenario_is_summarised_in_order() -> None:
    assert [item.id for item in summaries()] == shipped_ids()


def test_defaults_and_words_are_typed_as_the_loader_types_them(tmp_path: Path) -> None:
    path = tmp_path / "court.yaml"
    # « Non » is a word here, not YAML 1.1's false; no levels: the loader's three.
    path.write_text("id: court\ntitle: Non\ndescription: oui\nstart: a\n", encoding="utf-8")
    assert summary(path) == ScenarioSummary(
        "court", "Non", "oui", 0.0, ("facile", "moyen", "difficile"), "moyen", path
    )


@pytest.mark.parametrize(
    "text",
    [
        "id: x\ntitle: [oops\n",  # not YAML
        "- a list\n",  # not a table
        "id: x\ndescription: pas de titre\n",  # no title
        "id: x\ntitle: t\ndescription: d\nduration: long\n",  # not a number
        "id: x\ntitle: t\ndescription: d\ndifficulties: [1, 2]\n",  # levels are ids
    ],
)
def test_a_header_that_cannot_be_read_is_left_out(tmp_path: Path, text: str) -> None:
    path = tmp_path / "cassé.yaml"
    path.write_text(text, encoding="utf-8")
    assert summary(path) is None
    assert summaries([path]) == []


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "change.yaml"
    path.write_text("id: change\ntitle: Avant\ndescription: d\n", encoding="utf-8")
    assert (before := summary(path)) is not None and before.title == "Avant"
    path.write_text("id: change\ntitle: Après, plus long\ndescription: d\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert (after := summary(path)) is not None and after.title == "Après, plus long"
