"""The 12-character confidential (provisional) code from the letter or e-mail."""

from __future__ import annotations

import re

from repetition_3422.domain._text import strip_separators
from repetition_3422.domain.problems import InvalidValue, count_detail, with_detail
from repetition_3422.domain.spoken import read_characters
from repetition_3422.i18n import _

CODE_LENGTH = 12
"""Characters in a code."""

CODE_PATTERN = re.compile(r"[0-9A-Za-z]{12}")
"""The official pattern: 12 letters (without accents) or digits."""

_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def clean_code(text: str) -> str:
    """Remove spaces, dots and dashes, and put letters in capitals."""
    return strip_separators(text).upper()


def validate_code(text: str) -> str:
    """Check a code as typed or spelled, in the official form's order (length, characters).

    Args:
        text: The code with any spaces, dots or dashes, letters in any case.

    Returns:
        The 12 characters, letters in capitals.

    Raises:
        InvalidValue: ``code.empty``, ``code.length`` or ``code.characters``.
    """
    code = strip_separators(text)
    if not code:
        raise InvalidValue("code.empty", _("Saisir le code provisoire à 12 caractères."))
    if len(code) != CODE_LENGTH:
        message = _("Le code doit contenir 12 caractères")
        raise InvalidValue("code.length", with_detail(message, count_detail(len(code), 12)))
    odd = next((char for char in code if char not in _ALPHANUMERIC), None)
    if odd is not None:
        detail = _("« {char} » n'est ni une lettre sans accent ni un chiffre").format(char=odd)
        message = _("Cette saisie contient un caractère non autorisé")
        raise InvalidValue("code.characters", with_detail(message, detail))
    return code.upper()


def codes_equal(first: str, second: str) -> bool:
    """Whether two codes are the same, ignoring case, spaces, dots and dashes."""
    return clean_code(first) == clean_code(second)


def code_groups(code: str) -> tuple[str, ...]:
    """Split a code into groups of 4 characters."""
    compact = clean_code(code)
    return tuple(compact[start : start + 4] for start in range(0, len(compact), 4))


def format_code(code: str) -> str:
    """Write a code in groups of 4: ``ABCD EFGH IJKL``."""
    return " ".join(code_groups(code))


def code_spoken(code: str) -> str:
    """Spell a code aloud, one character at a time, digits as words, by groups of 4.

    >>> code_spoken("K7B2 XM4P 9QRT")
    'K, sept, B, deux — X, M, quatre, P — neuf, Q, R, T'
    """
    return " — ".join(read_characters(group) for group in code_groups(code))
