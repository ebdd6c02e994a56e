"""The façade: load() raises with every problem, load_and_check() returns them; includes."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.errors import FileReadError, ScriptError
from repetition_3422.language import check, load, load_and_check

from .conftest import MINIMAL, Load, Write, codes


def test_a_valid_script_loads_without_any_problem(load: Load) -> None:
    script, found = load(MINIMAL)
    assert found == []
    assert script is not None and script.start == "accueil"


def test_load_raises_a_script_error_carrying_every_problem(write: Write) -> None:
    path = write(MINIMAL.replace("go: fin", "go: fni").replace("outcome: ok", "outcome: ko"))
    with pytest.raises(ScriptError) as caught:
        load(path)
    found = caught.value.diagnostics  # type: ignore[attr-defined]
    assert codes(found) == ["R301", "R310"]
    assert "2 erreurs" in str(caught.value)
    assert caught.value.exit_code == 1


def test_warnings_do_not_stop_a_script_from_loading(write: Write) -> None:
    path = write(MINIMAL.replace("defaults: {after_retries: fin}\n", ""))
    assert load(path).id == "essai"
    assert codes(load_and_check(path)[1]) == ["G404"]


def test_all_the_shape_problems_of_a_file_come_at_once(load: Load) -> None:
    text = MINIMAL + "  a: {sya: x}\n  b: {kind: parler}\n  c: {say: [1]}\n"
    script, found = load(text)
    assert script is None
    assert codes(found) == ["S201", "S204", "S202"]


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="n'existe pas"):
        load_and_check(tmp_path / "absent.yaml")
    with pytest.raises(FileReadError, match="dossier"):
        load_and_check(tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_and_check(path)[1] == []


def test_an_include_loop_between_two_files_is_reported(load: Load, write: Write) -> None:
    write("includes: [./b.yaml]\n", "a.yaml")
    write("includes: [./a.yaml]\n", "b.yaml")
    _script, found = load(MINIMAL.replace("start: accueil", "start: accueil\nincludes: [./a.yaml]"))
    assert codes(found) == ["S206"]
    assert found[0].mark.file.endswith("b.yaml")
    assert "a.yaml → b.yaml → a.yaml" in found[0].message


def test_a_missing_relative_include_is_reported_at_its_line(load: Load) -> None:
    _script, found = load(
        MINIMAL.replace("start: accueil", "start: accueil\nincludes: ./absent.yaml")
    )
    assert [(item.code, item.mark.line) for item in found] == [("S205", 5)]


def test_problems_in_an_included_file_point_into_that_file(load: Load, write: Write) -> None:
    path = write("intents: {oui: {phrase: [oui]}}\n", "commun.yaml")
    _script, found = load(
        MINIMAL.replace("start: accueil", "start: accueil\nincludes: [./commun.yaml]")
    )
    assert [(item.code, item.mark.file, item.mark.line) for item in found] == [
        ("S201", str(path), 1)
    ]


def test_check_of_a_model_built_in_code() -> None:
    from repetition_3422.language.model import Script, State

    script = Script(
        id="x",
        title="x",
        description="",
        language="fr",
        version="1",
        duration_min=0,
        start="a",
        personas={},
        difficulties=("moyen",),
        default_difficulty="moyen",
        variables={},
        intents={},
        slots={},
        global_on=(),
        rubric=(),
        outcomes={},
        states={"a": State(id="a", kind="hold", speaker=None, go="b")},
    )
    assert sorted(codes(check(script))) == ["G402", "K604", "R301"]
