"""The identity's numbers in steps: each filter says the number as promised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repetition_3422.authoring.numbers import FieldError, escape, render
from repetition_3422.domain.identity import generate_identity
from repetition_3422.language.model import SlotType
from repetition_3422.language.slot_types import read_slot, same_value

IDENTITIES = [generate_identity(seed) for seed in range(1, 41)]
"""Forty FICTIF cards: both card types, Corsica, overseas and abroad births among them."""


def test_the_cards_are_fictional_and_varied() -> None:
    assert all(identity.nir[10:13] == "000" for identity in IDENTITIES)
    assert {identity.vitale_type for identity in IDENTITIES} == {"avec-photo", "sans-photo"}


def heard_rule(slot_type: SlotType, text: str, expected: str, card: str, nir: str) -> str | None:
    """The rule the engine finds in ``text`` (``mismatch`` for a valid other value)."""
    reading = read_slot(slot_type, text, card_type=card, nir=nir)
    if reading.value is None:
        return reading.rule or "nothing"
    return None if same_value(slot_type, reading.value, expected) else "mismatch"


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("{identity.code}", None),
        ("{identity.code|grouped}", None),
        ("{identity.code|spelled}", None),
        ("{identity.code|lower}", None),
        ("{identity.code|short}", "code.length"),
        ("{identity.code|other}", "mismatch"),
        ("{identity.nir}", None),
        ("{identity.nir|grouped}", None),
        ("{identity.nir|dots}", None),
        ("{identity.nir|spoken}", None),
        ("{identity.nir|short}", "nir.length"),
        ("{identity.nir|wrong_key}", "nir.key"),
        ("{identity.nir|other}", "mismatch"),
        ("{identity.vitale_serial}", None),
        ("{identity.vitale_serial|grouped}", None),
        ("{identity.vitale_serial|spoken}", None),
        ("{identity.vitale_serial|short}", "serial.length"),
        ("{identity.vitale_serial|other}", "mismatch"),
        ("{identity.vitale_type|words}", None),
        ("{identity.vitale_type|other}", "mismatch"),
    ],
)
def test_each_filter_gives_what_it_promises(field: str, rule: str | None) -> None:
    name = field.strip("{}").split("|")[0].split(".")[1]
    slot_type: SlotType = name  # type: ignore[assignment]
    for identity in IDENTITIES:
        text = f"alors c'est {render(field, identity)}, voilà"
        expected = str(getattr(identity, name))
        assert heard_rule(slot_type, text, expected, identity.vitale_type, identity.nir) == rule, (
            identity,
            text,
        )


def test_the_whole_line_of_a_card_with_photo_is_refused_as_such() -> None:
    for identity in IDENTITIES:
        if identity.vitale_type == "avec-photo":
            text = render("{identity.vitale_serial|full_line}", identity)
            reading = read_slot("vitale_serial", text, card_type="avec-photo", nir=identity.nir)
            assert reading.rule == "serial.full-line"


def test_names_and_the_represented_person() -> None:
    identity = generate_identity(3, represented="enfant")
    assert render("{identity.last_name|upper}", identity) == (identity.last_name or "").upper()
    assert render("{represented.kind}", identity) == "enfant"
    assert render("{represented.code|grouped}", identity).replace(" ", "") == (
        identity.represented.code if identity.represented else ""
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{identity.cod}", "champ inconnu"),
        ("{identity.nir|wrong}", "Filtre « wrong » inconnu pour identity.nir"),
        ("{identity.code|wrong_key}", "Filtre « wrong_key » inconnu pour identity.code"),
        ("un { seul", "Accolade « { » seule"),
        ("{represented.nir}", "La fiche n'a pas de valeur pour represented.nir."),
    ],
)
def test_a_field_that_cannot_be_filled_is_a_sentence(text: str, message: str) -> None:
    with pytest.raises(FieldError, match=message.replace("|", r"\|")):
        render(text, generate_identity(1))


@given(st.text())
def test_escaped_text_renders_as_itself(text: str) -> None:
    assert render(escape(text), IDENTITIES[0]) == text
