"""The NIR (numéro de sécurité sociale): cleaning, checks, layout and reading aloud."""

from __future__ import annotations

import itertools
import re
import string

from repetition_3422.domain._text import strip_separators
from repetition_3422.domain.problems import InvalidValue, count_detail, with_detail
from repetition_3422.domain.spoken import read_group
from repetition_3422.i18n import _

NIR_LENGTH = 15
"""Characters in a NIR: 13 plus a 2-digit key."""

OFFICIAL_PATTERN = re.compile(r"^([12])\d{2}(0[1-9]|1[0-2])(2[AB]|[0-9]{2})\d{6}\d{2}$")
"""The pattern of the official Mon espace santé app (sex 1 or 2, month 01–12)."""

OVERSEAS_DEPARTMENTS = ("97", "98")
"""Department prefixes written with 3 digits (971 Guadeloupe … 988), commune with 2."""

_CORSICA = ("2A", "2B")
_CORSICA_NUMBERS = {"2A": "19", "2B": "18"}
"""How the key counts Corsica's departments."""
_DIGITS = re.compile(r"[0-9]+")
_UNKNOWN_MONTHS = re.compile(r"20|3\d|4[0-2]|[5-9]\d")


def clean_nir(text: str) -> str:
    """Remove spaces, dots, dashes, slashes and underscores, and put letters in capitals.

    >>> clean_nir(" 2 84.05-75/112_000 82 "), clean_nir("1 85 12 2a 123 000 19")
    ('284057511200082', '185122A12300019')
    """
    return strip_separators(text).upper()


def validate_nir(text: str, *, strict: bool = True) -> str:
    """Check a NIR as typed or said, and give it back in its compact 15-character form.

    The checks run in the official app's order: length, characters, then (when
    ``strict``) the app's format rules (sex 1 or 2, month 01–12), then the key, which
    ``python-stdnum`` computes (``2A``/``2B`` counted as 19/18).

    Args:
        text: The NIR with any spacing, dots, dashes; ``2a``/``2b`` in any case.
        strict: Also apply the official app's rules, which refuse real NIRs with an
            unknown birth month (20, 30–42, 50–99) or a temporary number (NIA).

    Returns:
        The 15 characters, letters in capitals.

    Raises:
        InvalidValue: with rule ``nir.empty``, ``nir.length``, ``nir.characters``,
            ``nir.sex``, ``nir.month``, ``nir.format`` or ``nir.key``.
    """
    # python-stdnum is read here, not with this module: it imports pydoc and ssl (about
    # 30 ms), and the home screen, which only draws a card (:func:`nir_key`), needs neither.
    from stdnum.fr import nir as stdnum_nir

    nir = clean_nir(text)
    _check_length(nir, NIR_LENGTH)
    _check_characters(nir)
    if strict:
        check_official_format(nir)
    if not stdnum_nir.is_valid(nir):
        raise InvalidValue(
            "nir.key",
            with_detail(
                _invalid_format(),
                _(
                    "la clé (les 2 derniers chiffres) ne correspond pas aux 13 premiers "
                    "caractères, un chiffre est sans doute mal lu"
                ),
            ),
        )
    return nir


def check_official_format(nir: str) -> None:
    """Apply the official app's format rules to a compact NIR of 15 valid characters.

    Raises:
        InvalidValue: ``nir.sex`` (first digit not 1 or 2), ``nir.month`` (month not
            01–12) or ``nir.format`` (anything else the official pattern refuses).
    """
    if OFFICIAL_PATTERN.fullmatch(nir):
        return
    if nir[0] not in "12":
        raise InvalidValue("nir.sex", with_detail(_invalid_format(), _sex_detail(nir[0])))
    month = nir[3:5]
    if not re.fullmatch(r"0[1-9]|1[0-2]", month):
        raise InvalidValue("nir.month", with_detail(_invalid_format(), _month_detail(month)))
    raise InvalidValue("nir.format", _invalid_format() + ".")


def nir_key(first13: str) -> str:
    """Compute the 2-digit key of a NIR from its first 13 characters (any spacing).

    The key is 97 minus the 13 characters, as a number, modulo 97 (``2A``/``2B`` counted
    as 19/18): ``python-stdnum``'s ``calc_check_digits``, done here so that making a
    practice card, on the way to the home screen, does not import ``python-stdnum``
    (the tests check both agree).

    >>> nir_key("1 85 12 2A 123 000")
    '19'

    Raises:
        InvalidValue: ``nir.length`` or ``nir.characters``.
    """
    body = clean_nir(first13)
    _check_length(body, NIR_LENGTH - 2)
    _check_characters(body)
    number = body[:5] + _CORSICA_NUMBERS.get(body[5:7], body[5:7]) + body[7:]
    return f"{97 - int(number) % 97:02d}"


def nir_groups(nir: str) -> tuple[str, ...]:
    """Split a NIR into the groups it is written and read in.

    Born in mainland France or Corsica: sex, year, month, department (2), commune (3),
    order, key. Born overseas (97x, 98x): the department has 3 digits and the commune 2.

    Raises:
        InvalidValue: ``nir.empty`` or ``nir.length``.
    """
    compact = clean_nir(nir)
    _check_length(compact, NIR_LENGTH)
    department = 3 if compact[5:7] in OVERSEAS_DEPARTMENTS else 2
    cuts = (0, 1, 3, 5, 5 + department, 10, 13, 15)
    return tuple(compact[start:end] for start, end in itertools.pairwise(cuts))


def format_nir(nir: str) -> str:
    """Write a NIR the usual way: ``2 84 05 75 112 000 82``, overseas ``1 85 12 971 12 000 86``.

    Raises:
        InvalidValue: ``nir.empty`` or ``nir.length``.
    """
    return " ".join(nir_groups(nir))


def nir_spoken(nir: str) -> str:
    """Read a NIR aloud in French, group by group, each group as a number.

    >>> nir_spoken("2 84 05 75 112 000 82").split(", ")  # doctest: +NORMALIZE_WHITESPACE
    ['deux', 'quatre-vingt-quatre', 'zéro cinq', 'soixante-quinze', 'cent douze',
     'zéro zéro zéro', 'quatre-vingt-deux']

    Raises:
        InvalidValue: ``nir.empty`` or ``nir.length``.
    """
    return ", ".join(read_group(group) for group in nir_groups(nir))


def _check_length(nir: str, expected: int) -> None:
    if not nir:
        raise InvalidValue("nir.empty", _("Saisir le numéro de sécurité sociale."))
    if len(nir) == expected:
        return
    if expected == NIR_LENGTH:
        message = _("Le numéro de sécurité sociale doit contenir 15 caractères")
    else:
        message = _("Les 13 premiers caractères du numéro de sécurité sociale sont attendus")
    text = with_detail(message, count_detail(len(nir), expected))
    if expected == NIR_LENGTH and len(nir) == NIR_LENGTH - 2:
        text += " " + _("La clé (les 2 derniers chiffres) a peut-être été oubliée.")
    raise InvalidValue("nir.length", text)


def _check_characters(nir: str) -> None:
    department = nir[5:7]
    others = nir[:5] + nir[7:]
    if _DIGITS.fullmatch(others) and (_DIGITS.fullmatch(department) or department in _CORSICA):
        return
    position, char = next(
        (index, char) for index, char in enumerate(nir, start=1) if char not in string.digits
    )
    if char in "AB" and position in (6, 7):
        detail = _(
            "« {department} » n'est pas un département, seuls 2A et 2B (Corse) ont une lettre"
        )
        detail = detail.format(department=department)
    else:
        detail = _("le caractère n° {position}, « {char} », n'est pas un chiffre")
        detail = detail.format(position=position, char=char)
    raise InvalidValue("nir.characters", with_detail(_invalid_format(), detail))


def _invalid_format() -> str:
    return _("Format invalide, vérifier le format du numéro de sécurité sociale")


def _sex_detail(first: str) -> str:
    if first in "78":
        return _(
            "un numéro provisoire (commençant par 7 ou 8) n'est pas accepté en ligne, "
            "il faut appeler le 3422"
        )
    return _("le premier chiffre doit être 1 (homme) ou 2 (femme), et non {digit}").format(
        digit=first
    )


def _month_detail(month: str) -> str:
    if _UNKNOWN_MONTHS.fullmatch(month):
        return _(
            "le mois de naissance {month} (mois inconnu) n'est pas accepté en ligne, "
            "il faut appeler le 3422"
        ).format(month=month)
    return _(
        "le mois de naissance (4e et 5e chiffres) doit être entre 01 et 12, et non {month}"
    ).format(month=month)
