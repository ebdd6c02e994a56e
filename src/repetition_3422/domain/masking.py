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
_CODE_LIKE = re.compile(
    "|".join(
        rf"(?<![^\W_])[0-9A-Za-z]{{{size}}}(?:{_SEP}[0-9A-Za-z]{{{size}}}){{{12 // size - 1}}}"
        rf"(?![^\W_])"
        for size in (12, 6, 4, 3, 2, 1)
    )
)
_NUMBER_WORD = (
    r"(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|"
    r"octante|nonante|cents?|mille|et|double|triple)(?![\w'’])"
)
_NUMBER_TOKEN = rf"(?:{_NUMBER_WORD}(?:-{_NUMBER_WORD})*|[0-9]+(?![\w'’]))"
_WORD_RUN = re.compile(
    rf"(?<![\w'’-]){_NUMBER_TOKEN}(?:{_SEP}+{_NUMBER_TOKEN})*", re.IGNORECASE
)
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

    In this order: runs of French number words that make 8 digits or more; every
    occurrence of each of ``secrets`` with any separators between its characters; any
    other run of 8 digits or more (dates such as ``12/05/1984`` are kept); any
    12-character group of letters and digits that looks like a code (``K7B2XM4P9QRT``,
    ``K7B2 XM4P 9QRT``).

    Args:
        text: A line of a transcript, a report, a log.
        secrets: The values to hide wherever they appear (NIR, code, serial), in any
            spacing; those shorter than 4 characters are ignored.

    Returns:
        The text with those values replaced by bullets (see :func:`mask_secret`).
    """
    known = sorted(
        {strip_separators(secret).upper() for secret in secrets}, key=len, reverse=True
    )
    known = [secret for secret in known if len(secret) >= MIN_SECRET_LENGTH]
    masked = _WORD_RUN.sub(lambda match: _mask_spoken_run(match.group(), known), text)
    for secret in known:
        masked = _secret_pattern(secret).sub(mask_secret(secret), masked)
    masked = _DIGIT_RUN.sub(lambda match: _mask_run(match.group(), known), masked)
    return _CODE_LIKE.sub(_mask_code_like, masked)


def _secret_pattern(secret: str) -> re.Pattern[str]:
    return re.compile(f"{_SEP}*".join(re.escape(char) for char in secret), re.IGNORECASE)


def _mask_spoken_run(run: str, secrets: list[str]) -> str:
    converted = words_to_digits(run)
    digits = re.sub(r"[^0-9]", "", converted)
    if len(digits) < 8:
        return run
    return _mask_run(converted, secrets)


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
