"""French spacing and apostrophes; dates, times and durations as documents write them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from repetition_3422.documents.model import Document, Heading, Item, ItemList
from repetition_3422.documents.typography import (
    NBSP,
    NNBSP,
    clock,
    date_and_time,
    duration,
    french,
    long_date,
    polish,
    short_date,
    together,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date :", f"Date{NBSP}:"),
        ("Vraiment ?", f"Vraiment{NNBSP}?"),
        ("Merci !", f"Merci{NNBSP}!"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("« oui »", f"«{NBSP}oui{NBSP}»"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),  # missing spaces inside guillemets are added
        ("l'appel d'aujourd'hui", "l’appel d’aujourd’hui"),
        ("08:30", "08:30"),  # no space before the colon: a time, left alone
        ("https://exemple.fr/?q=1", "https://exemple.fr/?q=1"),
        ("Il a dit 'oui'", "Il a dit 'oui'"),  # quote marks, not apostrophes
        ("Prix  :", f"Prix{NBSP}:"),  # several spaces become one no-break space
    ],
)
def test_french_spacing(text: str, expected: str) -> None:
    assert french(text) == expected


def test_french_is_idempotent() -> None:
    text = "Bonjour : « l'espace » ; vraiment ? oui !"
    assert french(french(text)) == french(text)


def test_polish_reaches_every_text_but_leaves_english_alone() -> None:
    document = Document(
        "Titre : test", (Heading("Partie ?"), ItemList((Item("texte !", lead="Début :"),)))
    )
    polished = polish(document)
    assert polished.title == f"Titre{NBSP}: test"
    assert polished.blocks == (
        Heading(f"Partie{NNBSP}?"),
        ItemList((Item(f"texte{NNBSP}!", lead=f"Début{NBSP}:"),)),
    )
    english = Document("Title : x", (), lang="en")
    assert polish(english) is english


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 6), "mercredi 6 janvier 2027"),
        (date(2027, 1, 1), "vendredi 1er janvier 2027"),
        (date(2026, 12, 28), "lundi 28 décembre 2026"),
        (date(2027, 8, 15), "dimanche 15 août 2027"),
    ],
)
def test_long_date(day: date, expected: str) -> None:
    assert long_date(day) == expected


def test_short_date() -> None:
    assert short_date(date(2015, 4, 3)) == "3 avril 2015"
    assert short_date(date(2015, 5, 1)) == "1er mai 2015"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [(time(8, 30), "8 h 30"), (time(17, 0), "17 h"), (time(9, 5), "9 h 05")],
)
def test_clock_keeps_hour_and_minutes_together(moment: time, expected: str) -> None:
    assert clock(moment) == together(expected)
    assert " " not in clock(moment)


def test_date_and_time() -> None:
    assert (
        date_and_time(datetime(2026, 12, 28, 8, 30)) == f"lundi 28 décembre 2026 à 8{NBSP}h{NBSP}30"
    )


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0 s"),
        (44.6, "45 s"),
        (372.4, "6 min 12 s"),
        (3720, "1 h 02 min"),
        (-3, "0 s"),  # a clock gone wrong never prints a negative duration
    ],
)
def test_duration(seconds: float, expected: str) -> None:
    assert duration(seconds) == together(expected)
