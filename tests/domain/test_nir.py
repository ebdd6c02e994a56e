"""NIR: cleaning, the official checks with their rule ids, layout and reading aloud."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.fr import nir as stdnum_nir

from repetition_3422.domain.nir import (
    clean_nir,
    format_nir,
    nir_groups,
    nir_key,
    nir_spoken,
    validate_nir,
)
from repetition_3422.domain.problems import InvalidValue

# Fictional NIRs only: order number 000 is never given to anyone.
PARIS = "284057511200082"  # woman, 1984-05, Paris (75), commune 112
CORSICA_A = "185122A12300019"
CORSICA_B = "185122B12300046"
GUADELOUPE = "185129711200086"  # 971 with a 2-digit commune (12)
ABROAD = "199039935000016"  # 99 + country 350


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2 84 05 75 112 000 82", PARIS),
        ("2.84.05.75.112.000.82", PARIS),
        ("2-84-05-75-112-000-82", PARIS),
        ("2/84/05/75/112/000/82", PARIS),
        ("2_84_05_75_112_000_82", PARIS),
        ("284057511200082", PARIS),
        ("\t2 84\u00a005\u202f75 112 000 82\n", PARIS),  # no-break and narrow spaces
        ("2–84—05 75 112 000 82", PARIS),  # typographic dashes from a word processor
        ("1 85 12 2a 123 000 19", CORSICA_A),  # 2a in lower case
        ("1 85 12 2B 123 000 46", CORSICA_B),
        ("1 85 12 971 12 000 86", GUADELOUPE),
        ("1 99 03 99 350 000 16", ABROAD),
    ],
)
def test_validate_nir_accepts_any_spacing(typed: str, expected: str) -> None:
    assert validate_nir(typed) == expected


@pytest.mark.parametrize(
    ("typed", "rule", "words"),
    [
        ("", "nir.empty", "Saisir le numéro de sécurité sociale"),
        ("   ", "nir.empty", "Saisir le numéro de sécurité sociale"),
        ("2 84 05 75 112 000 8", "nir.length", "15 caractères : 14 trouvés, il en manque 1"),
        ("2 84 05 75 112 000 820", "nir.length", "il y en a 1 de trop"),
        # 13 characters: the key was left out, and the message says so.
        ("2 84 05 75 112 000", "nir.length", "clé"),
        (
            "2 84 05 75 112 OOO 82",
            "nir.characters",
            "n° 11, « O », n'est pas un chiffre",
        ),  # letter O for zero
        ("2 84 05 3A 112 000 82", "nir.characters", "« 3A » n'est pas un département"),
        ("2 84 05 75 1A2 000 82", "nir.characters", "n° 9"),
        # The key matches no first 13 digits: one digit misread (112 → 113).
        ("2 84 05 75 113 000 82", "nir.key", "la clé"),
        # Official app's stricter checks, each with its own rule.
        ("3 84 05 75 112 000 32", "nir.sex", "1 (homme) ou 2 (femme)"),
        ("7 84 05 75 112 000 26", "nir.sex", "numéro provisoire"),  # temporary NIA
        ("2 84 00 75 112 000 02", "nir.month", "entre 01 et 12"),
        ("2 84 13 75 112 000 16", "nir.month", "entre 01 et 12, et non 13"),
        ("1 85 20 75 112 000 32", "nir.month", "3422"),  # month 20: birth month unknown
    ],
)
def test_validate_nir_names_the_broken_rule(typed: str, rule: str, words: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_nir(typed)
    assert caught.value.rule == rule
    assert words in caught.value.message
    assert str(caught.value) == caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "3 84 05 75 112 000 32",  # sex 3: stdnum checks only length, characters and key
        "1 85 20 75 112 000 32",  # unknown birth month, a real case sent to the 3422
        "2 84 00 75 112 000 02",
    ],
)
def test_lenient_check_accepts_what_only_the_official_app_refuses(typed: str) -> None:
    assert validate_nir(typed, strict=False) == clean_nir(typed)


def test_official_messages_start_with_the_apps_own_text() -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_nir("2 84 05 75 113 000 82")
    assert caught.value.message.startswith(
        "Format invalide, vérifier le format du numéro de sécurité sociale"
    )
    with pytest.raises(InvalidValue) as caught:
        validate_nir("2840")
    assert caught.value.message.startswith(
        "Le numéro de sécurité sociale doit contenir 15 caractères"
    )


@pytest.mark.parametrize(
    ("first13", "key"),
    [
        ("2840575112000", "82"),
        ("2 84 05 75 112 000", "82"),
        ("185122A123000", "19"),  # 2A counts as 19
        ("185122b123000", "46"),  # 2B counts as 18
        ("2840075112000", "02"),  # keys below 10 keep their zero
    ],
)
def test_nir_key(first13: str, key: str) -> None:
    assert nir_key(first13) == key


def test_nir_key_needs_13_characters() -> None:
    with pytest.raises(InvalidValue) as caught:
        nir_key("284057511200")
    assert caught.value.rule == "nir.length"


@pytest.mark.parametrize(
    ("nir", "written"),
    [
        (PARIS, "2 84 05 75 112 000 82"),
        ("2.84.05.75.112.000.82", "2 84 05 75 112 000 82"),
        (CORSICA_A, "1 85 12 2A 123 000 19"),
        (GUADELOUPE, "1 85 12 971 12 000 86"),  # overseas: 3-digit department
        (ABROAD, "1 99 03 99 350 000 16"),
    ],
)
def test_format_nir(nir: str, written: str) -> None:
    assert format_nir(nir) == written


@pytest.mark.parametrize(
    ("nir", "spoken"),
    [
        (
            PARIS,
            "deux, quatre-vingt-quatre, zéro cinq, soixante-quinze, cent douze, "
            "zéro zéro zéro, quatre-vingt-deux",
        ),
        (
            CORSICA_A,
            "un, quatre-vingt-cinq, douze, deux A, cent vingt-trois, zéro zéro zéro, dix-neuf",
        ),
        (
            GUADELOUPE,
            "un, quatre-vingt-cinq, douze, neuf cent soixante et onze, douze, zéro zéro zéro, "
            "quatre-vingt-six",
        ),
    ],
)
def test_nir_spoken(nir: str, spoken: str) -> None:
    assert nir_spoken(nir) == spoken


def test_groups_need_a_whole_nir() -> None:
    with pytest.raises(InvalidValue) as caught:
        nir_groups("2 84 05")
    assert caught.value.rule == "nir.length"


@given(body=st.from_regex(r"[12][0-9]{2}(0[1-9]|1[0-2])(2[AB]|[0-9]{2})[0-9]{6}", fullmatch=True))
def test_a_computed_key_always_passes_the_strict_check(body: str) -> None:
    nir = body + nir_key(body)
    assert validate_nir(nir) == nir
    assert stdnum_nir.is_valid(nir)
    assert 1 <= int(nir[-2:]) <= 97


@given(text=st.text(alphabet="0123456789AB .-", max_size=20))
def test_validate_nir_either_returns_a_valid_nir_or_names_a_rule(text: str) -> None:
    try:
        nir = validate_nir(text, strict=False)
    except InvalidValue as problem:
        assert problem.rule.startswith("nir.")
        assert problem.message
    else:
        assert stdnum_nir.is_valid(nir)
