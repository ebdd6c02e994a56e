"""Checks beyond one-example-per-code: names, shadowing by similar intents, fragments, hints."""

from __future__ import annotations

import pytest

from repetition_3422.language.names import Names

from .conftest import MINIMAL, Load, codes


def with_state(extra: str, **replacements: str) -> str:
    """MINIMAL with ``extra`` appended under ``states:`` (and some text replaced)."""
    text = MINIMAL
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text + extra


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("heard.oui > 0", None),
        ("heard('oui') > 0 and visited.accueil >= 1", None),
        ("difficulty == 'difficile' or mode == 'real'", None),
        ("line_open and weekday < 5 and hour >= 8.5", None),
        ("outcome in ['ok', ''] and polite and not extra_data", None),
        ("elapsed > 60 or silences > 2 or no_matches > 3", None),
        ("heard.ouii > 0", "R305"),
        ("visited.nulle_part", "R305"),
        ("given.code", "R305"),  # no slot declared
        ("adviser.name == 'x'", "R305"),  # a template name, not a condition name
        # A call is only ever a lookup of a name: this one is simply unknown.
        ("__import__('os')", "R305"),
        ("2 ** 10 > 1", "R306"),
        ("(lambda: 1)()", "R306"),
        ("heard.oui >", "R306"),
    ],
)
def test_names_and_syntax_of_conditions(load: Load, expression: str, problem: str | None) -> None:
    text = MINIMAL.replace("go: fin}", f'go: fin, when: "{expression}"}}')
    _script, found = load(text)
    assert codes(found) == ([] if problem is None else [problem])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Je suis {adviser.name}, nous sommes {today}, il est {now}.", None),
        ("{caller.first_name} {identity.nir|grouped} {represented.last_name}", None),
        ("{persona.conseillere.name} et {{accolades}}", None),
        ("{persona.inconnue.name}", "R305"),
        ("{caller.prenom}", "R305"),
        ("{adviser.name|majuscules}", "R307"),
        ("Un } seul", "R307"),
    ],
)
def test_names_and_syntax_of_templates(load: Load, text: str, problem: str | None) -> None:
    _script, found = load(MINIMAL.replace("say: Bonjour.", f'say: "{text}"'))
    assert codes(found) == ([] if problem is None else [problem])


def test_a_name_with_dashes_gets_the_call_form_as_hint(load: Load) -> None:
    text = with_state(
        "  demande-code: {say: Code ?, on: [{intent: oui, go: fin}]}\n",
        **{"go: fin}": "go: demande-code, when: visited.demande-code > 0}"},
    )
    _script, found = load(text)
    # Python reads « visited.demande - code »: both halves are unknown names.
    assert codes(found) == ["R305", "R305"]
    assert found[0].hint == "un id avec des tirets s'écrit visited('demande-code')."


def test_an_intent_whose_examples_an_earlier_intent_also_matches_is_shadowed(load: Load) -> None:
    text = MINIMAL.replace("  non: [non]\n", "  non: [non]\n  accord: [d'accord, oui]\n").replace(
        "on: [{intent: oui, go: fin}]", "on: [{intent: oui, go: fin}, {intent: accord, go: fin}]"
    )
    _script, found = load(text)
    assert codes(found) == ["G405"]


def test_a_guarded_earlier_transition_hides_nothing(load: Load) -> None:
    text = MINIMAL.replace(
        "on: [{intent: oui, go: fin}]",
        "on: [{intent: oui, when: heard.oui > 1, go: fin}, {intent: oui, go: fin}]",
    )
    assert codes(load(text)[1]) == []


def test_a_catch_all_hides_what_follows_and_ends_endless_reprompts(load: Load) -> None:
    text = MINIMAL.replace("defaults: {after_retries: fin}\n", "").replace(
        "on: [{intent: oui, go: fin}]", "on: [{any: true, go: fin}, {intent: oui, go: fin}]"
    )
    assert codes(load(text)[1]) == ["G405"]


def test_fragments_skip_the_checks_that_need_a_whole_script(load: Load) -> None:
    fragment = """\
    intents: {oui: [oui]}
    variables: {jamais_lue: 0}
    states:
      seul: {say: "{persona.x.name}", on: [{intent: oui}, {intent: non, go: ailleurs}]}
      fin: {kind: end, outcome: defini-par-le-script}
    """
    assert codes(load(fragment)[1]) == []


def test_unused_fragment_states_are_not_reported_but_own_states_are(load: Load) -> None:
    text = MINIMAL.replace("start: accueil", "start: accueil\nincludes: [common]")
    assert codes(load(text)[1]) == []
    assert codes(load(text + "  perdu: {kind: end, outcome: ok}\n")[1]) == ["G401"]


def test_every_readable_name_is_offered_as_a_hint(load: Load) -> None:
    script, _found = load(MINIMAL)
    assert script is not None
    names = Names(script)
    assert "heard.oui" in names.every()
    assert "adviser.name" not in names.every()
    assert "persona.conseillere.name" in names.every(template=True)
