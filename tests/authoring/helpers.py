"""Helpers for the authoring tests: run the command line, write small files."""

from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from repetition_3422.cli import main
from repetition_3422.language.catalog import SCENARIOS_DIR

WALKTHROUGHS = SCENARIOS_DIR / "walkthroughs"
"""The shipped walkthrough files."""

EXPLORE_DATA = Path(__file__).parent.parent / "data" / "explore"
"""Scripts broken on purpose, for ``explore``."""

SMALL_SCRIPT = """\
id: petit
title: Petit appel
description: Un appel de test, très court.
start: accueil
personas: {conseillere: {name: Mme Martin}}
variables: {insistance: 0}
outcomes: {ok: Opposition enregistrée, parti: Parti, coupe: Coupé}
defaults:
  after_retries: fin-coupe
  retries: 3
  no_match: ["Pardon ?", "Pouvez-vous reformuler ?"]
  no_input: ["Allô ?"]
intents:
  oui: [oui, "d'accord"]
  non: [non]
  au_revoir: ["au revoir"]
slots:
  code: {type: code}
states:
  accueil:
    say: "Bonjour, {adviser.name} à l'appareil. Votre code ?"
    ask: code
    on:
      - {slot: code, say: "Merci.", go: confirmation}
      - {intent: au_revoir, go: fin-parti}
  confirmation:
    say: "Je relis : {slots.code|grouped}. C'est bien ça ?"
    on:
      - {intent: oui, go: fin-ok}
      - {intent: non, set: {insistance: insistance + 1}, say: "Ah bon ?"}
  fin-ok: {kind: end, say: "Au revoir.", outcome: ok}
  fin-parti: {kind: end, outcome: parti, hangup_by: appelant}
  fin-coupe: {kind: end, outcome: coupe}
rubric:
  - {id: code-donne, label: Donner le code, passed: given.code}
"""
"""A valid script with a slot that is read back (to check masking) and a variable."""


def run(*args: str, input_text: str = "") -> tuple[int, str, str]:
    """Run the command line as a person would: exit code, stdout, stderr."""
    runner = CliRunner()
    with runner.isolation(input=input_text) as (stdout, stderr, _output):
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        return code, stdout.getvalue().decode(), stderr.getvalue().decode()


def write(folder: Path, name: str, text: str) -> Path:
    """Write a dedented text to ``folder/name`` (folders created) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def project(tmp_path: Path) -> Path:
    """A folder with the small script and an empty ``walkthroughs/`` beside it."""
    write(tmp_path, "petit.yaml", SMALL_SCRIPT)
    (tmp_path / "walkthroughs").mkdir()
    return tmp_path
