"""Every shipped scenario has walkthroughs that pass and reach all its states and transitions."""

from __future__ import annotations

from repetition_3422.authoring.scripts import Scripts
from repetition_3422.authoring.suite import coverage_by_script, run_file, walkthrough_files
from repetition_3422.language.catalog import shipped_ids

from .helpers import WALKTHROUGHS, run


def test_every_shipped_walkthrough_passes_and_covers_its_scenario() -> None:
    scripts = Scripts()
    runs = [run_file(path, scripts) for path in walkthrough_files(WALKTHROUGHS)]
    failures = [
        f"{outcome.walkthrough.name}: {outcome.failure}"
        for item in runs
        for outcome in item.outcomes
        if not outcome.passed
    ]
    assert all(item.playable for item in runs)
    assert failures == []
    coverages = {coverage.script.id: coverage for coverage in coverage_by_script(runs)}
    assert set(coverages) == set(shipped_ids())  # every shipped scenario has walkthroughs
    for script_id, coverage in coverages.items():
        for kind in ("state", "transition"):
            missed = [item.label for item in coverage.missed(kind)]
            assert missed == [], (script_id, kind)
            assert coverage.percent(kind) == 100.0


def test_the_command_reports_full_coverage() -> None:
    code, out, err = run("test", str(WALKTHROUGHS), "--coverage")
    assert code == 0, out + err
    for scenario in shipped_ids():
        assert f"Couverture de « {scenario} »" in out
    assert "États jamais atteints" not in out
    assert "Transitions jamais prises" not in out


def test_the_shipped_walkthroughs_are_found_from_the_scenarios_folder() -> None:
    found = walkthrough_files(WALKTHROUGHS.parent)
    assert found == sorted(WALKTHROUGHS.glob("*.yaml"))
