"""The carte Vitale: its two types and the checks of its serial number."""

from __future__ import annotations

import re
from typing import Literal, get_args

from repetition_3422.domain._text import strip_separators
from repetition_3422.domain.nir import clean_nir
from repetition_3422.domain.problems import InvalidValue, count_detail, with_detail
from repetition_3422.domain.spoken import read_group
from repetition_3422.i18n import _

VitaleType = Literal["avec-photo", "sans-photo"]
"""The two card types the official form offers."""

VITALE_TYPES: tuple[VitaleType, ...] = get_args(VitaleType)
"""Every card type, in the form's order."""

VITALE_TYPE_LABELS: dict[VitaleType, str] = {
    "avec-photo": "Carte Vitale avec photo",
    "sans-photo": "Carte Vitale sans photo",
}
"""The form's label of each type, in French (:func:`vitale_type_label` translates it)."""

TECHNICAL_NUMBER = "80250000025"
"""The scheme's technical number: no serial may be a part of it."""

FULL_LINE_PREFIX = "8025000002"
"""What a card with photo prints before the 11 digits of its serial number."""

SERIAL_LENGTHS: dict[VitaleType, tuple[int, int]] = {
    "avec-photo": (11, 11),
    "sans-photo": (8, 13),
}
"""Smallest and largest number of digits of a serial, by card type."""

_DATE_LIKE = re.compile(r"(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])(19|20)\d{2}")
_FULL_LINE = re.compile(FULL_LINE_PREFIX + r"([0-9]{11})")


def validate_serial(text: str, card_type: VitaleType, *, nir: str | None = None) -> str:
    """Check a carte Vitale serial number the way the official form does.

    Args:
        text: The serial with any spaces, dots or dashes.
        card_type: ``"avec-photo"`` (the last 11 digits of the printed line) or
            ``"sans-photo"`` (8 to 13 digits).
        nir: The person's NIR, if known: a serial contained in it is refused.

    Returns:
        The serial's digits.

    Raises:
        InvalidValue: ``serial.empty``, ``serial.digits``, ``serial.full-line`` (the
            whole 21-digit line of a card with photo, see :func:`serial_from_full_line`),
            ``serial.length``, ``serial.date``, ``serial.in-nir``, ``serial.technical``;
            ``vitale.type`` for an unknown ``card_type``.
    """
    if card_type not in VITALE_TYPES:
        raise _type_problem(str(card_type))
    serial = strip_separators(text)
    if not serial:
        raise InvalidValue("serial.empty", _("Saisir le numéro de série."))
    _check_digits(serial)
    _check_length(serial, card_type)
    _check_official_refusals(serial, nir)
    return serial


def serial_from_full_line(text: str) -> str | None:
    """The 11-digit serial when ``text`` is the whole line printed on a card with photo.

    >>> serial_from_full_line("8025000002 123 456 789 01")
    '12345678901'

    Returns:
        The last 11 digits, or ``None`` when ``text`` is not ``8025000002`` + 11 digits.
    """
    match = _FULL_LINE.fullmatch(strip_separators(text))
    return match.group(1) if match else None


def serial_groups(serial: str) -> tuple[str, ...]:
    """Split a serial into groups of 3 digits, the last ones of 2 so none is alone.

    >>> serial_groups("12345678901"), serial_groups("1234567890")
    (('123', '456', '789', '01'), ('123', '456', '78', '90'))
    """
    digits = strip_separators(serial)
    groups = [digits[start : start + 3] for start in range(0, len(digits), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2:] = [groups[-2][:2], groups[-2][2] + groups[-1]]
    return tuple(groups)


def format_serial(serial: str) -> str:
    """Write a serial in groups: ``123 456 789 01``."""
    return " ".join(serial_groups(serial))


def serial_spoken(serial: str) -> str:
    """Read a serial aloud in French, group by group, each group as a number.

    >>> serial_spoken("12345678901")
    'cent vingt-trois, quatre cent cinquante-six, sept cent quatre-vingt-neuf, zéro un'
    """
    return ", ".join(read_group(group) for group in serial_groups(serial))


def vitale_type_label(card_type: VitaleType) -> str:
    """The form's label of a card type, translated: « Carte Vitale avec photo »."""
    if card_type == "avec-photo":
        return _("Carte Vitale avec photo")
    return _("Carte Vitale sans photo")


def parse_vitale_type(text: str) -> VitaleType:
    """Recognise a card type in an id (``avec-photo``) or words (« carte avec photo »).

    Raises:
        InvalidValue: ``vitale.type`` when neither or both types are named.
    """
    words = re.sub(r"[^a-zà-ÿ]+", " ", text.lower()).split()
    if "photo" in words or "photos" in words:
        with_photo, without_photo = "avec" in words, "sans" in words
        if with_photo != without_photo:
            return "avec-photo" if with_photo else "sans-photo"
    raise _type_problem(text)


def _type_problem(text: str) -> InvalidValue:
    return InvalidValue(
        "vitale.type",
        _(
            "Type de carte Vitale inconnu : « {text} ». Choisir « avec-photo » ou « sans-photo »."
        ).format(text=text),
    )


def _check_digits(serial: str) -> None:
    odd = next((char for char in serial if char not in "0123456789"), None)
    if odd is not None:
        detail = _("« {char} » n'est pas un chiffre").format(char=odd)
        raise InvalidValue(
            "serial.digits", with_detail(_("Saisir uniquement des chiffres"), detail)
        )


def _check_length(serial: str, card_type: VitaleType) -> None:
    low, high = SERIAL_LENGTHS[card_type]
    if serial_from_full_line(serial) is not None:
        raise InvalidValue("serial.full-line", _full_line_message(card_type))
    if low <= len(serial) <= high:
        return
    if low == high:
        message = _("Format invalide, le numéro de série doit contenir 11 chiffres")
    else:
        message = _("Format invalide, le numéro de série doit contenir entre 8 et 13 chiffres")
    raise InvalidValue("serial.length", with_detail(message, count_detail(len(serial), low, high)))


def _full_line_message(card_type: VitaleType) -> str:
    message = _(
        "C'est toute la ligne imprimée sur la carte Vitale avec photo : le numéro de série "
        "est fait des 11 derniers chiffres seulement, sans 8025000002 au début."
    )
    if card_type == "sans-photo":
        message += " " + _(
            "Cette ligne est celle d'une carte avec photo : vérifier le type de carte."
        )
    return message


def _check_official_refusals(serial: str, nir: str | None) -> None:
    if _DATE_LIKE.fullmatch(serial):
        message = _("Format invalide, le numéro de série ne doit pas être une date")
        raise InvalidValue("serial.date", message + ".")
    if nir is not None and serial in clean_nir(nir):
        message = _(
            "Format invalide, le numéro de série ne doit pas être identique au numéro de "
            "sécurité sociale"
        )
        raise InvalidValue("serial.in-nir", message + ".")
    if serial in TECHNICAL_NUMBER:
        message = _(
            "Format invalide, le numéro de série ne doit pas être le numéro technique du "
            "régime de sécurité sociale"
        )
        raise InvalidValue("serial.technical", message + ".")
