"""Reading typed values out of whole sentences: codes, NIRs, serial numbers, yes/no, dates.

A caller rarely types a bare number: « oui alors mon numéro c'est le 2.84.05… »,
« deux quatre-vingt-quatre zéro cinq… », « c'est le 1 85 05 2A … ». Each reader finds the
part of the sentence that looks like the value, then asks the domain validator about it,
and gives back a :class:`SlotReading`: the value, or the rule it breaks
(:attr:`repetition_3422.domain.problems.InvalidValue.rule`), or nothing at all when the
sentence holds no attempt (then the caller is asking something else, and intents decide).

:func:`find_personal_data` spots personal data given unasked (a NIR while the code was
asked, an e-mail address, a phone number, a street address) for the ``extra_data`` count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from repetition_3422.domain.code import CODE_LENGTH, codes_equal, validate_code
from repetition_3422.domain.nir import clean_nir, validate_nir
from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import validate_serial
from repetition_3422.language.model import SlotType
from repetition_3422.language.normalize import contains_words, fold_text, normalize_text

KEY_WORDS = frozenset({"cle", "et", "la", "puis", "avec"})
"""Words said between a NIR and its key: « … 345, et la clé 28 »."""

MIN_ATTEMPT = 6
"""Fewer characters than this in a number-like run is not an attempt at a code or number."""

CORSICA_AT = 6
"""Characters of a NIR before the letter of a Corsican department (``2 84 05 2`` + ``A``)."""

SPELLED_MIN = 3
"""Single characters in a run of letters that make it a code spelled out (« A B C … »)."""

_NIR_TOKEN = re.compile(r"\d+|\d*2[ab]\d*")
_DATE_LIKE = re.compile(r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d{2}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_STREET = re.compile(
    r"\b\d+ (bis |ter )?(rue|avenue|av|boulevard|bd|chemin|allee|impasse|place|route|quai"
    r"|cours|square|residence|lotissement|hameau|lieu dit)\b"
)
_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre")  # fmt: skip
_DAY_MONTH = re.compile(r"\b(\d{1,2}|1er|premier) (" + "|".join(_MONTHS) + r")(?: (\d{4}))?\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})\b")

CODE_FILLERS = frozenset(
    ("oui", "non", "alors", "donc", "euh", "ben", "bon", "voila", "voici", "est", "le", "la",
     "les", "mon", "ma", "mes", "code", "codes", "confidentiel", "provisoire", "secret",
     "numero", "de", "du", "des", "et", "puis", "ensuite", "ai", "je", "il", "pas", "sur",
     "lettre", "courrier", "mail", "merci", "comme", "dans", "sont", "ce", "cela", "ca", "qui",
     "que", "quoi")
)  # fmt: skip
"""Words around a code that are not part of it (short words otherwise pass for groups).

Single letters are not in the list: a code may be spelled one character at a time."""

_CODE_FILLER_PHRASES = re.compile(r"\b(c est|c etait|il y a|y a|j ai|n ai|l ai)\b")

_YES = (
    "oui",
    "ok",
    "d accord",
    "exactement",
    "tout a fait",
    "bien sur",
    "absolument",
    "affirmatif",
    "c est ca",
    "je confirme",
    "confirme",
    "certain",
    "certaine",
    "sur",
    "sure",
    "evidemment",
    "voila",
)
_NO = (
    "non",
    "pas du tout",
    "surtout pas",
    "jamais",
    "negatif",
    "pas d accord",
    "pas sur",
    "pas sure",
    "pas certain",
    "pas certaine",
)
_WITHOUT_PHOTO = (
    "sans photo",
    "sans la photo",
    "pas de photo",
    "pas avec photo",
    "jaune",
    "ancienne",
    "vieille",
    "vitale 1",
    "sans",
)
_WITH_PHOTO = (
    "avec photo",
    "avec la photo",
    "avec ma photo",
    "photo",
    "nouvelle",
    "recente",
    "vitale 2",
    "avec",
)


@dataclass(frozen=True, slots=True)
class SlotReading:
    """What a sentence held for a slot.

    Attributes:
        value: The valid value, normalised (``2840575112345 28`` → ``284057511234528``).
        rule: The domain rule the attempted value breaks (``nir.key``, ``code.length``…).
        heard: The characters read as the attempt (compact), so that
            :func:`find_personal_data` does not count the answer itself.
    """

    value: str | None = None
    rule: str | None = None
    heard: str = ""

    @property
    def attempted(self) -> bool:
        """Whether the sentence held an attempt at the value (valid or not)."""
        return self.value is not None or self.rule is not None


NOTHING = SlotReading()
"""A sentence with no attempt at the value."""


def read_slot(
    slot_type: SlotType,
    text: str,
    *,
    card_type: str | None = None,
    nir: str | None = None,
    today: date | None = None,
) -> SlotReading:
    """Read a value of ``slot_type`` out of what the caller said.

    Args:
        slot_type: The kind of value asked.
        text: The caller's whole sentence, as typed.
        card_type: For ``vitale_serial``: ``avec-photo`` or ``sans-photo`` (default
            ``sans-photo``, the one that accepts 8 to 13 digits).
        nir: For ``vitale_serial``: the caller's NIR, to refuse a serial taken from it.
        today: For ``date``: the simulated date (« aujourd'hui », a date without year).
    """
    folded = fold_text(text)
    kind = card_type if card_type in ("avec-photo", "sans-photo") else "sans-photo"
    readers: dict[str, Callable[[], SlotReading]] = {
        "code": lambda: _read_code(folded),
        "nir": lambda: _read_runs(_number_runs(folded, nir_letters=True), validate_nir),
        "vitale_serial": lambda: _read_runs(
            _number_runs(folded),
            lambda run: validate_serial(run, kind, nir=nir),  # type: ignore[arg-type]
        ),
        "vitale_type": lambda: _read_choice(
            normalize_text(text), (("sans-photo", _WITHOUT_PHOTO), ("avec-photo", _WITH_PHOTO))
        ),
        "yes_no": lambda: _read_choice(normalize_text(text), (("non", _NO), ("oui", _YES))),
        "date": lambda: _read_date(folded, today or date.today()),
    }
    reader = readers.get(slot_type)
    if reader is not None:
        return reader()
    stripped = text.strip()
    return SlotReading(value=stripped, heard=stripped) if stripped else NOTHING


def same_value(slot_type: SlotType, given: str, expected: str) -> bool:
    """Whether a valid value is the one on file, with each type's notion of « same »."""
    if slot_type == "code":
        return codes_equal(given, expected)
    if slot_type == "nir":
        return clean_nir(given) == clean_nir(expected)
    if slot_type == "vitale_serial":
        return re.sub(r"\D", "", given) == re.sub(r"\D", "", expected)
    return fold_text(given) == fold_text(expected)


def find_personal_data(text: str, *, asked: SlotType | None, consumed: str = "") -> tuple[str, ...]:
    """Kinds of personal data in ``text`` that the adviser did not ask for.

    A NIR, a serial number or a code counts only while *another* slot is asked (given
    before anything is asked, it is only early); an e-mail address, a phone number or a
    street address counts unless free text is asked.

    Args:
        text: The caller's sentence.
        asked: The type of the slot the current state asks, if any.
        consumed: What the asked slot's reader took (:attr:`SlotReading.heard`).

    Returns:
        One entry per item found: ``nir``, ``vitale_serial``, ``code``, ``email``,
        ``phone`` or ``address``.
    """
    folded = fold_text(text)
    found: list[str] = []
    if asked is not None:
        for kind in _numbers_in(folded, consumed):
            if kind != asked:
                found.append(kind)
    if asked != "text":
        if _EMAIL.search(text) or contains_words(folded, "arobase"):
            found.append("email")
        if any(_is_phone(run) for run in _number_runs(folded) if run != consumed):
            found.append("phone")
        if _STREET.search(folded):
            found.append("address")
    return tuple(found)


def _number_runs(folded: str, *, nir_letters: bool = False) -> list[str]:
    """Consecutive number tokens joined: « le 2 84 05 2a 123 » → ``["284052a123"]``.

    With ``nir_letters``, Corsican departments (``2a``, ``2b``) count as numbers, and the
    words people say before the key (« … 000, et la clé 82 ») do not break the run.
    """
    runs: list[str] = []
    current: list[str] = []
    tokens = folded.split()
    for index, token in enumerate([*tokens, ""]):
        if token and (token.isdigit() or (nir_letters and _NIR_TOKEN.fullmatch(token))):
            current.append(token)
        elif nir_letters and token in ("a", "b") and _corsica_follows(current):
            current.append(token)  # « 2 84 05 2 A … », « … deux A … »: the department apart
        elif nir_letters and current and token in KEY_WORDS and _digits_follow(tokens, index):
            continue
        elif current:
            runs.append("".join(current))
            current = []
    return runs


def _corsica_follows(current: list[str]) -> bool:
    """Whether a lone « a » or « b » here is the letter of Corsica's department 2A or 2B:
    right after the sex, the year, the month and the « 2 » (six characters)."""
    joined = "".join(current)
    return len(joined) == CORSICA_AT and joined.endswith("2")


def _digits_follow(tokens: list[str], index: int) -> bool:
    """Whether, past the words before a key, the next token is a number."""
    rest = (token for token in tokens[index:] if token not in KEY_WORDS)
    return next(rest, "").isdigit()


def _read_runs(runs: list[str], validate: Callable[[str], str]) -> SlotReading:
    """The first run that validates, else the broken rule of the longest attempt."""
    attempts = [run for run in runs if len(run) >= MIN_ATTEMPT]
    problem: tuple[str, str] | None = None
    for run in attempts:
        try:
            return SlotReading(value=validate(run), heard=run)
        except InvalidValue as error:
            if problem is None or len(run) > len(problem[1]):
                problem = (error.rule, run)
    if problem is None:
        return NOTHING
    return SlotReading(rule=problem[0], heard=problem[1])


def _code_runs(folded: str) -> list[list[str]]:
    """Runs of consecutive tokens that may be pieces of a code, as token lists."""
    runs: list[list[str]] = []
    current: list[str] = []
    # « c'est », « il y a » hold single letters that would pass for spelled characters.
    for token in [*_CODE_FILLER_PHRASES.sub(" ", folded).split(), ""]:
        if token and _is_code_piece(token):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    return runs


def _is_code_piece(token: str) -> bool:
    if any(char.isdigit() for char in token) or len(token) == 12:
        return True
    return len(token) <= 4 and token not in CODE_FILLERS


def _twelve_in(tokens: list[str]) -> str | None:
    """A whole-token window of exactly 12 characters (« c AB12 CD34 EF56 »).

    A window that ends with the run wins: a caller ends with the code, while a run may
    start with a stray letter (« c » for « c'est », then the code spelled out).
    """
    windows: list[tuple[bool, str]] = []
    for start in range(len(tokens)):
        for stop in range(start + 1, len(tokens) + 1):
            joined = "".join(tokens[start:stop])
            if len(joined) >= 12:
                if len(joined) == 12:
                    windows.append((stop == len(tokens), joined))
                break
    ending = [joined for at_end, joined in windows if at_end]
    return ending[0] if ending else (windows[0][1] if windows else None)


def _looks_like_code(tokens: list[str]) -> bool:
    """Whether a run of short tokens can be a code read aloud, not a few French words.

    « vous me », « fait beau », « ne sais » are short words, but no caller reads a code
    without a digit unless it is all twelve characters or spelled one at a time.
    """
    joined = "".join(tokens)
    if len(joined) == CODE_LENGTH or any(char.isdigit() for char in joined):
        return True
    return sum(len(token) == 1 for token in tokens) >= SPELLED_MIN


def _read_code(folded: str) -> SlotReading:
    token_runs = [tokens for tokens in _code_runs(folded) if _looks_like_code(tokens)]
    attempts = [
        run for run in ("".join(tokens) for tokens in token_runs) if len(run) >= MIN_ATTEMPT
    ]
    if not attempts:
        return NOTHING
    exact = [found for tokens in token_runs if (found := _twelve_in(tokens))]
    chosen = exact[0] if exact else max(attempts, key=len)
    try:
        return SlotReading(value=validate_code(chosen), heard=chosen)
    except InvalidValue as error:
        return SlotReading(rule=error.rule, heard=chosen)


def _read_choice(text: str, options: tuple[tuple[str, tuple[str, ...]], ...]) -> SlotReading:
    # Options are tried in order, so the more specific one (« sans photo », « pas sûr »)
    # is found before the word it contains (« photo », « sûr »).
    for value, phrases in options:
        if any(contains_words(text, phrase) for phrase in phrases):
            return SlotReading(value=value, heard=value)
    return NOTHING


def _read_date(folded: str, today: date) -> SlotReading:
    if contains_words(folded, "aujourd hui"):
        return SlotReading(value=today.isoformat(), heard="aujourd hui")
    match = _DAY_MONTH.search(folded)
    if match:
        day = 1 if match.group(1) in ("1er", "premier") else int(match.group(1))
        month = _MONTHS.index(match.group(2)) + 1
        year = int(match.group(3)) if match.group(3) else today.year
        return _date_reading(year, month, day, match.group(0))
    match = _NUMERIC_DATE.search(folded)
    if match:
        year = int(match.group(3))
        year = year + 2000 if year < 100 else year
        return _date_reading(year, int(match.group(2)), int(match.group(1)), match.group(0))
    return NOTHING


def _date_reading(year: int, month: int, day: int, heard: str) -> SlotReading:
    try:
        return SlotReading(value=date(year, month, day).isoformat(), heard=heard)
    except ValueError:
        return SlotReading(rule="date.invalid", heard=heard)


def _numbers_in(folded: str, consumed: str) -> list[str]:
    """Kinds of identifying numbers in the text, leaving out the asked value itself."""
    kinds: list[str] = []
    for run in _number_runs(folded, nir_letters=True):
        if run == consumed or _DATE_LIKE.fullmatch(run) or _is_phone(run):
            continue
        if 13 <= len(run) <= 15 and run[0] in "1278":
            kinds.append("nir")
        elif run.isdigit() and 8 <= len(run) <= 13:
            kinds.append("vitale_serial")
    for run in ("".join(tokens) for tokens in _code_runs(folded)):
        has_letter = any(char.isalpha() for char in run)
        if run != consumed and len(run) == 12 and has_letter and any(c.isdigit() for c in run):
            kinds.append("code")
    return kinds


def _is_phone(run: str) -> bool:
    """French phone numbers: 10 digits from 01 to 09, or 33 and 9 digits."""
    national = len(run) == 10 and run[0] == "0" and run[1] != "0"
    return national or (len(run) == 11 and run.startswith("33"))
