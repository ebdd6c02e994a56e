"""Shipped scenarios and fragments, and how a name becomes a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.errors import UnknownScenarioError
from repetition_3422.language import catalog, load_and_check


def test_shipped_ids_are_the_scenarios_not_the_fragments() -> None:
    ids = catalog.shipped_ids()
    assert "exemple" in ids
    assert "common" not in ids
    assert "common" in catalog.fragment_ids()


def test_a_shipped_id_or_a_path_resolves_to_a_file(tmp_path: Path) -> None:
    assert catalog.resolve("exemple") == catalog.scenario_path("exemple")
    own = tmp_path / "mien.yaml"
    own.write_text("id: mien\n", encoding="utf-8")
    assert catalog.resolve(str(own)) == own


def test_an_unknown_name_lists_the_shipped_ids_and_suggests_one() -> None:
    with pytest.raises(UnknownScenarioError) as caught:
        catalog.resolve("exemples")
    assert "exemple" in caught.value.message
    assert caught.value.hint == "Vouliez-vous dire « exemple » ?"
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    "path", [catalog.scenario_path("exemple"), catalog.fragment_path("common")]
)
def test_shipped_files_have_no_problem_even_strictly(path: Path) -> None:
    assert load_and_check(path)[1] == []


def test_the_common_fragment_has_the_ids_the_engine_relies_on() -> None:
    script, _found = load_and_check(catalog.fragment_path("common"))
    assert script is not None
    assert set(script.intents) == {
        "oui",
        "non",
        "repeter",
        "plus_lentement",
        "pas_compris",
        "un_instant",
        "au_revoir",
        "bonjour",
        "merci",
    }
    assert set(script.outcomes) == {
        "opposition-enregistree",
        "fermeture-enregistree",
        "raccroche-appelant",
        "raccroche-conseiller",
        "ligne-coupee",
        "hors-horaires",
        "non-identifie",
    }
    actions = {t.intents[0]: (t.do, t.go) for t in script.global_on}
    assert actions == {
        "repeter": ("repeat", None),
        "plus_lentement": ("slower", None),
        "pas_compris": ("repeat", None),
        "un_instant": (None, None),
    }
    end = script.states["fin-appelant"]
    assert (end.kind, end.outcome, end.hangup_by) == ("end", "raccroche-appelant", "appelant")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Pouvez-vous répéter ?", "repeter"),
        ("vous pouvez repeter svp", "repeter"),
        ("plus lentement s'il vous plait", "plus_lentement"),
        ("je comprend pas", "pas_compris"),
        ("attendez une seconde je cherche", "un_instant"),
        ("aurevoir", "au_revoir"),
        ("Bonjour madame", "bonjour"),
        ("merci beaucoup", "merci"),
        ("oui tout à fait", "oui"),
        ("non pas du tout", "non"),
    ],
)
def test_common_intents_recognise_natural_phrasings(text: str, intent: str) -> None:
    from repetition_3422.language.intents import IntentMatcher

    script, _found = load_and_check(catalog.fragment_path("common"))
    assert script is not None
    scores = IntentMatcher(script.intents).scores(text)
    assert next(iter(scores), None) == intent, scores
