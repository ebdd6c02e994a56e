"""Recognising what a caller means: every intent scored 0–100 on normalised text.

Scoring (both the caller's text and the author's phrasings go through
:func:`~repetition_3422.language.normalize.normalize_text` first):

- a **pattern** (regular expression) found in the text scores 95;
- a **keyword** or a **phrase** found whole inside the text scores 80 plus up to 20 for
  the share of the text it covers (100 when it is the whole text): a long, specific
  keyword says more of a sentence than « oui » or « bonjour » said on the way;
- a keyword of 5 letters or more also matches a word typed with a slip (same first
  letter, similarity of 85 % or more: « justificatf », « oposer »), a few points lower;
- a phrase also scores its similarity with the whole text (typos in a short answer), and
  a phrase of 10 characters or more its near-match inside a longer text.

The intent's score is the best of these; intents under :data:`THRESHOLD` are not
recognised. Every caller turn scores *all* intents (the ``heard.<intent>`` counters).

**Which transition a turn takes** (:func:`choose`): the candidates are the state's own
transitions, then the ``global`` ones (a global transition is skipped when the state has
its own transition for the same intent), each with the score of its best recognised
intent. **The highest score wins; candidates within** :data:`TIE_MARGIN` **points of the
best count as tied, and then the first written wins.** So a generic intent does not steal
a turn that clearly means something more specific the state listens to: in « oui, je
voudrais un justificatif », « oui » covers little of the text (about 82) and
« justificatif » much more (about 88), so the justificatif transition is taken wherever
it is written. When two intents are about as likely (« bonjour, je veux m'oposer… »:
a greeting and an opposition with a typo), the author's order decides: write the
specific transitions of a state before the generic ones. Order is also how ``when``
guards on the same intent are tried one after the other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from msgspec import Struct

from repetition_3422.language.model import Intent
from repetition_3422.language.normalize import contains_words, normalize_text

THRESHOLD = 70.0
"""Lowest score of a recognised intent."""

TIE_MARGIN = 3.0
"""Scores closer than this to the best one count as tied (the first written wins)."""

PATTERN_SCORE = 95.0
"""Score of an intent whose pattern is found in the text."""

INSIDE_SCORE = 80.0
"""Score of a keyword or phrase found inside a longer text (up to 100 as it covers more
of it: « justificatif » says more of « oui je voudrais un justificatif » than « oui »)."""

_LONG_PHRASE = 12
_WHOLE_MIN_RATIO_SHORT = 80.0
_WHOLE_MIN_RATIO_LONG = 90.0
_FUZZY_WORD_MIN_LENGTH = 5
_FUZZY_WORD_MIN_RATIO = 85.0
_FUZZY_PHRASE_MIN_LENGTH = 10
_FUZZY_PHRASE_MIN_RATIO = 90.0
_SLACK = 1e-6
"""Added to the bounds of :meth:`CompiledIntent.could_score`: float rounding must not make
a bound computed another way fall below the score it bounds."""


class CompiledIntent(Struct, frozen=True):
    """An intent with its phrasings normalised and its patterns compiled, once."""

    id: str
    phrases: tuple[str, ...]
    keywords: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    def score(self, text: str) -> float:
        """Score of this intent for ``text`` (already normalised), 0–100."""
        if not text:
            return 0.0
        best = 0.0
        if any(pattern.search(text) for pattern in self.patterns):
            best = PATTERN_SCORE
        for keyword in self.keywords:
            best = max(best, keyword_score(keyword, text))
        return max(best, phrases_score(self.phrases, text))

    def could_score(self, text: str, least: float) -> bool:
        """False only when :meth:`score` of ``text`` (normalised) is surely under ``least``.

        Found without fuzzy matching: each similarity is taken at the most that the
        lengths, then the letters, of the two texts allow. The checker rules out nearly
        every pair of intents this way (``graphchecks.shadowed``), so checking a script
        needs no rapidfuzz. Keep it in step with :meth:`score`; a property test compares
        the two.
        """
        if least <= 0:
            return True
        if not text:
            return False
        if least <= PATTERN_SCORE and any(pattern.search(text) for pattern in self.patterns):
            return True
        return any(_keyword_could(keyword, text, least) for keyword in self.keywords) or any(
            _phrase_could(phrase, text, least) for phrase in self.phrases
        )


def compile_intent(intent: Intent) -> CompiledIntent:
    """Normalise an intent's phrases and keywords and compile its patterns.

    Raises:
        re.error: a pattern is not a valid regular expression (the checker reports it).
    """
    return CompiledIntent(
        id=intent.id,
        phrases=compile_phrases(intent.phrases),
        keywords=compile_phrases(intent.keywords),
        patterns=tuple(re.compile(pattern) for pattern in intent.patterns),
    )


def compile_phrases(phrases: Iterable[str]) -> tuple[str, ...]:
    """Normalise phrases (empty ones dropped, duplicates removed, order kept)."""
    normalised = (normalize_text(phrase) for phrase in phrases)
    return tuple(dict.fromkeys(phrase for phrase in normalised if phrase))


class IntentMatcher:
    """Scores every intent of a script for a caller's text.

    Build it once per script: phrasings are normalised and patterns compiled here, so a
    turn costs one pass over the intents, whatever the number of states.
    """

    def __init__(self, intents: Mapping[str, Intent], *, threshold: float = THRESHOLD) -> None:
        self._intents = tuple(compile_intent(intent) for intent in intents.values())
        self.threshold = threshold

    def scores(self, text: str) -> dict[str, float]:
        """The recognised intents for ``text`` (raw), with their scores, best first."""
        return self.scores_normalized(normalize_text(text))

    def scores_normalized(self, text: str) -> dict[str, float]:
        """Like :meth:`scores`, for a text already passed through ``normalize_text``."""
        found = {intent.id: intent.score(text) for intent in self._intents}
        recognised = {key: value for key, value in found.items() if value >= self.threshold}
        return dict(sorted(recognised.items(), key=lambda item: -item[1]))


def keyword_score(keyword: str, text: str) -> float:
    """Score of one normalised keyword in a normalised text (0 when absent)."""
    if contains_words(text, keyword):
        return inside_score(keyword, text)
    if " " in keyword:
        if len(keyword) < _FUZZY_PHRASE_MIN_LENGTH:
            return 0.0
        from rapidfuzz import fuzz  # imported on first use: commands that only check skip it

        ratio = fuzz.partial_ratio(keyword, text, score_cutoff=_FUZZY_PHRASE_MIN_RATIO)
        return inside_score(keyword, text) * ratio / 100.0
    if len(keyword) < _FUZZY_WORD_MIN_LENGTH:
        return 0.0
    from rapidfuzz import fuzz

    best: tuple[float, str] = (0.0, "")
    for word in text.split():
        # A slip rarely touches the first letter; requiring it keeps « proposer » from
        # passing for « opposer ».
        if word[0] != keyword[0] or abs(len(word) - len(keyword)) > 2:
            continue
        ratio = fuzz.ratio(keyword, word, score_cutoff=_FUZZY_WORD_MIN_RATIO)
        best = max(best, (ratio, word))
    ratio, word = best
    if not ratio:
        return 0.0
    # One slip in a long word is nearly as telling as the word itself: a few points less
    # than the exact keyword, so that « bonjour, je veux m'oposer » is still an opposition.
    return inside_score(word, text) - (100.0 - ratio) / 4


def phrases_score(phrases: Iterable[str], text: str) -> float:
    """Best score of normalised example phrases against a normalised text."""
    return max((phrase_score(phrase, text) for phrase in phrases), default=0.0)


def phrase_score(phrase: str, text: str) -> float:
    """Score of one normalised phrase against a normalised text, 0–100."""
    if phrase == text:
        return 100.0
    # Similar sentences share a lot of boilerplate (« je voudrais … mon espace santé »):
    # the longer the phrase, the closer the whole text must be to count as a typo of it.
    cutoff = _WHOLE_MIN_RATIO_LONG if len(phrase) >= _LONG_PHRASE else _WHOLE_MIN_RATIO_SHORT
    from rapidfuzz import fuzz

    whole = fuzz.ratio(phrase, text, score_cutoff=cutoff)
    if len(phrase) >= len(text):
        return whole
    if contains_words(text, phrase):
        return max(whole, inside_score(phrase, text))
    if len(phrase) >= _FUZZY_PHRASE_MIN_LENGTH:
        partial = fuzz.partial_ratio(phrase, text, score_cutoff=_FUZZY_PHRASE_MIN_RATIO)
        return max(whole, inside_score(phrase, text) * partial / 100.0)
    return whole


def _keyword_could(keyword: str, text: str, least: float) -> bool:
    """False only when :func:`keyword_score` is surely under ``least``."""
    if contains_words(text, keyword):
        return inside_score(keyword, text) >= least
    if " " in keyword:
        inside = inside_score(keyword, text)
        return (
            len(keyword) >= _FUZZY_PHRASE_MIN_LENGTH
            and inside >= least
            and _partial_could(keyword, text, max(_FUZZY_PHRASE_MIN_RATIO, 100 * least / inside))
        )
    if len(keyword) < _FUZZY_WORD_MIN_LENGTH:
        return False
    for word in text.split():
        if word[0] != keyword[0] or abs(len(word) - len(keyword)) > 2:
            continue
        # The score of a word with a slip: its share of the text, less a quarter of
        # what its similarity misses of 100.
        ratio = 100 - 4 * (inside_score(word, text) - least)
        if ratio <= 100 and _ratio_could(keyword, word, max(ratio, _FUZZY_WORD_MIN_RATIO)):
            return True
    return False


def _phrase_could(phrase: str, text: str, least: float) -> bool:
    """False only when :func:`phrase_score` is surely under ``least``."""
    if phrase == text:
        return least <= 100.0
    if _ratio_could(phrase, text, least):
        return True
    if len(phrase) >= len(text):
        return False
    inside = inside_score(phrase, text)
    if inside < least:
        return False
    if contains_words(text, phrase):
        return True
    return len(phrase) >= _FUZZY_PHRASE_MIN_LENGTH and _partial_could(
        phrase, text, max(_FUZZY_PHRASE_MIN_RATIO, 100 * least / inside)
    )


def _ratio_could(first: str, second: str, least: float) -> bool:
    """False only when ``fuzz.ratio(first, second)`` is surely under ``least``.

    That ratio is an Indel similarity, ``200 × LCS / (total length)`` where LCS, the
    longest common subsequence, is at most the shorter length and at most the number of
    letters the two texts share.
    """
    total = len(first) + len(second)
    if 200 * min(len(first), len(second)) / total + _SLACK < least:
        return False
    return 200 * _shared(first, second) / total + _SLACK >= least


def _partial_could(first: str, second: str, least: float) -> bool:
    """False only when ``fuzz.partial_ratio(first, second)`` is surely under ``least``.

    That is the best ratio of the shorter text (``n`` letters) against a part of the
    longer one no longer than itself. Such a part lies in a window of ``n`` letters of the
    longer text; if the shorter text has at most ``c`` letters in common (in order) with
    a window, no part of it scores more than ``200 × c / (n + c)``. The letters shared
    with each window, counted as it slides, bound ``c`` cheaply; the order is looked at
    only for the windows that pass.
    """
    shorter, longer = (first, second) if len(first) <= len(second) else (second, first)
    size = len(shorter)
    if shorter in longer:
        return least <= 100.0 + _SLACK

    def most(common: int) -> float:
        return 200 * common / (size + common) + _SLACK if common else 0.0

    # All n letters in order within n letters is the shorter text itself, not in there.
    if most(size - 1) < least or most(_shared(shorter, longer)) < least:
        return False
    wanted = Counter(shorter)
    window = Counter(longer[:size])
    shared = sum((wanted & window).values())
    for start in range(len(longer) - size + 1):
        if start:  # slide by one letter: one leaves, one comes in
            leaving, coming = longer[start - 1], longer[start + size - 1]
            shared -= window[leaving] <= wanted.get(leaving, 0)
            window[leaving] -= 1
            window[coming] = window.get(coming, 0) + 1
            shared += window[coming] <= wanted.get(coming, 0)
        part = longer[start : start + size]
        if most(shared) >= least and most(_common_subsequence(shorter, part)) >= least:
            return True
    return False


def _common_subsequence(first: str, second: str) -> int:
    """Length of the longest common subsequence of two short texts."""
    previous = [0] * (len(second) + 1)
    for char in first:
        current = [0]
        for index, other in enumerate(second):
            if char == other:
                current.append(previous[index] + 1)
            else:
                current.append(max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def _shared(first: str, second: str) -> int:
    """How many letters two texts have in common, counted with repeats."""
    return sum(min(first.count(char), second.count(char)) for char in set(first))


def inside_score(part: str, text: str) -> float:
    """Score of ``part`` found in ``text``: 80, plus up to 20 for the share it covers."""
    return INSIDE_SCORE + (100.0 - INSIDE_SCORE) * min(len(part) / len(text), 1.0)


def choose(scores: Sequence[float | None], *, margin: float = TIE_MARGIN) -> int | None:
    """Index of the winning candidate: best score, ties (within ``margin``) by order.

    Args:
        scores: One entry per candidate in the order written; ``None`` for a candidate
            that does not fire.

    >>> choose([None, 83.0, 92.0]), choose([91.0, 92.0]), choose([None, None])
    (2, 0, None)
    """
    fired = [score for score in scores if score is not None]
    if not fired:
        return None
    best = max(fired)
    return next(
        index for index, score in enumerate(scores) if score is not None and score >= best - margin
    )
