"""The root command: French help, version, language, and errors as sentences."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from repetition_3422 import __version__
from repetition_3422.cli import COMMANDS, main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "repetition_3422", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_help_is_in_french_including_clicks_own_words() -> None:
    completed = run("--help")
    assert completed.returncode == 0
    assert "Utilisation :" in completed.stdout
    assert "Afficher cette aide et quitter." in completed.stdout
    assert "Show this message" not in completed.stdout


def test_version_is_the_installed_one() -> None:
    completed = run("--version")
    assert completed.returncode == 0
    assert __version__ in completed.stdout


def test_unknown_option_is_a_french_sentence_with_exit_2() -> None:
    completed = run("--pas-une-option")
    assert completed.returncode == 2
    assert "L'option « --pas-une-option » n'existe pas." in completed.stderr
    assert "Traceback" not in completed.stderr


def test_english_keeps_clicks_english_words() -> None:
    completed = run("--lang", "en", "--help")
    assert completed.returncode == 0
    assert "Usage:" in completed.stdout


def test_a_bug_becomes_a_sentence_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    @click.command("panne")
    def broken() -> None:
        raise RuntimeError("boum")

    module = type(sys)("repetition_3422.cli.panne")
    module.panne = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "repetition_3422.cli.panne", module)
    monkeypatch.setitem(COMMANDS, "panne", "panne:panne")
    monkeypatch.delenv("REPETITION_3422_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["panne"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Erreur inattendue (RuntimeError) : boum" in err
    assert "Traceback" not in err
