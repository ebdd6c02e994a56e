"""The 12-character confidential code: checks, comparison, layout, spelling aloud."""

from __future__ import annotations

import pytest

from repetition_3422.domain.code import code_spoken, codes_equal, format_code, validate_code
from repetition_3422.domain.problems import InvalidValue


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("K7B2XM4P9QRT", "K7B2XM4P9QRT"),
        ("k7b2xm4p9qrt", "K7B2XM4P9QRT"),  # case does not matter
        ("K7B2 XM4P 9QRT", "K7B2XM4P9QRT"),
        ("K7B2-XM4P-9QRT", "K7B2XM4P9QRT"),
        ("K7B2.XM4P.9QRT", "K7B2XM4P9QRT"),
        ("ABCDEFGHIJKL", "ABCDEFGHIJKL"),  # letters only are allowed by the pattern
        ("123456789012", "123456789012"),
    ],
)
def test_validate_code_accepts(typed: str, expected: str) -> None:
    assert validate_code(typed) == expected


@pytest.mark.parametrize(
    ("typed", "rule", "words"),
    [
        ("", "code.empty", "Saisir le code provisoire à 12 caractères"),
        ("K7B2XM4P9QR", "code.length", "Le code doit contenir 12 caractères : 11 trouvés"),
        ("K7B2XM4P9QRTT", "code.length", "il y en a 1 de trop"),
        # Official order: the length first, then the characters.
        ("K7B2XM4P9QR#", "code.characters", "Cette saisie contient un caractère non autorisé"),
        ("K7B2XM4P9QRÉ", "code.characters", "« É »"),  # accented letters are not allowed
    ],
)
def test_validate_code_names_the_broken_rule(typed: str, rule: str, words: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_code(typed)
    assert caught.value.rule == rule
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("K7B2XM4P9QRT", "k7b2 xm4p 9qrt", True),
        ("K7B2XM4P9QRT", "K7B2-XM4P-9QRT", True),
        ("K7B2XM4P9QRT", "K7B2XM4P9QRA", False),
        ("K7B2XM4P9QRT", "K7B2XM4P9QR", False),
    ],
)
def test_codes_equal(first: str, second: str, same: bool) -> None:
    assert codes_equal(first, second) is same


def test_format_code() -> None:
    assert format_code("k7b2xm4p9qrt") == "K7B2 XM4P 9QRT"


def test_code_spoken() -> None:
    assert code_spoken("K7B2XM4P9QRT") == "K, sept, B, deux — X, M, quatre, P — neuf, Q, R, T"
