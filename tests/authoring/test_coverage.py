"""What coverage counts: states, transitions (global ones once), re-prompt levels, criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.authoring.coverage import Coverage, targets
from repetition_3422.authoring.trace import reprompt_levels
from repetition_3422.language import load
from repetition_3422.language.model import Line, Reprompts

from .helpers import project, run, write

WITH_FRAGMENT = """\
id: avec-fragment
title: Avec un fragment
description: Un script qui inclut un fragment dont un état ne sert pas.
start: accueil
includes: [./morceau.yaml]
personas: {conseillere: {name: Mme Martin}, serveur: {name: Serveur, machine: true}}
outcomes: {ok: Fini}
intents: {oui: [oui], non: [non]}
global:
  - {intent: non, go: fin}
states:
  accueil:
    say: Bonjour.
    on: [{intent: oui, go: attente}]
  attente:
    kind: hold
    hold: {seconds: 10}
    go: fin
  fin: {kind: end, outcome: ok}
"""

FRAGMENT = """\
id: morceau
global:
  - {intent: oui, say: "Oui ?"}
states:
  jamais:
    say: Un état que le script n'utilise pas.
    on: [{intent: oui, go: fin}]
"""


def line(number: int) -> Line:
    return Line(id=f"l{number}", variants=(f"relance {number}",))


@pytest.mark.parametrize(
    ("pool", "retries", "after", "levels"),
    [
        (3, 4, "fin", 3),  # retries leave room for every line
        (3, 3, "fin", 2),  # the third failure leaves: the third line is never said
        (2, 4, "fin", 2),  # past the pool the last line repeats: no new level
        (0, 3, "fin", 1),  # no line written: the engine's own, once
        (3, 0, "fin", 0),  # the first failure leaves at once
        (3, 2, None, 3),  # no way out: every line can be said
    ],
)
def test_reprompt_levels(pool: int, retries: int, after: str | None, levels: int) -> None:
    reprompts = Reprompts(
        no_match=tuple(line(n) for n in range(pool)), retries=retries, after_retries=after
    )
    assert len(reprompt_levels(reprompts, "no_match")) == levels


def test_fragment_states_count_only_when_reachable_and_globals_count_once(tmp_path: Path) -> None:
    write(tmp_path, "morceau.yaml", FRAGMENT)
    script = load(write(tmp_path, "avec-fragment.yaml", WITH_FRAGMENT))
    found = targets(script)
    assert [item.label for item in found if item.kind == "state"] == ["accueil", "attente", "fin"]
    transitions = [item.key for item in found if item.kind == "transition"]
    assert transitions == ["on:accueil:0", "go:attente", "global:0", "global:1"]
    marks = {item.key: item.mark for item in found}
    assert marks["global:0"].file.endswith("morceau.yaml")
    assert marks["go:attente"].line == 15


def test_walkthroughs_reach_holds_and_global_transitions(tmp_path: Path) -> None:
    write(tmp_path, "morceau.yaml", FRAGMENT)
    write(tmp_path, "avec-fragment.yaml", WITH_FRAGMENT)
    path = write(
        tmp_path,
        "walkthroughs/a.yaml",
        """\
        script: avec-fragment
        walkthroughs:
          - name: Attendre puis finir
            steps:
              - say: oui
                expect: {state: attente}
              - wait: end
                expect: {outcome: ok}
        """,
    )
    code, out, _err = run("test", str(path), "--coverage")
    assert code == 0, out
    assert "Couverture de « avec-fragment »" in out
    assert "  transitions     2/4    50\u00a0%" in out
    assert "partout → fin (non)" in out  # the global « non » was never taken
    assert "partout → ↺ (oui)" in out  # the fragment's global « oui » is overridden here


def test_criteria_count_passed_and_failed_separately(tmp_path: Path) -> None:
    folder = project(tmp_path)
    script = load(folder / "petit.yaml")
    coverage = Coverage.of(script, {"passed:code-donne"})
    assert coverage.counts("criterion") == (1, 2)
    assert [item.label for item in coverage.missed("criterion")] == ["code-donne manqué"]
    assert coverage.percent("criterion") == 50.0
    assert Coverage.of(script).percent() == 0.0
