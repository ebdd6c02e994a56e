"""Normalisation, intent scores and the choice rule, on small hand-made intents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repetition_3422.language.intents import (
    THRESHOLD,
    IntentMatcher,
    choose,
    compile_intent,
    keyword_score,
    phrase_score,
)
from repetition_3422.language.model import Intent
from repetition_3422.language.normalize import contains_words, fold_text, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Je voudrais M'OPPOSER à « Mon espace santé » !",
            "je voudrais m opposer a mon espace sante",
        ),
        ("c quoi le code ?", "c est quoi le code"),  # SMS « c » is « c'est »
        ("c'est bon", "c est bon"),  # « c » followed by « est » stays as it is
        ("jveux m'opposer stp", "je veux m opposer s il te plait"),
        ("par e-mail ou par courriel", "par mail ou par mail"),
        ("deux quatre-vingt-quatre zéro cinq", "2 84 05"),
        ("2.84.05-75", "2 84 05 75"),
        ("ouais", "oui"),
        ("Œuvre", "oeuvre"),  # ligature
        ("   plein   d'espaces\t", "plein d espaces"),
        ("", ""),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_fold_keeps_single_letters_that_normalize_expands() -> None:
    # Slot readers need « c » as a spelled character, intents need « c'est ».
    assert fold_text("A B C D") == "a b c d"
    assert normalize_text("A B C D") == "a b c est d"


def test_contains_words_needs_word_boundaries() -> None:
    assert contains_words("je veux m opposer", "m opposer")
    assert not contains_words("je vais proposer", "opposer")
    assert not contains_words("anything", "")


def test_keyword_typo_keeps_first_letter() -> None:
    assert keyword_score("justificatif", "je veux un justificatf") >= THRESHOLD
    assert keyword_score("opposer", "je vais proposer") == 0.0  # not a typo of « opposer »
    assert keyword_score("opposer", "m oposer") < keyword_score("opposer", "m opposer")


def test_phrase_scores() -> None:
    assert phrase_score("oui", "oui") == 100.0
    assert phrase_score("oui", "ouii") >= THRESHOLD  # a typo in a short answer
    # Found inside: the more of the text it covers, the higher.
    short = phrase_score("oui", "oui je voudrais un justificatif")
    longer = phrase_score("je voudrais un justificatif", "oui je voudrais un justificatif")
    assert THRESHOLD <= short < longer < 100.0
    # Two sentences sharing boilerplate are not typos of each other.
    assert (
        phrase_score(
            "je voudrais m opposer a mon espace sante", "je voudrais fermer mon espace sante"
        )
        == 0.0
    )


def test_matcher_scores_every_intent_and_drops_weak_ones() -> None:
    matcher = IntentMatcher(
        {
            "oui": Intent("oui", phrases=("oui",)),
            "justificatif": Intent("justificatif", keywords=("justificatif",)),
            "fermer": Intent("fermer", patterns=(r"\bferm(er|eture)\b",)),
        }
    )
    scores = matcher.scores("Oui, et je voudrais un justificatif.")
    assert list(scores) == ["justificatif", "oui"]  # best first
    assert scores["justificatif"] > scores["oui"]
    assert matcher.scores("la fermeture") == {"fermer": 95.0}
    assert matcher.scores("rien à voir") == {}


@pytest.mark.parametrize(
    ("scores", "winner"),
    [
        ([None, 83.0, 92.0], 2),  # best score wins
        ([91.0, 92.0], 0),  # within the margin: the first written wins
        ([80.0, 92.0], 1),
        ([None, None], None),
        ([], None),
    ],
)
def test_choose(scores: list[float | None], winner: int | None) -> None:
    assert choose(scores) == winner


# ---- the bound the checker prunes with ------------------------------------------------

NORMALISED_WORDS = st.text(alphabet="aeinorstu", min_size=1, max_size=9)
NORMALISED_TEXT = st.lists(NORMALISED_WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(
    phrases=st.lists(NORMALISED_TEXT, max_size=3),
    keywords=st.lists(NORMALISED_TEXT, max_size=3),
    text=NORMALISED_TEXT,
)
def test_could_score_never_rules_out_a_score_reached(
    phrases: list[str], keywords: list[str], text: str
) -> None:
    # A small alphabet makes near misses (the fuzzy cases) frequent.
    compiled = compile_intent(Intent("x", tuple(phrases), tuple(keywords)))
    score = compiled.score(text)
    assert compiled.could_score(text, score)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("je veux m opposer", "je veux m opposer"),  # the phrase itself
        ("opposition", "je fais opposition"),  # a keyword inside
        ("justificatif", "je voudrais un justificatf"),  # a slip in a long word
        ("je voudrais un justificatif", "je voudrais un justificatif svp"),  # partial match
    ],
)
def test_could_score_keeps_the_scores_of_real_matches(phrase: str, text: str) -> None:
    for compiled in (
        compile_intent(Intent("p", phrases=(phrase,))),
        compile_intent(Intent("k", keywords=(phrase,))),
    ):
        score = compiled.score(normalize_text(text))
        assert compiled.could_score(normalize_text(text), score)
        assert not compiled.could_score(normalize_text(text), score + 1)
