"""``repetition-3422 test``: one line per walkthrough, failures in detail, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repetition_3422.authoring.reader import read_walkthroughs
from repetition_3422.authoring.runner import run_walkthrough
from repetition_3422.authoring.scripts import Scripts
from repetition_3422.authoring.trace import TracedCall
from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import generate_identity

from .helpers import project, run, write

PASSING = """\
script: petit
walkthroughs:
  - name: Le code du premier coup
    steps:
      - expect: {state: accueil, says: Mme Martin, line: accueil.say.0}
      - say: "C'est {identity.code|grouped}."
        expect: {state: confirmation, given: code, events: [slot_filled], says: Je relis}
      - say: "Oui."
        expect: {ended: true, outcome: ok}
    expect:
      visited: [accueil, confirmation, fin-ok]
      not_visited: [fin-coupe]
      heard: [oui]
      rubric: {code-donne: true}
      score: 100
      min_score: 50
"""

FAILING = """\
script: petit
seed: 3
walkthroughs:
  - name: Réussi
    steps:
      - say: "{identity.code}"
  - name: Un état de travers
    steps:
      - say: "{identity.code}"
        expect: {state: accueil, says: "Quelque chose qui n'est pas dit"}
      - say: "Oui."
"""


def test_a_passing_file_prints_one_line_per_walkthrough_and_exits_0(tmp_path: Path) -> None:
    folder = project(tmp_path)
    write(folder, "walkthroughs/petit.yaml", PASSING)
    code, out, err = run("test", str(folder))
    assert code == 0, out + err
    lines = out.splitlines()
    assert lines[0].endswith("walkthroughs/petit.yaml (petit)")
    assert lines[1] == "  ✓ Le code du premier coup"
    assert lines[-1] == "1 parcours : 1 réussi."
    assert err == ""


def test_a_failure_says_where_what_was_expected_what_happened_and_masks_numbers(
    tmp_path: Path,
) -> None:
    folder = project(tmp_path)
    path = write(folder, "walkthroughs/petit.yaml", FAILING)
    code, out, _err = run("test", str(path))
    assert code == 1
    lines = out.splitlines()
    assert "  ✓ Réussi" in lines
    failed = lines.index("  ✗ Un état de travers")
    assert re.search(r"petit\.yaml:9:9 : étape 1, say: « \{identity\.code\} »$", lines[failed + 1])
    assert lines[failed + 2] == "      attendu : l'état « accueil »"
    assert lines[failed + 3] == "      obtenu  : l'état « confirmation »"
    assert lines[failed + 4] == "      attendu : entendre « Quelque chose qui n'est pas dit »"
    assert lines[failed + 5].startswith("      obtenu  : Bonjour, Mme Martin")
    assert "Merci. Je relis : " in lines[failed + 5]
    assert "fin de la transcription :" in out
    assert "[accueil] vous : " in out
    # The code is read back by the adviser: never shown, whatever the spacing.
    code_value = generate_identity(3).code
    for shown in (code_value, format_code(code_value), code_value.lower()):
        assert shown not in out
    assert "•" in out
    assert lines[-1] == "2 parcours : 1 réussi, 1 en échec."


@pytest.mark.parametrize(
    ("expect", "expected", "got"),
    [
        ("{visited: [fin-coupe]}", "« fin-coupe » atteint", "jamais atteint"),
        ("{not_visited: [accueil]}", "« accueil » jamais atteint", "atteint 1 fois"),
        ("{given: [code]}", "la donnée « code » donnée", "pas donnée (1 essai(s))"),
        ("{rejected: mismatch}", "un refus pour la règle « mismatch »", "code.length"),
        ("{heard: [oui]}", "l'intention « oui » reconnue", "jamais reconnue"),
        ("{variables: {insistance: 1}}", "insistance = 1", "insistance = 0"),
        ("{variables: {insistance: false}}", "insistance = false", "insistance = 0"),
        ("{events: [call_ended]}", "l'évènement call_ended", "slot_rejected"),
        ("{ended: true}", "appel terminé", "appel en cours"),
        ("{outcome: ok}", "l'issue « ok »", "pas encore d'issue"),
        ("{rubric: {code-donne: true}}", "« code-donne » réussi", "« code-donne » manqué"),
        ("{score: 100}", "la note 100", "0"),
        ("{min_score: 1}", "une note d'au moins 1", "0"),
        ("{says_not: valide}", "ne pas entendre « valide »", "ne semble pas valide"),
        ("{matches: '^Merci'}", "entendre un texte qui corresponde à « ^Merci »", "valide"),
        ("{line: confirmation.say.0}", "la réplique « confirmation.say.0 »", "engine.reject"),
    ],
)  # fmt: skip
def test_each_expectation_says_what_it_wanted(
    tmp_path: Path, expect: str, expected: str, got: str
) -> None:
    folder = project(tmp_path)
    path = write(
        folder,
        "walkthroughs/petit.yaml",
        f"""\
        script: petit
        walkthroughs:
          - name: Un code trop court
            steps:
              - say: "{{identity.code|short}}"
                expect: {expect}
        """,
    )
    read = read_walkthroughs(path, Scripts())
    assert read.file is not None and read.script is not None and read.script.script is not None
    (walkthrough,) = read.file.walkthroughs
    outcome = run_walkthrough(read.script.script, walkthrough)
    assert outcome.failure is not None
    (difference,) = outcome.failure.differences
    assert difference.expected == expected
    assert got in difference.got


def test_a_script_fault_fails_the_step_unless_it_is_expected(tmp_path: Path) -> None:
    folder = project(tmp_path)
    script = (folder / "petit.yaml").read_text(encoding="utf-8")
    broken = script.replace('"Ah bon ?"', '"Ah bon ? {slots.code|grouped}"').replace(
        "{intent: oui, go: fin-ok}", "{intent: oui, when: insistance > 'x', go: fin-ok}"
    )
    (folder / "petit.yaml").write_text(broken, encoding="utf-8")
    steps = """\
        script: petit
        walkthroughs:
          - name: Sans le dire
            steps:
              - say: "{identity.code}"
              - say: "oui"
          - name: En le disant
            steps:
              - say: "{identity.code}"
              - say: "oui"
                expect: {events: [script_fault]}
        """
    write(folder, "walkthroughs/petit.yaml", steps)
    code, out, _err = run("test", str(folder))
    assert code == 1
    assert "  ✗ Sans le dire" in out
    assert "attendu : aucune erreur du scénario" in out
    assert "obtenu  : Condition « insistance > 'x' » impossible à calculer" in out
    assert "  ✓ En le disant" in out


def test_an_engine_crash_is_a_failure_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path)
    write(folder, "walkthroughs/petit.yaml", PASSING)

    def broken(self: TracedCall, text: str) -> list[object]:
        raise KeyError("boum")

    monkeypatch.setattr(TracedCall, "say", broken)
    code, out, err = run("test", str(folder))
    assert code == 1
    assert "attendu : un appel sans plantage" in out
    assert "obtenu  : le moteur a planté : KeyError: 'boum'" in out
    assert "Traceback" not in out + err


def test_a_broken_script_fails_its_walkthroughs_and_is_shown_once(tmp_path: Path) -> None:
    folder = project(tmp_path)
    script = (folder / "petit.yaml").read_text(encoding="utf-8")
    (folder / "petit.yaml").write_text(script.replace("go: fin-ok}", "go: fni}"), encoding="utf-8")
    write(folder, "walkthroughs/a.yaml", PASSING)
    write(folder, "walkthroughs/b.yaml", PASSING)
    code, out, _err = run("test", str(folder))
    assert code == 1
    assert out.count("[R301]: L'état « fni » n'existe pas.") == 1
    assert out.count("✗ Le code du premier coup — le script a des erreurs") == 2
    assert out.splitlines()[-1] == "2 parcours : 0 réussi, 2 en échec."


def test_exit_code_2_for_a_path_that_does_not_exist_or_holds_no_walkthrough(
    tmp_path: Path,
) -> None:
    code, out, err = run("test", str(tmp_path / "absent.yaml"))
    assert code == 2
    assert err.startswith("Erreur : ")
    code, _out, err = run("test", str(project(tmp_path)))
    assert code == 2
    assert "ne contient aucun fichier de parcours" in err
    assert "Traceback" not in out + err


def test_without_a_path_the_command_asks_for_one() -> None:
    code, _out, err = run("test")
    assert code == 2
    assert "Donnez au moins un fichier ou un dossier de parcours." in err


def test_the_schema_of_walkthrough_files_is_printed() -> None:
    code, out, _err = run("test", "--schema")
    assert code == 0
    assert '"title": "Parcours repetition-3422"' in out
    assert "WalkthroughFileDoc" in out
