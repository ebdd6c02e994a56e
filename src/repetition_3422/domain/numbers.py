"""French number words in what a caller types: « deux quatre-vingt-quatre » → ``2 84``."""

from __future__ import annotations

import re
import unicodedata

from text_to_num import alpha2digit

from repetition_3422.domain.spoken import DIGIT_WORDS

SMALL_WORDS: dict[str, str] = {"zéro": "0", "un": "1", "une": "1", "deux": "2"}
"""Numbers that ``alpha2digit`` leaves as words when they stand alone (below its threshold 3)."""

ALWAYS_NUMBERS = frozenset({"zéro", "deux"})
"""Small words that are always numbers (``un``/``une`` are also articles)."""

KEYPAD_TRIGGERS = frozenset({"tapez", "tape", "taper", "touche", "option", "choix", "numéro"})
"""Words after which a lone « un » at the end of a phrase is a key, not an article."""

_WORD = re.compile(r"[\w]+(?:['’-][\w]+)*")
# « zero » without accent is unknown to alpha2digit, and « zéro-cinq » loses its zero.
_ZERO = re.compile(r"(?<![\w'’-])z[ée]ro(?:-(?=\w)|(?![\w'’-]))", re.IGNORECASE)
_REPEAT = re.compile(
    r"(?<![\w'’-])(double|triple)\s+(" + "|".join(DIGIT_WORDS) + r"|[0-9])(?![\w'’-])",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset({"ou", "et", "puis"})


def words_to_digits(text: str) -> str:
    """Turn the French number words of a sentence into digits, keeping everything else.

    ``alpha2digit`` does most of the work. Around it: « zero » without accent and
    « double zéro » are rewritten first; afterwards the small words it leaves alone are
    converted where they are numbers: « zéro » and « deux » always, « un »/« une » only
    when the whole text is that word, when the neighbours are digits or spelled
    characters (« A un B »), after « le » (« le un »), or after a keypad word at the end
    of a phrase (« tapez un », but not « tapez un code »).

    >>> words_to_digits("deux quatre-vingt-quatre zero cinq soixante-quinze")
    '2 84 05 75'
    >>> words_to_digits("tapez un"), words_to_digits("j'ai un code")
    ('tapez 1', "j'ai un code")
    """
    prepared = _REPEAT.sub(_expand_repeat, _ZERO.sub(_accent_zero, text))
    converted = alpha2digit(prepared, "fr")
    return _convert_small_words(converted)


def parse_keypad_word(text: str) -> str | None:
    """Read one key of a voice menu said in words or typed: « le deux » → ``"2"``.

    Accepts a digit, ``*`` or ``#``, a digit word (« un », « zéro »), an ordinal
    (« le premier »), « étoile », « dièse », with filler words around them (« tapez »,
    « la touche », « le », « euh », « s'il vous plaît »).

    >>> [parse_keypad_word(t) for t in ("un", "le un", "tapez 2", "touche étoile", "j'ai un code")]
    ['1', '1', '2', '*', None]

    Returns:
        The key (``"0"``–``"9"``, ``"*"``, ``"#"``), or ``None`` when the text is not
        exactly one key.
    """
    words = [word for word in _keypad_tokens(text) if word not in _KEYPAD_FILLERS]
    if len(words) != 1:
        return None
    return _KEYPAD_KEYS.get(words[0])


def _accent_zero(match: re.Match[str]) -> str:
    return "zéro " if match.group().endswith("-") else "zéro"


def _expand_repeat(match: re.Match[str]) -> str:
    count = 2 if match.group(1).lower() == "double" else 3
    return " ".join([match.group(2)] * count)


def _convert_small_words(text: str) -> str:
    tokens = list(_WORD.finditer(text))
    pieces: list[str] = []
    cursor = 0
    for index, token in enumerate(tokens):
        if _is_small_number(text, tokens, index):
            pieces += [text[cursor : token.start()], SMALL_WORDS[token.group().lower()]]
            cursor = token.end()
    return "".join([*pieces, text[cursor:]])


def _is_small_number(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    word = tokens[index].group().lower()
    if word not in SMALL_WORDS:
        return False
    if word in ALWAYS_NUMBERS or len(tokens) == 1:
        return True
    before = tokens[index - 1].group() if index > 0 else None
    after = tokens[index + 1].group() if index + 1 < len(tokens) else None
    if _spelled_neighbours(before, after, text, tokens[index]):
        return True
    if before is not None and before.lower() == "le":
        return True
    return before is not None and before.lower() in KEYPAD_TRIGGERS and _ends_phrase(after)


def _spelled_neighbours(
    before: str | None, after: str | None, text: str, token: re.Match[str]
) -> bool:
    """Neighbours that are all digits or single letters: « A un B », « 12 un 34 ».

    « a » and « y » are also French words (« il y a un … »): they count only beside a
    neighbour that is surely spelled (« a un b »).
    """
    near = [word for word in (before, after) if word is not None]
    if _sentence_break(text[: token.start()]):
        near = [word for word in (after,) if word is not None]
    spelled = all(_is_character(word) for word in near)
    return spelled and any(word.lower() not in ("a", "y") for word in near)


def _is_character(word: str) -> bool:
    """A digit group or one letter, as when a code is spelled out."""
    return word.isascii() and (word.isdigit() or (len(word) == 1 and word.isalpha()))


def _sentence_break(before: str) -> bool:
    stripped = before.rstrip()
    return stripped.endswith((".", "!", "?", ":", ";"))


def _ends_phrase(after: str | None) -> bool:
    return after is None or after.lower() in _CONJUNCTIONS


def _keypad_tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFC", text.lower()).replace("’", "'")
    return re.findall(r"[*#]|[0-9]+|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*", folded.replace("'", " "))


_KEYPAD_FILLERS = frozenset(
    {"le", "la", "l", "sur", "euh", "ben", "alors", "donc", "je", "c", "est", "vais", "veux"}
    | {"tapez", "tape", "taper", "tapé", "appuyez", "appuie", "appuyer", "prends", "prendre"}
    | {"touche", "option", "choix", "numéro", "numero", "voudrais"}
    | {"s", "il", "vous", "plait", "plaît", "svp", "merci"}
)

_ORDINALS = (
    "premier",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
)

_KEYPAD_KEYS: dict[str, str] = {
    **{str(value): str(value) for value in range(10)},
    **{word: str(value) for value, word in enumerate(DIGIT_WORDS)},
    **{word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
    "zero": "0",
    "une": "1",
    "première": "1",
    "second": "2",
    "seconde": "2",
    "*": "*",
    "étoile": "*",
    "etoile": "*",
    "astérisque": "*",
    "#": "#",
    "dièse": "#",
    "diese": "#",
}
