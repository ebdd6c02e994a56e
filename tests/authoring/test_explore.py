"""``repetition-3422 explore``: seeded random calls find what is broken, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repetition_3422.authoring.explore import explore
from repetition_3422.authoring.trace import TracedCall
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path

from .helpers import EXPLORE_DATA, run, write

PROBLEM = re.compile(r"^✗ (?P<kind>[^—]+) — état « (?P<state>[^»]+) », graine (?P<seed>\d+) ")


def explore_cli(
    script: Path | str, out: Path, *extra: str
) -> tuple[int, str, list[dict[str, str]]]:
    code, stdout, stderr = run("explore", str(script), "--out", str(out), *extra)
    assert "Traceback" not in stdout + stderr
    found = [match.groupdict() for line in stdout.splitlines() if (match := PROBLEM.match(line))]
    return code, stdout, found


@pytest.mark.parametrize(
    ("name", "kind", "state"),
    [
        ("aiguillage", "erreur du scénario", "verification"),
        ("piege", "bloqué", "piege"),
        ("ping-pong", "sans fin", None),
    ],
)
def test_a_broken_script_is_caught_with_its_seed_and_a_replay_that_fails(
    tmp_path: Path, name: str, kind: str, state: str | None
) -> None:
    script = EXPLORE_DATA / f"{name}.yaml"
    assert run("validate", str(script))[0] == 0  # the checker alone does not see it
    code, out, found = explore_cli(script, tmp_path, "--walks", "60", "--seed", "1")
    assert code == 1, out
    (problem,) = found
    assert problem["kind"] == kind
    if state is not None:
        assert problem["state"] == state
    replay = next(tmp_path.glob(f"{name}-*-{problem['seed']}.yaml"))
    assert f"à rejouer : repetition-3422 test {replay}" in out or replay.name in out
    test_code, test_out, _err = run("test", str(replay))
    assert test_code == 1
    assert "  ✗ Exploration, graine" in test_out
    # The seed alone replays the walk that found it.
    again, _out, found_again = explore_cli(
        script, tmp_path / "encore", "--walks", "1", "--seed", problem["seed"]
    )
    assert again == 1
    assert found_again == [problem]


def test_the_shipped_scenarios_hold_up_to_random_callers(tmp_path: Path) -> None:
    for scenario in ("opposition", "exemple"):
        code, out, found = explore_cli(scenario, tmp_path, "--walks", "150", "--seed", "7")
        assert (code, found) == (0, []), out
        assert out.splitlines()[-1] == "Aucun problème trouvé."
    assert not any(tmp_path.iterdir())  # nothing to replay, nothing written


@pytest.mark.slow
def test_a_thousand_walks_of_opposition_find_nothing_and_reach_every_state() -> None:
    script = load(scenario_path("opposition"))
    result = explore(script, 1000, 1)
    assert result.problems == []
    assert {key for key in result.reached if key.startswith("state:")} == {
        f"state:{state}" for state in script.states
    }


def test_the_same_seed_explores_the_same_way() -> None:
    script = load(EXPLORE_DATA / "ping-pong.yaml")
    first, second = explore(script, 20, 5, max_turns=40), explore(script, 20, 5, max_turns=40)
    assert first.problems == second.problems
    assert first.reached == second.reached


def test_an_engine_crash_is_found_with_its_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    original = TracedCall.say

    def fragile(self: TracedCall, text: str) -> list[object]:
        if "non" in text:
            raise ZeroDivisionError("division par zéro")
        return original(self, text)  # type: ignore[return-value]

    monkeypatch.setattr(TracedCall, "say", fragile)
    result = explore(load(EXPLORE_DATA / "aiguillage.yaml"), 30, 1)
    crashes = [problem for problem in result.problems if problem.kind == "crash"]
    assert crashes
    assert crashes[0].message == "ZeroDivisionError: division par zéro"


def test_a_script_with_errors_is_reported_not_explored(tmp_path: Path) -> None:
    script = write(
        tmp_path, "faux.yaml", "id: faux\ntitle: Faux\ndescription: x\nstart: nulle-part\n"
    )
    code, out, _found = explore_cli(script, tmp_path / "out")
    assert code == 1
    assert "[R301]" in out


def test_an_unknown_script_is_bad_input(tmp_path: Path) -> None:
    code, _out, err = run("explore", "oppositoin", "--out", str(tmp_path))
    assert code == 2
    assert "Vouliez-vous dire « opposition » ?" in err
