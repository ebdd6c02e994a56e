"""Reading codes, NIRs, serials, card types, yes/no and dates out of whole sentences."""

from __future__ import annotations

from datetime import date

import pytest

from repetition_3422.domain.nir import nir_key
from repetition_3422.language.model import SlotType
from repetition_3422.language.slot_types import (
    NOTHING,
    SlotReading,
    find_personal_data,
    read_slot,
    same_value,
)

BODY = "2840575112000"
NIR = BODY + nir_key(BODY)  # order number 000: never anyone's
CORSICA_BODY = "185052A123000"
CORSICA = CORSICA_BODY + nir_key(CORSICA_BODY)
TODAY = date(2025, 3, 4)


def test_fixtures_are_fictional() -> None:
    assert NIR[10:13] == "000"
    assert CORSICA[10:13] == "000"


@pytest.mark.parametrize(
    ("slot_type", "text", "value", "rule"),
    [
        ("nir", f"oui alors mon numéro c'est le {NIR[0]}.{NIR[1:3]}.{NIR[3:5]}.{NIR[5:7]}."
                f"{NIR[7:10]}.{NIR[10:13]}.{NIR[13:]}", NIR, None),
        ("nir", "deux quatre-vingt-quatre zéro cinq soixante-quinze cent douze zéro zéro zéro "
                + NIR[13:], NIR, None),
        ("nir", f"c'est le {CORSICA[0]} {CORSICA[1:3]} {CORSICA[3:5]} 2A {CORSICA[7:10]} "
                f"{CORSICA[10:13]} {CORSICA[13:]}", CORSICA, None),
        ("nir", NIR, NIR, None),
        ("nir", f"{NIR[:13]} et la clé {NIR[13:]}", NIR, None),
        ("nir", NIR[:-1], None, "nir.length"),  # one digit missing
        ("nir", NIR[:-2] + ("01" if NIR[-2:] != "01" else "02"), None, "nir.key"),
        ("nir", "pouvez-vous répéter ?", None, None),  # no attempt at all
        ("nir", "il est sur la carte, deux secondes", None, None),
        ("code", "mon code c AB12 CD34 EF56", "AB12CD34EF56", None),
        ("code", "c'est le ab12-cd34-ef56 voilà", "AB12CD34EF56", None),
        ("code", "A B un deux C D trois quatre E F cinq six", "AB12CD34EF56", None),
        ("code", "ab12 cd34 ef5", None, "code.length"),
        ("code", "c quoi le code à 12 caractères ?", None, None),
        ("code", "je n'ai pas reçu de code", None, None),
        ("vitale_serial", "le numéro c'est 123 456 789 01", "12345678901", None),
        ("vitale_serial", "8025000002 123 456 789 01", None, "serial.full-line"),
        ("vitale_serial", "1234567", None, "serial.length"),
        ("vitale_type", "la verte sans photo", "sans-photo", None),
        ("vitale_type", "celle avec photo", "avec-photo", None),
        ("vitale_type", "je ne sais pas", None, None),
        ("yes_no", "oui je suis sûr", "oui", None),
        ("yes_no", "non pas du tout", "non", None),
        ("yes_no", "je ne suis pas sûr", "non", None),  # « pas sûr » before « sûr »
        ("date", "le 3 mars", "2025-03-03", None),
        ("date", "aujourd'hui", "2025-03-04", None),
        ("date", "le 31/02/2024", None, "date.invalid"),
        ("text", "  à l'adresse habituelle ", "à l'adresse habituelle", None),
        ("text", "   ", None, None),
    ],
)  # fmt: skip
def test_read_slot(slot_type: SlotType, text: str, value: str | None, rule: str | None) -> None:
    reading = read_slot(slot_type, text, card_type="avec-photo", today=TODAY)
    assert (reading.value, reading.rule) == (value, rule)
    assert reading.attempted == (value is not None or rule is not None)


def test_serial_length_depends_on_card_type() -> None:
    assert read_slot("vitale_serial", "12345678", card_type="sans-photo").value == "12345678"
    assert read_slot("vitale_serial", "12345678", card_type="avec-photo").rule == "serial.length"


def test_serial_taken_from_the_nir_is_refused() -> None:
    reading = read_slot("vitale_serial", NIR[2:12], card_type="sans-photo", nir=NIR)
    assert reading.rule == "serial.in-nir"


def test_nothing_is_not_an_attempt() -> None:
    assert not NOTHING.attempted
    assert SlotReading(rule="nir.key").attempted


@pytest.mark.parametrize(
    ("slot_type", "given", "expected", "same"),
    [
        ("code", "ab12cd34ef56", "AB12 CD34 EF56", True),
        ("nir", NIR, f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:]}", True),
        ("vitale_serial", "12345678901", "123 456 789 01", True),
        ("vitale_serial", "12345678901", "123 456 789 02", False),
        ("vitale_type", "avec-photo", "avec-photo", True),
    ],
)  # fmt: skip
def test_same_value(slot_type: SlotType, given: str, expected: str, same: bool) -> None:
    assert same_value(slot_type, given, expected) is same


@pytest.mark.parametrize(
    ("text", "asked", "found"),
    [
        (f"c'est {NIR} et ma carte 12345678", "nir", ("vitale_serial",)),
        (f"mon code AB12CD34EF56 et mon numéro {NIR}", "code", ("nir",)),
        (f"{NIR}", None, ()),  # nothing asked yet: only early, not superfluous
        ("mon mail c'est jean.dupont@exemple.fr", "nir", ("email",)),
        ("appelez-moi au 06 12 34 56 78", None, ("phone",)),
        ("j'habite 12 rue des Lilas", "code", ("address",)),
        ("j'ai reçu la lettre le 12 03 2025", "code", ()),  # a date is not a serial
        ("jean point dupont arobase exemple point fr", None, ("email",)),
        ("mon adresse mail c'est jean@exemple.fr", "text", ()),  # free text was asked
    ],
)
def test_find_personal_data(text: str, asked: SlotType | None, found: tuple[str, ...]) -> None:
    reading = read_slot(asked, text) if asked in ("nir", "code") else NOTHING
    assert find_personal_data(text, asked=asked, consumed=reading.heard) == found
