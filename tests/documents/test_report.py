"""Debrief reports: outcome, score, rubric with ✓/✗, masked transcript, duration; three formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repetition_3422.documents.report import render_report
from repetition_3422.documents.transcript import advice, read_transcript, read_transcript_file
from repetition_3422.errors import FileReadError, UsageError
from tests.documents.helpers import flat, order_numbers, pdf_pages, pdf_text

EXPECTED = (
    "Bilan de ma répétition",
    "Scénario « opposition-simple », niveau facile, mode entraînement.",
    "Opposition enregistrée",
    "Score : 58 sur 100",
    "Points réussis : 1 sur 3",
    "Durée de l’appel : 6 min 12 s",
    "✗ à revoir",
    "✓ réussi",
    "Justificatif demandé",
    "Demandez le justificatif avant de raccrocher.",
    "2 84 •• •• ••• ••• 28",
    "01:35",
    "Conseiller",
    "Vous",
)


@pytest.mark.parametrize("extension", ["pdf", "html", "md"])
def test_report_in_each_format(
    tmp_path: Path, transcript: dict[str, object], extension: str
) -> None:
    target = tmp_path / f"bilan.{extension}"
    assert render_report(transcript, target) == extension
    text = pdf_text(target) if extension == "pdf" else flat(target.read_text(encoding="utf-8"))
    for expected in EXPECTED:
        assert expected in text, expected


def test_a_number_left_unmasked_by_mistake_is_masked_in_the_report(
    tmp_path: Path, transcript: dict[str, object]
) -> None:
    turns = transcript["turns"]
    assert isinstance(turns, list)
    turns.append(
        {"speaker": "caller", "text": "C'est le 2 84 05 75 112 000 28", "state": "nir", "t": 99}
    )
    target = tmp_path / "bilan.md"
    render_report(transcript, target)
    text = target.read_text(encoding="utf-8")
    assert order_numbers(text) == []
    assert "2 84 •• •• ••• ••• 28" in text  # the masked one is kept as it was


def test_a_silence_is_written_as_such(tmp_path: Path, transcript: dict[str, object]) -> None:
    turns = transcript["turns"]
    assert isinstance(turns, list)
    turns.append({"speaker": "caller", "text": "", "state": "nir", "t": 120})
    target = tmp_path / "bilan.md"
    render_report(transcript, target)
    assert "| 02:00 | Vous | (silence) |" in target.read_text(encoding="utf-8")


def test_html_report_escapes_what_was_said(tmp_path: Path, transcript: dict[str, object]) -> None:
    turns = transcript["turns"]
    assert isinstance(turns, list)
    turns.append(
        {"speaker": "caller", "text": "<script>alert(1)</script>", "state": "nir", "t": 100}
    )
    target = tmp_path / "bilan.html"
    render_report(transcript, target)
    page = target.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_long_call_runs_over_several_pages(tmp_path: Path, transcript: dict[str, object]) -> None:
    transcript["turns"] = [
        {
            "speaker": "adviser" if n % 2 else "caller",
            "text": f"Phrase numéro {n}.",
            "state": "accueil",
            "t": 5 * n,
        }
        for n in range(150)
    ]
    target = tmp_path / "bilan.pdf"
    render_report(transcript, target)
    assert pdf_pages(target) >= 3
    text = pdf_text(target)
    assert "Phrase numéro 149." in text
    assert "page 3 sur" in text


def test_empty_rubric_and_turns_still_make_a_report(
    tmp_path: Path, transcript: dict[str, object]
) -> None:
    transcript.update(rubric=[], turns=[], outcome={"id": "ligne-coupee", "label": ""})
    target = tmp_path / "bilan.md"
    render_report(transcript, target)
    text = flat(target.read_text(encoding="utf-8"))
    assert "ligne-coupee" in text
    assert "Aucun critère n’a été évalué" in text
    assert "Aucune parole n’a été enregistrée." in text


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"rubric": {}}, "le champ « rubric » n'a pas la forme attendue"),
        (
            {"rubric": [{"passed": "oui"}]},
            "le champ « rubric[0].passed » n'a pas la forme attendue",
        ),
        ({"rubric": [{"passed": True}]}, "il manque le champ « rubric[0].id »"),
        ({"score": "beaucoup"}, "le champ « score » n'a pas la forme attendue"),
        ({"score": 140}, "le champ « score » n'a pas la forme attendue"),
        ({"outcome": "fini"}, "le champ « outcome » n'a pas la forme attendue"),
        ({"outcome": {"id": "x"}}, "il manque le champ « outcome.label »"),
        ({"mode": "jeu"}, "le champ « mode » n'a pas la forme attendue"),
    ],
)
def test_a_broken_transcript_is_a_french_sentence(
    transcript: dict[str, object], change: dict[str, object], detail: str
) -> None:
    transcript.update(change)
    with pytest.raises(UsageError) as caught:
        read_transcript(transcript)
    assert str(caught.value) == (
        f"Ce n'est pas une transcription d'appel de repetition-3422 : {detail}."
    )
    assert caught.value.exit_code == 2


def test_a_transcript_must_be_an_object() -> None:
    with pytest.raises(UsageError, match="il faut un objet JSON"):
        read_transcript([])
    with pytest.raises(UsageError, match="il manque le champ « scenario »"):
        read_transcript({})


def test_unknown_report_extension_writes_nothing(
    tmp_path: Path, transcript: dict[str, object]
) -> None:
    with pytest.raises(UsageError, match=r"\.pdf"):
        render_report(transcript, tmp_path / "bilan.docx")
    assert list(tmp_path.iterdir()) == []


def test_advice_is_the_feedback_of_missed_criteria_weightiest_first(
    transcript: dict[str, object],
) -> None:
    rubric = transcript["rubric"]
    assert isinstance(rubric, list)
    rubric.append({"id": "x", "label": "X", "passed": False, "weight": 5, "feedback": "  "})
    rubric.append({"id": "y", "label": "Y", "passed": False, "weight": 2, "feedback": "Notez."})
    assert advice(read_transcript(transcript)) == [
        "Demandez le justificatif avant de raccrocher.",
        "Notez.",
        "Demandez le nom du conseiller.",
    ]


def test_read_transcript_file(tmp_path: Path, transcript: dict[str, object]) -> None:
    good = tmp_path / "appel.json"
    good.write_text(json.dumps(transcript), encoding="utf-8")
    assert read_transcript_file(good).outcome.id == "opposition-enregistree"
    broken = tmp_path / "casse.json"
    broken.write_text('{"score": 1,,}', encoding="utf-8")
    with pytest.raises(UsageError, match="n'est pas un fichier JSON lisible"):
        read_transcript_file(broken)
    with pytest.raises(FileReadError):
        read_transcript_file(tmp_path / "absent.json")
