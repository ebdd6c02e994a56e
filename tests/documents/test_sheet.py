"""The aide-mémoire: one A4 page, the line's hours and next opening, the deadline, empty boxes."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from repetition_3422.documents.model import WriteIn
from repetition_3422.documents.render import render, write_document
from repetition_3422.documents.sheet import (
    MAX_ADVICE,
    aide_memoire,
    deadline_sentence,
    line_status,
)
from tests.documents.helpers import flat, order_numbers, pdf_pages, pdf_text

FRIDAY_EVENING = datetime(2026, 11, 27, 18, 15)
LONG_ADVICE = (
    "Vous n'avez pas demandé de justificatif avant de raccrocher : demandez-le toujours, par "
    "courriel ou par courrier, c'est la preuve de votre demande auprès de l'Assurance maladie."
)


def markdown(**options: object) -> str:
    return flat(render(aide_memoire(**options), "md").decode("utf-8"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Friday evening: the next opening is Monday morning.
        (FRIDAY_EVENING, "Prochaine ouverture : lundi 30 novembre 2026 à 8 h 30."),
        # Sunday.
        (datetime(2026, 11, 29, 11, 0), "Prochaine ouverture : lundi 30 novembre 2026 à 8 h 30."),
        # Christmas, a Friday: closed all day, then the weekend.
        (datetime(2026, 12, 25, 10, 0), "Prochaine ouverture : lundi 28 décembre 2026 à 8 h 30."),
        # 1 May 2027 is a Saturday (and a public holiday): Monday 3 May.
        (datetime(2027, 5, 1, 9, 0), "Prochaine ouverture : lundi 3 mai 2027 à 8 h 30."),
        # Early on a working day: the same morning.
        (datetime(2026, 12, 1, 7, 0), "Prochaine ouverture : mardi 1er décembre 2026 à 8 h 30."),
        # New Year's Day 2027 is a Friday: Monday 4 January.
        (datetime(2026, 12, 31, 17, 45), "Prochaine ouverture : lundi 4 janvier 2027 à 8 h 30."),
    ],
)
def test_next_opening_when_the_line_is_closed(at: datetime, expected: str) -> None:
    assert expected in flat(line_status(at))
    assert "la ligne est fermée" in line_status(at)


def test_holiday_is_named_and_open_hours_say_until_when() -> None:
    assert "(Noël)" in line_status(datetime(2026, 12, 25, 10, 0))
    status = flat(line_status(datetime(2026, 12, 1, 10, 15)))
    assert status == "Le mardi 1er décembre 2026 à 10 h 15, la ligne est ouverte jusqu'à 17 h 30."


@pytest.mark.parametrize(
    ("letter", "today", "deadline", "left"),
    [
        (date(2026, 11, 25), date(2026, 12, 25), "mercredi 6 janvier 2027", "Il reste 12 jours"),
        (date(2026, 12, 31), date(2027, 1, 2), "jeudi 11 février 2027", "Il reste 40 jours"),
        (date(2027, 1, 20), date(2027, 2, 28), "mercredi 3 mars 2027", "Il reste 3 jours"),
        (date(2028, 1, 20), date(2028, 2, 28), "jeudi 2 mars 2028", "Il reste 3 jours"),  # leap
        (date(2026, 11, 25), date(2027, 1, 5), "mercredi 6 janvier 2027", "Il reste 1 jour pour"),
    ],
)
def test_deadline_across_month_and_year_ends(
    letter: date, today: date, deadline: str, left: str
) -> None:
    sentence = flat(deadline_sentence(letter, today))
    assert f"l'espace sera créé le {deadline}" in sentence
    assert left in sentence


def test_deadline_day_and_after() -> None:
    on_the_day = deadline_sentence(date(2026, 11, 25), date(2027, 1, 6))
    assert "créé aujourd'hui" in on_the_day
    after = deadline_sentence(date(2026, 11, 25), date(2027, 3, 1))
    assert "ont pris fin le mercredi 6 janvier 2027" in flat(after)
    assert "fermeture de l'espace à tout moment" in after


def test_markdown_has_everything_for_the_call() -> None:
    text = markdown(at=datetime(2026, 12, 25, 10, 0), letter_date=date(2026, 11, 25))
    for expected in (
        "Aide-mémoire : mon appel au 3422",
        "du lundi au vendredi, de 8 h 30 à 17 h 30",
        "Service gratuit + prix d’un appel",
        "Prochaine ouverture : lundi 28 décembre 2026 à 8 h 30",
        "l’espace sera créé le mercredi 6 janvier 2027. Il reste 12 jours",
        "12 lettres et chiffres",
        "au dos, en haut à gauche, 8 à 13 chiffres",
        "en haut à droite, les 11 derniers chiffres de la ligne 8025000002",
        "Pouvez-vous m’envoyer un justificatif, par courriel ou par courrier ?",
        "Je maintiens ma demande",
        "Quel est votre nom",
        "Nom du conseiller :",
        "Référence :",
        "Justificatif promis : ☐ par courriel ☐ par courrier ☐ refusé",
        "Je vérifie que le justificatif arrive",
        "La fermeture reste possible plus tard",
        "un nouvel espace pourra être créé",
    ):
        assert expected in text, expected
    assert "➜ **Avant de raccrocher, j’exige un justificatif :**" in text  # highlighted


def test_boxes_are_empty_and_grouped_like_the_official_form() -> None:
    boxes = [
        block for block in aide_memoire(at=FRIDAY_EVENING).blocks if isinstance(block, WriteIn)
    ]
    assert [box.groups for box in boxes] == [(4, 4, 4), (1, 2, 2, 2, 3, 3, 2), (3, 3, 3, 2, 2)]
    assert [box.size for box in boxes] == [12, 15, 13]
    text = markdown(at=FRIDAY_EVENING)
    assert "□□□□  □□□□  □□□□" in render(aide_memoire(at=FRIDAY_EVENING), "md").decode()
    assert order_numbers(text) == []  # no NIR at all: the program never fills the boxes
    # The only long numbers printed: the prefix of the card with photo and the line's number.
    assert set(re.findall(r"\d{4,}", text)) <= {"8025000002", "3422", "2026"}


def test_advice_of_the_last_debrief_is_repeated_shortened_and_capped() -> None:
    advice = ["Demandez le nom du conseiller.", LONG_ADVICE * 3, "Troisième", "  "]
    text = markdown(at=FRIDAY_EVENING, advice=advice)
    assert "Mes conseils de la dernière répétition" in text
    assert "Demandez le nom du conseiller." in text
    assert "…" in text and LONG_ADVICE * 2 not in text
    assert "Troisième" not in text  # only the first MAX_ADVICE
    assert MAX_ADVICE == 2
    assert "Mes conseils" not in markdown(at=FRIDAY_EVENING, advice=["  "])


@pytest.mark.parametrize(
    "options",
    [
        {"at": datetime(2026, 12, 25, 10, 0), "letter_date": date(2026, 11, 25)},
        {"at": datetime(2026, 12, 1, 10, 15)},
        {
            "at": datetime(2027, 5, 1, 9, 0),
            "letter_date": date(2027, 1, 1),
            "advice": [LONG_ADVICE, LONG_ADVICE, LONG_ADVICE],
        },
    ],
    ids=["christmas-with-deadline", "open-line", "past-deadline-with-long-advice"],
)
def test_pdf_is_one_a4_page_with_the_essentials(tmp_path: Path, options: dict[str, object]) -> None:
    target = tmp_path / "aide-memoire.pdf"
    write_document(aide_memoire(**options), target)  # type: ignore[arg-type]
    assert pdf_pages(target) == 1
    text = pdf_text(target)
    for expected in (
        "Aide-mémoire : mon appel au 3422",
        "de 8 h 30 à 17 h 30",
        "Service gratuit + prix d’un appel",
        "Code confidentiel",
        "N° de sécurité sociale",
        "8025000002",
        "j’exige un justificatif",
        "Pendant l’appel, je note",
        "Après l’appel",
    ):
        assert expected in text, expected
    assert order_numbers(text) == []


def test_pdf_deadline_and_next_opening(tmp_path: Path) -> None:
    target = tmp_path / "aide-memoire.pdf"
    sheet = aide_memoire(at=datetime(2026, 12, 25, 10, 0), letter_date=date(2026, 11, 25))
    write_document(sheet, target)
    text = pdf_text(target)
    assert "Prochaine ouverture : lundi 28 décembre 2026 à 8 h 30" in text
    assert "mercredi 6 janvier 2027. Il reste 12 jours pour refuser" in text


def test_html_sheet_is_escaped_and_a4(tmp_path: Path) -> None:
    target = tmp_path / "aide-memoire.html"
    write_document(aide_memoire(at=FRIDAY_EVENING, advice=["<b>gras</b>"]), target)
    page = target.read_text(encoding="utf-8")
    assert "&lt;b&gt;gras&lt;/b&gt;" in page
    assert "<b>" not in page
    assert 'class="highlight"' in page
    assert page.count('class="box"') == 12 + 15 + 13
