"""Numbers in French words, checked against text2num reading them back."""

from __future__ import annotations

import pytest
from text_to_num import text2num

from repetition_3422.domain.spoken import french_number, read_characters, read_group


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zéro"),
        (1, "un"),
        (17, "dix-sept"),
        (21, "vingt et un"),  # « et » for 21, 31 … 61 and 71
        (70, "soixante-dix"),
        (71, "soixante et onze"),
        (80, "quatre-vingts"),  # the s only when nothing follows
        (81, "quatre-vingt-un"),  # no « et » after quatre-vingt
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
        (100, "cent"),
        (101, "cent un"),
        (180, "cent quatre-vingts"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (971, "neuf cent soixante et onze"),
    ],
)
def test_french_number(number: int, words: str) -> None:
    assert french_number(number) == words


@pytest.mark.parametrize("number", range(1000))
def test_text2num_reads_every_number_back(number: int) -> None:
    assert text2num(french_number(number), "fr") == number


@pytest.mark.parametrize("number", [-1, 1000])
def test_french_number_range(number: int) -> None:
    with pytest.raises(ValueError, match="0–999"):
        french_number(number)


@pytest.mark.parametrize(
    ("group", "spoken"),
    [
        ("05", "zéro cinq"),
        ("000", "zéro zéro zéro"),
        ("012", "zéro douze"),
        ("112", "cent douze"),
        ("2A", "deux A"),
        ("12345", "un deux trois quatre cinq"),  # beyond 999: digit by digit
    ],
)
def test_read_group(group: str, spoken: str) -> None:
    assert read_group(group) == spoken


def test_read_characters() -> None:
    assert read_characters("k70") == "K, sept, zéro"
