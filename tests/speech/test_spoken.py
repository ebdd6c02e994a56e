"""Numbers rewritten for the ear, and lines cut into sentences."""

from __future__ import annotations

import pytest

from repetition_3422.speech.spoken import pairs, split_sentences, spoken
from tests.speech.helpers import needs_espeak, phonemes

NIR_WORDS = (
    "deux, quatre-vingt-quatre, zéro cinq, soixante-quinze, cent douze, "
    "trois cent quarante-cinq, vingt-huit"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NIR : 2 84 05 75 112 345 28.", f"NIR : {NIR_WORDS}."),
        ("NIR : 284057511234528.", f"NIR : {NIR_WORDS}."),
        ("NIR : 2.84.05.75.112.345.28", f"NIR : {NIR_WORDS}"),
        # Corsica: the department is "deux A"
        (
            "1 85 12 2A 004 000 45",
            "un, quatre-vingt-cinq, douze, deux A, zéro zéro quatre, zéro zéro zéro, quarante-cinq",
        ),
        # a code, one character at a time, groups of four apart
        ("Code K7B2 XM4P 9QRT ?", "Code K, sept, B, deux — X, M, quatre, P — neuf, Q, R, T ?"),
        ("code k7b2xm4p9qrt", "code K, sept, B, deux — X, M, quatre, P — neuf, Q, R, T"),
        ("code K7B2-XM4P-9QRT", "code K, sept, B, deux — X, M, quatre, P — neuf, Q, R, T"),
        # grouped codes are in capitals: a word before them is not a group
        ("Code ABCD EFGH IJK1 merci", "Code A, B, C, D — E, F, G, H — I, J, K, un merci"),
        # a Vitale serial in short groups
        (
            "Série 12345678901.",
            "Série cent vingt-trois, quatre cent cinquante-six, "
            "sept cent quatre-vingt-neuf, zéro un.",
        ),
        # a phone number in pairs
        (
            "le 01 23 45 67 89",
            "le zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf",
        ),
        ("Appelez le 3422.", "Appelez le trente-quatre vingt-deux."),
        # left alone: amounts with thousands spaces, short numbers, decimals, plain words
        ("Entre 12 000 et 15 000 euros.", "Entre 12 000 et 15 000 euros."),
        ("Le 12 mars 2025 à 8 h 30.", "Le 12 mars 2025 à 8 h 30."),
        ("Pi vaut 3,14159.", "Pi vaut 3,14159."),
        ("Une administration", "Une administration"),
        ("ABCDEFGHIJKL", "ABCDEFGHIJKL"),
    ],
)
def test_numbers_are_rewritten_as_dictated(line: str, expected: str) -> None:
    assert spoken(line) == expected


def test_long_digit_runs_are_never_one_number() -> None:
    assert spoken("98765432109876543") == (
        "quatre-vingt-dix-huit, soixante-seize, cinquante-quatre, trente-deux, dix, "
        "quatre-vingt-dix-huit, soixante-seize, cinq cent quarante-trois"
    )


@pytest.mark.parametrize(
    ("digits", "groups"),
    [("12345", ["12", "345"]), ("123456", ["12", "34", "56"]), ("123", ["123"])],
)
def test_pairs(digits: str, groups: list[str]) -> None:
    assert pairs(digits) == groups


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("Bonjour. Un instant !", ["Bonjour.", "Un instant !"]),
        # titles and initials do not end a sentence
        ("Je suis M. Martin. Et vous ?", ["Je suis M. Martin.", "Et vous ?"]),
        ("Mme. Lefèvre, J. Dupont.", ["Mme. Lefèvre, J. Dupont."]),
        ("Vraiment ?! Oui… Bien.", ["Vraiment ?!", "Oui…", "Bien."]),
        ("   ", []),
        ("...", []),
    ],
)
def test_split_sentences(line: str, sentences: list[str]) -> None:
    assert split_sentences(line) == sentences


def test_a_very_long_sentence_is_cut_at_a_comma() -> None:
    line = ", ".join(["une assez longue proposition subordonnée"] * 10) + "."
    parts = split_sentences(line)
    assert len(parts) > 1
    assert all(len(part) <= 180 for part in parts)
    assert " ".join(parts) == line


@needs_espeak
@pytest.mark.espeak
def test_the_voice_says_the_groups_not_billions() -> None:
    raw = phonemes("284057511234528 et 1234567890")
    said = phonemes(spoken("2 84 05 75 112 345 28 et 1234567890"))
    # the control: read as written, espeak-ng says "milliard"
    assert "milj'ar" in raw
    assert "milj" not in said
    for group in ("quatre-vingt-quatre", "zéro cinq", "soixante-quinze", "vingt-huit"):
        assert phonemes(group) in said


@needs_espeak
@pytest.mark.espeak
def test_the_code_is_spelled_letter_by_letter() -> None:
    said = phonemes(spoken("Code K7B2 XM4P 9QRT"))
    for letter in ("K", "sept", "B", "X", "M", "Q", "R"):
        assert unstressed(phonemes(letter)) in unstressed(said)


def unstressed(phonemes_: str) -> str:
    """Phonemes without stress marks, which depend on the position in the phrase."""
    return phonemes_.replace("'", "").replace(",", "")
