"""Numbers read aloud in French: 0–999 in words, digit groups with their leading zeros."""

from __future__ import annotations

DIGIT_WORDS: tuple[str, ...] = (
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
)
"""The ten digits as words, by value."""

_UNDER_TWENTY: tuple[str, ...] = (
    *DIGIT_WORDS,
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
)

_TENS: dict[int, str] = {
    2: "vingt",
    3: "trente",
    4: "quarante",
    5: "cinquante",
    6: "soixante",
    8: "quatre-vingt",
}


def french_number(number: int) -> str:
    """Write ``number`` (0–999) in French words, traditional spelling.

    >>> french_number(84), french_number(71), french_number(200), french_number(345)
    ('quatre-vingt-quatre', 'soixante et onze', 'deux cents', 'trois cent quarante-cinq')

    Raises:
        ValueError: ``number`` is not between 0 and 999.
    """
    if not 0 <= number <= 999:
        raise ValueError(f"{number} is outside 0–999")
    hundreds, rest = divmod(number, 100)
    if hundreds == 0:
        return _below_hundred(rest)
    head = "cent" if hundreds == 1 else f"{DIGIT_WORDS[hundreds]} cent"
    if rest == 0:
        return head if hundreds == 1 else f"{head}s"
    return f"{head} {_below_hundred(rest)}"


def _below_hundred(number: int) -> str:
    if number < 20:
        return _UNDER_TWENTY[number]
    tens, unit = divmod(number, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the tens take the teens
        tens, unit = tens - 1, unit + 10
    word = _TENS[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else word
    if unit in (1, 11) and tens != 8:  # vingt et un, soixante et onze, but quatre-vingt-un
        return f"{word} et {_UNDER_TWENTY[unit]}"
    return f"{word}-{_UNDER_TWENTY[unit]}"


def read_group(group: str) -> str:
    """Read a group of digits the way people say it on the phone.

    Leading zeros are said one by one, the rest as a number: ``"05"`` → ``"zéro cinq"``,
    ``"112"`` → ``"cent douze"``, ``"000"`` → ``"zéro zéro zéro"``. Letters (``2A``)
    are kept: ``"2A"`` → ``"deux A"``.
    """
    if not group.isascii() or not group.isdigit():
        return " ".join(_read_character(char) for char in group)
    significant = group.lstrip("0")
    if len(significant) > 3:  # beyond « neuf cent … »: digit by digit is clearer
        return " ".join(DIGIT_WORDS[int(char)] for char in group)
    words = ["zéro"] * (len(group) - len(significant))
    if significant:
        words.append(french_number(int(significant)))
    return " ".join(words)


def read_characters(text: str) -> str:
    """Read ``text`` one character at a time, digits as words: ``"K7"`` → ``"K, sept"``."""
    return ", ".join(_read_character(char) for char in text)


def _read_character(char: str) -> str:
    if char.isascii() and char.isdigit():
        return DIGIT_WORDS[int(char)]
    return char.upper()
