"""Hiding the NIR, the code and the serial in what is shown, saved or shared."""

from __future__ import annotations

import re
from collections.abc import Iterable

from repetition_3422.domain._text import SEPARATOR_CLASS, strip_separators
from repetition_3422.domain.code import CODE_LENGTH, clean_code, format_code
from repetition_3422.domain.nir import NIR_LENGTH, clean_nir, nir_groups
from repetition_3422.domain.numbers import words_to_digits
from repetition_3422.domain.vitale import format_serial

BULLET = "•"
"""What stands for a hidden character."""

MIN_SECRET_LENGTH = 4
"""Shorter secrets are ignored by :func:`mask_text` (masking every « 12 » would help nobody)."""

_SEP = rf"(?:{SEPARATOR_CLASS}|,)"
_UNIT = rf"(?:2{_SEP}*[ABab](?![A-Za-z])|[0-9])"
_DIGIT_RUN = re.compile(rf"{_UNIT}(?:{_SEP}*{_UNIT}){{7,}}")
_DATE = re.compile(
    r"(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/([0-9]{2}|[0-9]{4})"
    r"|[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
)
_ALNUM = "[0-9A-Za-z]"
_EDGE = r"(?<![^\W_])"


def _code_like_pattern(size: int) -> str:
    """Groups of ``size`` characters making 12 (``ABCD EFGH IJKL``, ``A B C … L``).

    Between 2 and 6 characters a group, the first and last groups must hold a digit or be
    in capitals, so that a plain word (« code k7b2 xm4p ») does not start the match.
    """
    if size == 12:
        return rf"{_EDGE}{_ALNUM}{{12}}(?![^\W_])"
    if size == 1:
        return rf"{_EDGE}{_ALNUM}(?:{_SEP}{_ALNUM}){{11}}(?![^\W_])"
    outer = rf"(?:[0-9A-Z]{{{size}}}|(?=[A-Za-z]{{0,{size - 1}}}[0-9]){_ALNUM}{{{size}}})"
    middle = rf"(?:{_SEP}{_ALNUM}{{{size}}}){{{12 // size - 2}}}"
    return rf"{_EDGE}{outer}{middle}{_SEP}{outer}(?![^\W_])"


_CODE_LIKE = re.compile("|".join(_code_like_pattern(size) for size in (12, 6, 4, 3, 2, 1)))
_NUMBER_WORD = (
    r"(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|"
    r"octante|nonante|cents?|mille|et|double|triple)(?![\w'’])"
)
_NUMBER_TOKEN = rf"(?:{_NUMBER_WORD}(?:-{_NUMBER_WORD})*|[0-9]+(?![\w'’]))"
_WORD_RUN = re.compile(rf"(?<![\w'’-]){_NUMBER_TOKEN}(?:{_SEP}+{_NUMBER_TOKEN})*", re.IGNORECASE)
_HAS_NUMBER_WORD = re.compile(_NUMBER_WORD, re.IGNORECASE)
_NIR_SHAPE = re.compile(r"[0-9]{5}(?:2[AB]|[0-9]{2})[0-9]{8}")


def mask_nir(nir: str) -> str:
    """Hide a NIR but its sex, year and key: ``2 84 •• •• ••• ••• 28``.

    Anything that is not 15 characters long is hidden whole.
    """
    compact = clean_nir(nir)
    if len(compact) != NIR_LENGTH:
        return BULLET * len(compact)
    groups = nir_groups(compact)
    shown = {0, 1, len(groups) - 1}
    return " ".join(
        group if index in shown else BULLET * len(group) for index, group in enumerate(groups)
    )


def mask_code(code: str) -> str:
    """Hide a code but its first 2 and last 2 characters: ``AB•• •••• ••KL``.

    Anything that is not 12 characters long is hidden whole.
    """
    compact = clean_code(code)
    if len(compact) != CODE_LENGTH:
        return BULLET * len(compact)
    return format_code(compact[:2] + BULLET * (CODE_LENGTH - 4) + compact[-2:])


def mask_serial(serial: str) -> str:
    """Hide a serial but its last 2 digits: ``••• ••• ••• 01``.

    Serials shorter than 4 digits are hidden whole.
    """
    digits = strip_separators(serial)
    if len(digits) < MIN_SECRET_LENGTH:
        return BULLET * len(digits)
    return format_serial(BULLET * (len(digits) - 2) + digits[-2:])


def mask_secret(secret: str) -> str:
    """Hide a value by its shape: a NIR, a serial (digits only), a code, or whole."""
    compact = strip_separators(secret).upper()
    if _NIR_SHAPE.fullmatch(compact):
        return mask_nir(compact)
    if compact.isascii() and compact.isdigit():
        return mask_serial(compact)
    if len(compact) == CODE_LENGTH and compact.isascii() and compact.isalnum():
        return mask_code(compact)
    return BULLET * len(compact)


def mask_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Hide every identifying number in free text, however it is spaced or said.

    In this order: French number words that spell a secret or part of 8 digits or more
    are written in digits (« deux quatre-vingt-quatre … »); every occurrence of each of
    ``secrets``, with any separators between its characters, becomes its mask; any other
    run of 8 digits or more is hidden (dates such as ``12/05/1984`` are kept); any
    12-character group of letters and digits that looks like a code (``K7B2XM4P9QRT``,
    ``K7B2 XM4P 9QRT``) keeps only its ends.

    Args:
        text: A line of a transcript, a report, a log.
        secrets: The values to hide wherever they appear (NIR, code, serial), in any
            spacing; those shorter than 4 characters are ignored.

    Returns:
        The text with those values replaced by bullets (see :func:`mask_secret`).
    """
    known = sorted({strip_separators(secret).upper() for secret in secrets}, key=len, reverse=True)
    known = [secret for secret in known if len(secret) >= MIN_SECRET_LENGTH]
    masked = _digits_for_spoken_numbers(text, known)
    for secret in known:
        masked = _secret_pattern(secret).sub(mask_secret(secret), masked)
    masked = _DIGIT_RUN.sub(lambda match: _mask_run(match.group(), known), masked)
    return _CODE_LIKE.sub(_mask_code_like, masked)


def _secret_pattern(secret: str) -> re.Pattern[str]:
    return re.compile(f"{_SEP}*".join(re.escape(char) for char in secret), re.IGNORECASE)


def _digits_for_spoken_numbers(text: str, secrets: list[str]) -> str:
    """Write in digits the spoken numbers that are part of a secret or of 8+ digits.

    Other number words stay as they were (« tous les deux » is not rewritten).
    """
    pieces = _spoken_pieces(text)
    converted = "".join(digits for _, digits in pieces)
    sensitive = [match.span() for match in _DIGIT_RUN.finditer(converted)]
    for secret in secrets:
        sensitive += [match.span() for match in _secret_pattern(secret).finditer(converted)]
    kept: list[str] = []
    position = 0
    for original, digits in pieces:
        end = position + len(digits)
        overlaps = any(start < end and position < stop for start, stop in sensitive)
        kept.append(digits if overlaps else original)
        position = end
    return "".join(kept)


def _spoken_pieces(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (original, in digits) pieces; only number-word runs differ."""
    pieces: list[tuple[str, str]] = []
    cursor = 0
    for match in _WORD_RUN.finditer(text):
        if _HAS_NUMBER_WORD.search(match.group()):
            pieces.append((text[cursor : match.start()],) * 2)
            pieces.append((match.group(), words_to_digits(match.group())))
            cursor = match.end()
    pieces.append((text[cursor:],) * 2)
    return pieces


def _mask_run(run: str, secrets: list[str]) -> str:
    if _DATE.fullmatch(run.strip()):
        return run
    compact = strip_separators(run).replace(",", "").upper()
    for secret in secrets:
        if compact == secret:
            return mask_secret(secret)
    return re.sub(r"[0-9A-Za-z]", BULLET, run)


def _mask_code_like(match: re.Match[str]) -> str:
    token = match.group()
    compact = strip_separators(token).replace(",", "")
    if any(char.isdigit() for char in compact) and any(char.isalpha() for char in compact):
        return mask_code(compact)
    return token
