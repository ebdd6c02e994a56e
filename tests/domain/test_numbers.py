"""French number words to digits: what text2num does, what it misses, and keypad words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_to_num import alpha2digit

from repetition_3422.domain.identity import generate_identity
from repetition_3422.domain.nir import nir_spoken
from repetition_3422.domain.numbers import parse_keypad_word, words_to_digits
from repetition_3422.domain.vitale import serial_spoken


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("deux quatre-vingt-quatre zero cinq soixante-quinze", "2 84 05 75"),
        ("deux, quatre-vingt-quatre, zéro cinq, soixante-quinze", "2, 84, 05, 75"),
        ("cent douze zéro zéro zéro quatre-vingt-deux", "112 00082"),
        ("quatre vingt quatre", "84"),  # without hyphens
        ("tapez un", "tapez 1"),
        ("tapez deux", "tapez 2"),
        ("le un ou le deux", "le 1 ou le 2"),
        ("un", "1"),
        ("Un.", "1."),
        ("DEUX", "2"),
        ("zéro", "0"),
        ("mon code est A B un deux", "mon code est A B 1 2"),
        ("A un B deux", "A 1 B 2"),  # a spelled code: « un » between letters
        ("a un b deux", "a 1 b 2"),  # lower case too: « a » beside a spelled « b »
        ("il y a un", "il y a un"),  # « a » alone is the verb
        ("12 un 34", "12 1 34"),
        ("le code se termine par 12 un", "le code se termine par 12 1"),
        ("5 zéro", "5 0"),
        ("double zéro cinq", "005"),
        ("triple sept", "7 7 7"),
        ("zéro-cinq", "05"),  # text2num alone drops the zero
        ("il y a trois codes", "il y a 3 codes"),
        # « un »/« une » as articles or pronouns stay words.
        ("j'ai un code", "j'ai un code"),
        ("j'ai une question", "j'ai une question"),
        ("tapez un code", "tapez un code"),
        ("il y a un code", "il y a un code"),
        ("l'un des deux", "l'un des 2"),
        ("En 2022 un courrier est arrivé", "En 2022 un courrier est arrivé"),
        ("J'ai 2 ans. Un ami m'a aidé", "J'ai 2 ans. Un ami m'a aidé"),
        ("deux-roues", "deux-roues"),  # part of a word
        ("zéros", "zéros"),
        ("bonjour madame", "bonjour madame"),
    ],
)
def test_words_to_digits(text: str, digits: str) -> None:
    assert words_to_digits(text) == digits


@pytest.mark.parametrize(
    ("text", "alpha2digit_alone"),
    [
        ("deux quatre-vingt-quatre zero cinq", "2 84 zero 5"),  # « zero » unknown
        ("tapez un", "tapez un"),  # lone numbers below 3 are left as words
        ("le deux", "le deux"),
        ("double zéro", "double zéro"),
        ("zéro-cinq", "5"),  # the zero is lost
        ("5 zéro", "5 zéro"),
        ("A un B deux", "A un B deux"),
    ],
)
def test_gaps_of_alpha2digit_that_words_to_digits_fills(text: str, alpha2digit_alone: str) -> None:
    """If text2num closes one of these gaps, this test says so and the fix can go."""
    assert alpha2digit(text, "fr") == alpha2digit_alone
    assert words_to_digits(text) != alpha2digit_alone


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("un", "1"),
        ("le un", "1"),
        ("le deux", "2"),
        ("tapez 2", "2"),
        ("Tapez Un !", "1"),
        ("zéro", "0"),
        ("zero", "0"),
        ("0", "0"),
        ("touche étoile", "*"),
        ("la touche dièse", "#"),
        ("diese", "#"),
        ("*", "*"),
        ("le premier", "1"),
        ("la deuxième", "2"),
        ("euh, le 3 s'il vous plaît", "3"),
        ("je voudrais le neuf", "9"),
        ("appuyez sur la touche 4", "4"),
        # Not exactly one key:
        ("j'ai un code", None),
        ("12", None),
        ("dix", None),
        ("un ou deux", None),
        ("conseiller", None),  # a choice said in words belongs to the script's intents
        ("", None),
    ],
)
def test_parse_keypad_word(text: str, key: str | None) -> None:
    assert parse_keypad_word(text) == key


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_reading_aloud_then_back_gives_the_same_digits(seed: int) -> None:
    identity = generate_identity(seed)
    heard_nir = words_to_digits(nir_spoken(identity.nir))
    assert re.sub(r"[\s,]", "", heard_nir) == identity.nir
    heard_serial = words_to_digits(serial_spoken(identity.vitale_serial))
    assert re.sub(r"[\s,]", "", heard_serial) == identity.vitale_serial
