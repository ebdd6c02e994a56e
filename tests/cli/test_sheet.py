"""The ``sheet`` command: the aide-mémoire on stdout (Markdown) or in a PDF, HTML, MD file."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from repetition_3422.cli import main
from repetition_3422.cli.sheet import parse_letter_date, parse_moment, sheet
from repetition_3422.errors import UsageError
from repetition_3422.i18n import current_language, set_language

TRANSCRIPT = {
    "version": 1,
    "scenario": "opposition-simple",
    "seed": 1,
    "difficulty": "facile",
    "mode": "practice",
    "outcome": {"id": "opposition-enregistree", "label": "Opposition enregistrée"},
    "rubric": [
        {
            "id": "justificatif-demande",
            "label": "Justificatif",
            "passed": False,
            "weight": 3,
            "feedback": "Demandez le justificatif avant de raccrocher.",
        },
        {
            "id": "code-donne",
            "label": "Code",
            "passed": True,
            "weight": 1,
            "feedback": "Bravo pour le code.",
        },
    ],
    "score": 40,
    "duration_s": 120,
    "turns": [{"speaker": "caller", "text": "2 84 •• •• ••• ••• 28", "state": "nir", "t": 3}],
}


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    before = current_language()
    set_language("fr")
    yield
    set_language(before)


def run(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(sheet, list(args))
    return result.exit_code, result.output, result.exception


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the whole command line in this process, as a person would type it."""
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "fr", "sheet", *args])
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def test_without_out_the_sheet_is_markdown_on_stdout() -> None:
    code, output, _ = run("--at", "2026-12-25T10:00", "--letter-date", "2026-11-25")
    assert code == 0
    assert output.startswith("# Aide-mémoire")
    flat = " ".join(output.replace("\u00a0", " ").replace("\u202f", " ").split())
    assert "Prochaine ouverture : lundi 28 décembre 2026 à 8 h 30" in flat
    assert "l’espace sera créé le mercredi 6 janvier 2027. Il reste 12 jours" in flat


def test_french_dates_are_accepted_too() -> None:
    assert parse_letter_date("25/11/2026") == parse_letter_date("2026-11-25")
    assert parse_letter_date(" 5/1/2027 ").isoformat() == "2027-01-05"


@pytest.mark.parametrize("text", ["2026-13-01", "31/02/2027", "hier", ""])
def test_a_bad_letter_date_is_a_sentence(text: str) -> None:
    with pytest.raises(UsageError, match="écrivez-la comme 2026-11-25 ou 25/11/2026"):
        parse_letter_date(text)


def test_at_accepts_iso_with_or_without_zone() -> None:
    assert parse_moment("2026-12-25 10:00").isoformat() == "2026-12-25T10:00:00"
    assert parse_moment("2026-12-25T10:00+01:00").tzinfo is None
    with pytest.raises(UsageError, match="2026-12-25T10:00"):
        parse_moment("Noël")


@pytest.mark.parametrize("extension", ["pdf", "html", "md"])
def test_out_writes_the_file_and_says_what_to_do(tmp_path: Path, extension: str) -> None:
    target = tmp_path / f"aide.{extension}"
    code, output, _ = run("--at", "2026-11-27T18:15", "--out", str(target))
    assert code == 0
    assert f"Aide-mémoire écrit dans {target}." in output
    assert target.stat().st_size > 1000
    assert list(tmp_path.iterdir()) == [target]


def test_pdf_from_the_command_line_is_one_page(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "aide.pdf"
    advice = tmp_path / "appel.json"
    advice.write_text(json.dumps(TRANSCRIPT), encoding="utf-8")
    code, output, _ = run(
        "--at",
        "2027-05-01T09:00",
        "--letter-date",
        "2027-04-20",
        "--advice-from",
        str(advice),
        "--out",
        str(target),
    )
    assert code == 0, output
    assert "Imprimez-le" in output
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") == 1
    flat = " ".join(text.split())
    assert "Demandez le justificatif avant de raccrocher." in flat
    assert "Bravo pour le code." not in flat  # only what to do better
    assert "••" not in flat  # never anything from the transcript's numbers
    assert "Prochaine ouverture : lundi 3 mai 2027 à 8 h 30" in flat


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "aide.docx"), "terminez le nom du fichier par .pdf"),
        (("--letter-date", "2026-02-30"), "La date du courrier « 2026-02-30 » n'existe pas"),
        (("--at", "demain"), "Le moment « demain » n'existe pas"),
        (
            ("--at", "2026-12-01T10:00", "--letter-date", "2026-12-20"),
            "La date du courrier (2026-12-20) est après le jour de référence (2026-12-01)",
        ),
        (("--advice-from", "absent.json"), "n'existe pas"),
    ],
)
def test_bad_input_is_a_french_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output, errors = run_main(capsys, *args)
    assert code == 2
    assert message in errors
    assert errors.startswith("Erreur : ")
    assert "Traceback" not in errors
    assert output == ""
    assert list(tmp_path.iterdir()) == []


def test_advice_from_a_file_that_is_not_a_transcript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_json = tmp_path / "notes.json"
    not_json.write_text("pas du JSON", encoding="utf-8")
    code, _, errors = run_main(capsys, "--advice-from", str(not_json))
    assert code == 2
    assert "n'est pas un fichier JSON lisible" in errors
    wrong = tmp_path / "liste.json"
    wrong.write_text("[1, 2]", encoding="utf-8")
    code, _, errors = run_main(capsys, "--advice-from", str(wrong))
    assert code == 2
    assert "n'est pas une transcription d'appel" in errors


def test_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, output, _ = run_main(capsys, "--help")
    assert code == 0
    assert "aide-mémoire" in output
    assert "--letter-date" in output and "--advice-from" in output
