"""Masking: the contract's masks, free text, and a property that nothing leaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.domain.masking import (
    mask_code,
    mask_nir,
    mask_secret,
    mask_serial,
    mask_text,
)

NIR = "284057511200082"  # fictional: order number 000
CODE = "K7B2XM4P9QRT"
SERIAL = "12345678901"
SECRETS = (NIR, CODE, SERIAL)


@pytest.mark.parametrize(
    ("nir", "masked"),
    [
        (NIR, "2 84 •• •• ••• ••• 82"),  # the transcript contract: sex, year, key
        ("2 84 05 75 112 000 82", "2 84 •• •• ••• ••• 82"),
        ("185122A12300019", "1 85 •• •• ••• ••• 19"),  # 2A hidden too
        ("185129711200086", "1 85 •• ••• •• ••• 86"),  # overseas layout
        ("2840575", "•••••••"),  # not a NIR: hidden whole
    ],
)
def test_mask_nir(nir: str, masked: str) -> None:
    assert mask_nir(nir) == masked


def test_mask_code_and_serial() -> None:
    assert mask_code("k7b2 xm4p 9qrt") == "K7•• •••• ••RT"
    assert mask_code("K7B2") == "••••"
    assert mask_serial(SERIAL) == "••• ••• ••• 01"
    assert mask_serial("12345678") == "••• ••• 78"
    assert mask_serial("123") == "•••"


@pytest.mark.parametrize(
    ("secret", "masked"),
    [
        (NIR, "2 84 •• •• ••• ••• 82"),
        (SERIAL, "••• ••• ••• 01"),
        (CODE, "K7•• •••• ••RT"),
        ("123456789012", "••• ••• ••• •12"),  # digits only: treated as a serial
        ("secret", "••••••"),
    ],
)
def test_mask_secret_by_shape(secret: str, masked: str) -> None:
    assert mask_secret(secret) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("mon numéro est le 2 84 05 75 112 000 82.", "mon numéro est le 2 84 •• •• ••• ••• 82."),
        ("2.84.05.75.112.000.82", "2 84 •• •• ••• ••• 82"),
        ("284057511200082", "2 84 •• •• ••• ••• 82"),
        (
            "deux quatre-vingt-quatre zéro cinq soixante-quinze cent douze zéro zéro zéro "
            "quatre-vingt-deux",
            "2 84 •• •• ••• ••• 82",
        ),
        ("le code k7b2-xm4p-9qrt merci", "le code K7•• •••• ••RT merci"),
        ("K 7 B 2 X M 4 P 9 Q R T", "K7•• •••• ••RT"),
        ("série 123 456 789 01", "série ••• ••• ••• 01"),
        ("8025000002 123 456 789 01", "•••••••••• ••• ••• ••• 01"),
        ("bonjour, j'ai un code et deux questions", "bonjour, j'ai un code et deux questions"),
        ("né le 12/05/1984", "né le 12/05/1984"),  # a date is not a secret
        ("ouvert de 8 h 30 à 17 h 30", "ouvert de 8 h 30 à 17 h 30"),
        ("appelez le 3422", "appelez le 3422"),
    ],
)
def test_mask_text_with_secrets(text: str, masked: str) -> None:
    assert mask_text(text, SECRETS) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # Without secrets: any 8 digits or more, any code-like group.
        ("mon numéro : 2 84 05 75 112 000 82", "mon numéro : • •• •• •• ••• ••• ••"),
        ("série 123-456-789-01", "série •••-•••-•••-••"),
        ("1 85 12 2 A 123 000 19", "• •• •• • • ••• ••• ••"),  # « 2 A » split by a space
        ("code K7B2XM4P9QRT.", "code K7•• •••• ••RT."),
        ("code K7B2 XM4P 9QRT", "code K7•• •••• ••RT"),
        ("la constitution", "la constitution"),  # 12 letters, no digit: a word
        ("ABCDEFGHIJKL", "ABCDEFGHIJKL"),
        ("lundi 15 avril", "lundi 15 avril"),
        ("de 8 h 30 a 17 h 30", "de 8 h 30 a 17 h 30"),
        ("1234567", "1234567"),  # 7 digits: too short to be an identifier
        ("tous les deux", "tous les deux"),
    ],
)
def test_mask_text_safety_net(text: str, masked: str) -> None:
    assert mask_text(text) == masked


def test_short_secrets_are_ignored() -> None:
    assert mask_text("le 12 mars", secrets=("12", "")) == "le 12 mars"


_SEPARATORS = st.sampled_from(["", "", " ", "  ", ".", "-", "/", "_", " - ", "\u00a0", ", "])
_WORDS = st.lists(st.sampled_from(["bonjour", "voici", "mon", "numéro", "merci", "c'est", "le"]))


@st.composite
def spaced(draw: st.DrawFn, value: str) -> str:
    """``value`` with any separator between its characters, in any case."""
    cased = value.lower() if draw(st.booleans()) else value
    return "".join(char + draw(_SEPARATORS) for char in cased[:-1]) + cased[-1]


def _digit_runs(text: str) -> list[str]:
    """Digit runs once separators are dropped (bullets and letters still cut them)."""
    return re.findall(r"[0-9]+", re.sub(r"[\s.,\-/_]", "", text))


def _leaks(masked: str, hidden: str) -> list[str]:
    pieces = {hidden[start : start + 4] for start in range(len(hidden) - 3)}
    return [run for run in _digit_runs(masked) if any(piece in run for piece in pieces)]


def _identity(seed: int) -> Identity:
    return generate_identity(seed)


@settings(deadline=None)
@given(data=st.data(), seed=st.integers(min_value=0, max_value=2**32), known=st.booleans())
def test_masking_never_leaks_four_digits_of_the_nir_or_serial(
    data: st.DataObject, seed: int, known: bool
) -> None:
    identity = _identity(seed)
    before, after = data.draw(_WORDS), data.draw(_WORDS)
    nir_text = data.draw(spaced(identity.nir))
    serial_text = data.draw(spaced(identity.vitale_serial))
    text = " ".join([*before, nir_text, "et", serial_text, *after])
    secrets = (identity.nir, identity.code, identity.vitale_serial) if known else ()
    masked = mask_text(text, secrets)
    middle = re.sub(r"[^0-9]", "", identity.nir[3:13])
    assert _leaks(masked, middle) == []
    assert _leaks(masked, identity.vitale_serial) == []


@settings(deadline=None)
@given(data=st.data(), seed=st.integers(min_value=0, max_value=2**32))
def test_a_known_code_never_shows_more_than_its_ends(data: st.DataObject, seed: int) -> None:
    identity = _identity(seed)
    text = "mon code : " + data.draw(spaced(identity.code))
    masked = mask_text(text, (identity.code,))
    assert masked == "mon code : " + mask_code(identity.code)


@given(text=st.text(max_size=200))
def test_mask_text_never_fails_and_keeps_text_without_digits(text: str) -> None:
    masked = mask_text(text)
    if not re.search(r"[0-9]", text) and not re.search(
        r"z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
        r"quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille",
        text,
        re.IGNORECASE,
    ):
        assert masked == text
