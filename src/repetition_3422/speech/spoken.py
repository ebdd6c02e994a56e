"""Rewriting a line for the ear: numbers read in groups, as people dictate them."""

from __future__ import annotations

import re

from repetition_3422.domain.code import code_spoken
from repetition_3422.domain.nir import nir_spoken
from repetition_3422.domain.spoken import read_group
from repetition_3422.domain.vitale import serial_spoken

_SPACE = "[ \u00a0\u202f]"
NIR_PATTERN = re.compile(r"(?<![\w-])[12](?:[ .\u00a0\u202f-]?[0-9AB]){14}(?![\w-])", re.I)
"""A NIR candidate: 15 characters (Corsica's 2A/2B included) with any usual spacing."""

CODE_PATTERN = re.compile(
    r"(?<![\w-])(?:[A-Za-z0-9]{12}"
    r"|[A-Z0-9]{4}([ -])[A-Z0-9]{4}\1[A-Z0-9]{4}"
    r"|[A-Z0-9]{3}([ -])[A-Z0-9]{3}\2[A-Z0-9]{3}\2[A-Z0-9]{3}"
    r"|[A-Z0-9]{6}[ -][A-Z0-9]{6})(?![\w-])"
)
"""Twelve letters and digits, compact or in even groups of capitals (so that an ordinary
word such as "Code" before the groups is not taken in): a confidential code candidate."""

DIGITS_PATTERN = re.compile(rf"(?<![\w,.])\d+(?:{_SPACE}\d+)*(?![\w]|[,.]\d)")
"""A run of digits, possibly in space-separated groups (not part of a decimal number)."""

_AMOUNT = re.compile(rf"^\d{{1,3}}(?:{_SPACE}\d{{3}})+$")
_SERVICE_NUMBER = re.compile(rf"(?<![\w])34{_SPACE}?22(?![\w])")
_NIR_BODY = re.compile(r"[12]\d{4}(?:\d\d|2[AB])\d{8}")

MIN_GROUPED_DIGITS = 5
"""Digit runs this long or longer are read in groups, never as one big number."""


def pairs(digits: str) -> list[str]:
    """Cut digits in pairs, the last group a triple when the count is odd (French dictation).

    >>> pairs("0123456789"), pairs("12345")
    (['01', '23', '45', '67', '89'], ['12', '345'])
    """
    if len(digits) < 4:
        return [digits]
    cut = len(digits) - 3 if len(digits) % 2 else len(digits)
    groups = [digits[index : index + 2] for index in range(0, cut, 2)]
    return groups + ([digits[cut:]] if cut < len(digits) else [])


def _rewrite_nir(match: re.Match[str]) -> str:
    compact = re.sub(r"[^0-9A-Za-z]", "", match.group(0)).upper()
    if not _NIR_BODY.fullmatch(compact):
        return match.group(0)
    return nir_spoken(compact)


def _rewrite_code(match: re.Match[str]) -> str:
    token = match.group(0)
    compact = re.sub(r"[ -]", "", token)
    if not (any(c.isdigit() for c in compact) and any(c.isalpha() for c in compact)):
        return token  # a plain word or a plain number: not a code
    return code_spoken(compact)


def _rewrite_digits(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = re.sub(r"\D", "", token)
    if len(digits) < MIN_GROUPED_DIGITS:
        return token
    if _AMOUNT.match(token) and len(digits) < 8:  # "12 000" is an amount, said as such
        return token
    if len(digits) == 10 and digits.startswith("0"):  # a phone number, in pairs
        return ", ".join(read_group(group) for group in pairs(digits))
    if len(digits) <= 13:
        return serial_spoken(digits)
    return ", ".join(read_group(group) for group in pairs(digits))


def spoken(text: str) -> str:
    """Rewrite ``text`` so that a voice reads its numbers the way people dictate them.

    A NIR is read in its groups, a confidential code one character at a time, a Vitale
    serial or any run of five digits or more in short groups, never as one huge number;
    "3422" is "trente-quatre vingt-deux", as the service announces itself. Everything
    else is left as written.

    >>> spoken("Votre numéro : 2 84 05 75 112 345 28.")
    'Votre numéro : deux, quatre-vingt-quatre, zéro cinq, soixante-quinze, cent douze, \
trois cent quarante-cinq, vingt-huit.'
    """
    text = NIR_PATTERN.sub(_rewrite_nir, text)
    text = CODE_PATTERN.sub(_rewrite_code, text)
    text = DIGITS_PATTERN.sub(_rewrite_digits, text)
    return _SERVICE_NUMBER.sub("trente-quatre vingt-deux", text)


_ABBREVIATIONS = frozenset({"m", "mme", "mlle", "dr", "me", "st", "ste", "n", "no", "cf", "p"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
MAX_SENTENCE = 180
"""A sentence longer than this is cut at a comma, so that its audio starts sooner."""


def split_sentences(text: str) -> list[str]:
    """Cut a line into sentences to synthesize one by one (the first plays while the next is made).

    Titles such as "M." or "Mme." and initials do not end a sentence; a very long
    sentence is cut at its last comma before :data:`MAX_SENTENCE` characters.

    >>> split_sentences("Bonjour, M. Martin. Un instant ! Je regarde…")
    ['Bonjour, M. Martin.', 'Un instant !', 'Je regarde…']
    """
    sentences: list[str] = []
    pending = ""
    for piece in _SENTENCE_END.split(text.strip()):
        pending = f"{pending} {piece}" if pending else piece
        last_word = re.sub(r"\W", "", pending.rsplit(" ", 1)[-1].lower())
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        sentences.extend(_cut_long(pending))
        pending = ""
    if pending:
        sentences.extend(_cut_long(pending))
    return [sentence for sentence in sentences if re.search(r"\w", sentence)]


def _cut_long(sentence: str) -> list[str]:
    parts: list[str] = []
    while len(sentence) > MAX_SENTENCE:
        cut = max(sentence.rfind(", ", 0, MAX_SENTENCE), sentence.rfind("; ", 0, MAX_SENTENCE))
        if cut <= 0:
            break
        parts.append(sentence[: cut + 1])
        sentence = sentence[cut + 2 :]
    return [*parts, sentence]
