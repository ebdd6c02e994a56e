"""``validate``, ``graph`` and ``schema``: output, exit codes, and a start without Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repetition_3422.cli.graph import graph
from repetition_3422.cli.schema import schema
from repetition_3422.cli.validate import validate
from repetition_3422.language.catalog import SCENARIOS_DIR, fragment_path, scenario_path

BROKEN = Path(__file__).parent.parent / "data" / "broken"
EXAMPLE = str(scenario_path("exemple"))


def run(command: object, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args))  # type: ignore[arg-type]
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", [EXAMPLE, str(fragment_path("common"))])
def test_shipped_scripts_are_clean_even_strictly(path: str) -> None:
    code, out, _err = run(validate, "--strict", path)
    assert code == 0, out
    assert out.splitlines()[-2:] == ["Aucun problème.", "1 fichier vérifié."]


def test_an_error_is_shown_with_its_place_line_caret_and_hint() -> None:
    code, out, _err = run(validate, str(BROKEN / "R301-etat-inconnu.yaml"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].endswith(
        "R301-etat-inconnu.yaml:15:10: erreur [R301]: L'état « fni » n'existe pas."
    )
    assert lines[1] == " 15 |     on: [{intent: oui, go: fni}]"
    assert lines[2] == "    |          ^"
    assert lines[3] == "  conseil : vouliez-vous dire « fin » ?"
    assert lines[-2:] == ["1 erreur, 0 avertissement.", "1 fichier vérifié."]


def test_warnings_fail_only_with_strict() -> None:
    path = str(BROKEN / "G401-etat-inaccessible.yaml")
    assert run(validate, path)[0] == 0
    assert run(validate, "--strict", path)[0] == 1


def test_json_output_lists_every_diagnostic() -> None:
    code, out, _err = run(validate, "--format", "json", str(BROKEN / "S201-cle-inconnue.yaml"))
    assert code == 1
    payload = json.loads(out)
    assert payload["errors"] == 1
    (item,) = payload["diagnostics"]
    assert (item["code"], item["name"], item["line"], item["column"]) == (
        "S201",
        "cle-inconnue",
        14,
        5,
    )
    assert item["hint"] == "vouliez-vous dire « say » ?"


def test_folders_are_searched_and_walkthroughs_skipped(tmp_path: Path) -> None:
    (tmp_path / "walkthroughs").mkdir()
    (tmp_path / "walkthroughs" / "parcours.yaml").write_text("steps: []\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(Path(EXAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _err = run(validate, str(tmp_path))
    assert code == 0, out
    assert out.splitlines()[-1] == "1 fichier vérifié."


def test_the_shipped_scenarios_folder_validates() -> None:
    code, out, _err = run(validate, str(SCENARIOS_DIR))
    assert code in (0, 1)  # other scenarios may be in progress; none is unreadable
    assert "fichiers vérifiés." in out


@pytest.mark.parametrize("make", ["missing", "empty-folder"])
def test_unreadable_input_exits_with_two(tmp_path: Path, make: str) -> None:
    target = tmp_path / "absent.yaml"
    if make == "empty-folder":
        target = tmp_path / "vide"
        target.mkdir()
    code, _out, err = run(validate, str(target))
    assert code == 2
    assert err.startswith("Erreur : ")


def test_an_unreadable_file_wins_over_problems(tmp_path: Path) -> None:
    code, _out, _err = run(
        validate, str(BROKEN / "R301-etat-inconnu.yaml"), str(tmp_path / "x.yaml")
    )
    assert code == 2


def test_graph_prints_mermaid_or_dot() -> None:
    code, out, _err = run(graph, "exemple")
    assert code == 0 and out.startswith("flowchart TD")
    code, out, _err = run(graph, "exemple", "--format", "dot")
    assert code == 0 and out.startswith("digraph")


def test_graph_of_an_invalid_script_exits_with_one() -> None:
    code, out, err = run(graph, str(BROKEN / "R301-etat-inconnu.yaml"))
    assert code == 1
    assert out == ""
    assert "[R301]" in err


def test_schema_prints_json_schemas() -> None:
    code, out, _err = run(schema)
    assert code == 0 and "ScriptDoc" in json.loads(out)["$defs"]
    code, out, _err = run(schema, "--of", "transcript")
    assert code == 0 and "Turn" in json.loads(out)["$defs"]


def test_validate_starts_without_textual_or_rapidfuzz() -> None:
    probe = (
        "import sys\n"
        "from repetition_3422.cli import main\n"
        "try:\n"
        f"    main(['validate', {str(fragment_path('common'))!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    loaded = completed.stdout.splitlines()[-1]
    assert "'textual'" not in loaded
    assert "'rapidfuzz'" not in loaded
