"""Turning what a caller typed into a step's text: numbers become ``{identity.…}`` fields.

A recorded call must never keep a number: the identity's own numbers become references
to the card (``{identity.nir|grouped}``), and a wrong number the caller tried becomes
the deliberate variant that breaks the same rule (``{identity.nir|wrong_key}``), so the
walkthrough replays the same way with any card. Whatever else looks like a personal
number is masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from repetition_3422.authoring.numbers import FIELDS, VARIANTS, escape, field_value
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.masking import mask_text
from repetition_3422.domain.numbers import words_to_digits
from repetition_3422.language.model import Script, Slot

NUMBER_FIELDS = ("identity.code", "identity.nir", "identity.vitale_serial", "represented.code",
                 "represented.nir")  # fmt: skip
"""The identity's numbers, as step fields."""

DEFAULT_FIELD = {
    "code": "identity.code",
    "nir": "identity.nir",
    "vitale_serial": "identity.vitale_serial",
}
"""The field a slot of each number type is compared with when it says nothing else."""

RULE_VARIANTS = {
    "nir.key": "wrong_key",
    "serial.full-line": "full_line",
    "mismatch": "other",
}
"""The variant that breaks the same rule as a wrong value (any other rule: ``short``)."""

_SEPARATORS = r"[\s.,/-]*"


@dataclass(frozen=True, slots=True)
class Reference:
    """A value found in the caller's text and the field that replaces it."""

    value: str
    field: str


def identity_references(identity: Identity) -> list[Reference]:
    """The identity's own numbers, each as its grouped field."""
    found = []
    for name in NUMBER_FIELDS:
        value = field_value(identity, name)
        if value:
            found.append(Reference(value, "{" + name + "|grouped}"))
    return found


def attempt_reference(script: Script, slot_id: str, rule: str, attempt: str) -> Reference | None:
    """The field that stands for a wrong ``attempt`` at ``slot_id`` refused for ``rule``."""
    slot: Slot | None = script.slots.get(slot_id)
    if slot is None or slot.type not in DEFAULT_FIELD:
        return None
    name = slot.compare if slot.compare in FIELDS else DEFAULT_FIELD[slot.type]
    variants = VARIANTS[FIELDS[name]]
    variant = RULE_VARIANTS.get(rule, "short")
    return Reference(
        attempt, "{" + name + "|" + (variant if variant in variants else "short") + "}"
    )


def _pattern(value: str) -> re.Pattern[str]:
    """``value`` with any separators between its characters, any case."""
    return re.compile(_SEPARATORS.join(re.escape(char) for char in value), re.IGNORECASE)


def to_step_text(text: str, references: Iterable[Reference], secrets: Iterable[str]) -> str:
    """``text`` with each reference's value replaced by its field, the rest masked and escaped.

    Longer values are replaced first (a whole card line before the serial inside it). A
    value said in words (« deux quatre-vingt-quatre… ») is found once the words are
    written in digits, as the engine reads them.
    """
    pieces: list[tuple[bool, str]] = [(False, text)]
    for reference in sorted(references, key=lambda item: -len(item.value)):
        pattern = _pattern(reference.value)
        if not any(not done and pattern.search(piece) for done, piece in pieces):
            pieces = [(done, piece if done else words_to_digits(piece)) for done, piece in pieces]
        pieces = [part for piece in pieces for part in _split(piece, pattern, reference.field)]
    hidden = tuple(secrets)
    return "".join(piece if done else escape(mask_text(piece, hidden)) for done, piece in pieces)


def _split(piece: tuple[bool, str], pattern: re.Pattern[str], field: str) -> list[tuple[bool, str]]:
    done, text = piece
    if done:
        return [piece]
    parts: list[tuple[bool, str]] = []
    position = 0
    for match in pattern.finditer(text):
        parts += [(False, text[position : match.start()]), (True, field)]
        position = match.end()
    parts.append((False, text[position:]))
    return [part for part in parts if part[1]]
