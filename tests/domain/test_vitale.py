"""Carte Vitale: serial checks in the official form's order, the 21-digit line, reading aloud."""

from __future__ import annotations

import pytest

from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import (
    TECHNICAL_NUMBER,
    VITALE_TYPE_LABELS,
    VITALE_TYPES,
    VitaleType,
    format_serial,
    parse_vitale_type,
    serial_from_full_line,
    serial_groups,
    serial_spoken,
    validate_serial,
    vitale_type_label,
)

NIR = "284057511200082"  # fictional: order number 000


def test_the_two_card_types_of_the_form() -> None:
    assert VITALE_TYPES == ("avec-photo", "sans-photo")
    assert TECHNICAL_NUMBER == "80250000025"


@pytest.mark.parametrize(
    ("typed", "card_type", "expected"),
    [
        ("12345678", "sans-photo", "12345678"),  # shortest: 8 digits
        ("1234567890123", "sans-photo", "1234567890123"),  # longest: 13 digits
        ("123 456 789", "sans-photo", "123456789"),
        ("123.456-789", "sans-photo", "123456789"),
        ("123 456 789 01", "avec-photo", "12345678901"),
    ],
)
def test_validate_serial_accepts(typed: str, card_type: VitaleType, expected: str) -> None:
    assert validate_serial(typed, card_type, nir=NIR) == expected


@pytest.mark.parametrize(
    ("typed", "card_type", "rule", "words"),
    [
        ("", "sans-photo", "serial.empty", "Saisir le numéro de série"),
        ("1234567O", "sans-photo", "serial.digits", "Saisir uniquement des chiffres"),
        ("1234567O", "sans-photo", "serial.digits", "« O »"),  # letter O typed for zero
        ("1234567", "sans-photo", "serial.length", "entre 8 et 13 chiffres : 7 trouvés"),
        ("12345678901234", "sans-photo", "serial.length", "il y en a 1 de trop"),
        ("1234567890", "avec-photo", "serial.length", "doit contenir 11 chiffres : 10 trouvés"),
        ("123456789012", "avec-photo", "serial.length", "il y en a 1 de trop"),
        # The whole printed line of a card with photo instead of its last 11 digits.
        ("8025000002 123 456 789 01", "avec-photo", "serial.full-line", "11 derniers chiffres"),
        # The same line read while the sans-photo type was chosen: check the type.
        ("802500000212345678901", "sans-photo", "serial.full-line", "type de carte"),
        # A date DDMMYYYY (someone read the card's date): the form refuses it.
        ("12051984", "sans-photo", "serial.date", "ne doit pas être une date"),
        ("31022001", "sans-photo", "serial.date", "une date"),  # no calendar check, as official
        # Part of the NIR (someone read the NIR again).
        ("05751120", "sans-photo", "serial.in-nir", "numéro de sécurité sociale"),
        ("284057511200082"[:13], "sans-photo", "serial.in-nir", "identique"),
        # Part of the scheme's technical number 80250000025.
        ("80250000", "sans-photo", "serial.technical", "numéro technique"),
        ("80250000025", "avec-photo", "serial.technical", "numéro technique"),
    ],
)
def test_validate_serial_names_the_broken_rule(
    typed: str, card_type: VitaleType, rule: str, words: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_serial(typed, card_type, nir=NIR)
    assert caught.value.rule == rule
    assert words in caught.value.message


def test_official_texts_are_kept() -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_serial("123", "sans-photo")
    assert caught.value.message.startswith(
        "Format invalide, le numéro de série doit contenir entre 8 et 13 chiffres"
    )


def test_without_nir_the_in_nir_check_is_skipped() -> None:
    assert validate_serial("05751120", "sans-photo") == "05751120"


def test_unknown_card_type() -> None:
    with pytest.raises(InvalidValue) as caught:
        validate_serial("12345678", "verte")  # type: ignore[arg-type]
    assert caught.value.rule == "vitale.type"


@pytest.mark.parametrize(
    ("typed", "serial"),
    [
        ("802500000212345678901", "12345678901"),
        ("8025 0000 02 123 456 789 01", "12345678901"),
        ("12345678901", None),  # already the last 11 digits
        ("802500000212345678", None),  # too short to be the whole line
        ("902500000212345678901", None),  # another prefix
    ],
)
def test_serial_from_full_line(typed: str, serial: str | None) -> None:
    assert serial_from_full_line(typed) == serial


@pytest.mark.parametrize(
    ("serial", "groups"),
    [
        ("12345678", ("123", "456", "78")),
        ("123456789", ("123", "456", "789")),
        ("1234567890", ("123", "456", "78", "90")),  # never a lone digit at the end
        ("12345678901", ("123", "456", "789", "01")),
        ("1234567890123", ("123", "456", "789", "01", "23")),
    ],
)
def test_serial_groups(serial: str, groups: tuple[str, ...]) -> None:
    assert serial_groups(serial) == groups
    assert format_serial(serial) == " ".join(groups)


def test_serial_spoken() -> None:
    assert serial_spoken("12345678901") == (
        "cent vingt-trois, quatre cent cinquante-six, sept cent quatre-vingt-neuf, zéro un"
    )
    assert serial_spoken("10002003") == "cent, zéro vingt, zéro trois"


@pytest.mark.parametrize(
    ("text", "card_type"),
    [
        ("avec-photo", "avec-photo"),
        ("sans-photo", "sans-photo"),
        ("Carte Vitale avec photo", "avec-photo"),
        ("c'est la carte sans photo", "sans-photo"),
        ("AVEC PHOTO", "avec-photo"),
    ],
)
def test_parse_vitale_type(text: str, card_type: VitaleType) -> None:
    assert parse_vitale_type(text) == card_type


@pytest.mark.parametrize("text", ["verte", "photo", "avec ou sans photo", ""])
def test_parse_vitale_type_refuses(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_vitale_type(text)
    assert caught.value.rule == "vitale.type"


def test_labels_are_the_forms_own() -> None:
    for card_type in VITALE_TYPES:
        assert vitale_type_label(card_type) == VITALE_TYPE_LABELS[card_type]
    assert vitale_type_label("avec-photo") == "Carte Vitale avec photo"
