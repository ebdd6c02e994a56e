"""Which transition a turn takes: keys, words, slots, intents, guards, global, fallback."""

from __future__ import annotations

from repetition_3422.engine.compiled import compile_script
from repetition_3422.engine.turns import Turn, pick_transition
from repetition_3422.language.model import Condition, Intent, State, Transition
from repetition_3422.language.normalize import normalize_text

from .build import small_script, when

INTENTS = {
    "oui": Intent("oui", phrases=("oui",), keywords=("oui",)),
    "justificatif": Intent("justificatif", keywords=("justificatif",)),
    "repeter": Intent("repeter", keywords=("repeter",)),
}
ASK = Transition(intents=("oui",), go="a")
PROOF = Transition(intents=("justificatif",), go="b")
OWN_REPEAT = Transition(intents=("repeter",), go="c")
GLOBAL_REPEAT = Transition(intents=("repeter",), do="repeat")
ANY = Transition(any=True, go="d")
GUARDED = Transition(intents=("oui",), when=when("false"), go="e")
MENU = Transition(keys="1", words=("espace sante", "le un"), go="f")
FILLED = Transition(slot="code", go="g")


def turn_for(state: State, text: str, **extra: object) -> Transition | None:
    script = small_script(
        intents=INTENTS, states={**small_script().states, state.id: state},
        global_on=(GLOBAL_REPEAT,),
    )  # fmt: skip
    compiled = compile_script(script)
    normalized = normalize_text(text)
    turn = Turn(text, normalized, compiled.matcher.scores_normalized(normalized), **extra)  # type: ignore[arg-type]

    def holds(condition: Condition | None) -> bool:
        return condition is None or condition.source != "false"

    return pick_transition(compiled.plans[state.id], turn, holds)


def state(*on: Transition) -> State:
    return State("s", "talk", None, on=on)


def test_a_specific_intent_wins_over_a_generic_one_written_first() -> None:
    assert turn_for(state(ASK, PROOF), "oui, je voudrais un justificatif") is PROOF
    assert turn_for(state(ASK, PROOF), "oui") is ASK


def test_the_state_overrides_a_global_transition_for_the_same_intent() -> None:
    assert turn_for(state(OWN_REPEAT), "vous pouvez repeter") is OWN_REPEAT
    assert turn_for(state(ASK), "vous pouvez repeter") is GLOBAL_REPEAT


def test_guards_that_do_not_hold_leave_the_next_transition() -> None:
    assert turn_for(state(GUARDED, ASK), "oui") is ASK


def test_any_only_when_nothing_else_fires() -> None:
    assert turn_for(state(ANY, ASK), "oui") is ASK
    assert turn_for(state(ANY, ASK), "autre chose") is ANY
    assert turn_for(state(ASK), "autre chose") is None


def test_keys_words_and_slots() -> None:
    menu = state(MENU, FILLED)
    assert turn_for(menu, "", keys="1") is MENU
    assert turn_for(menu, "", keys="2") is None
    assert turn_for(menu, "le un") is MENU
    assert turn_for(menu, "tapez 1") is MENU
    assert turn_for(menu, "mon espace santé") is MENU
    assert turn_for(menu, "AB12 CD34 EF56", filled="code") is FILLED


def test_a_script_is_prepared_once() -> None:
    script = small_script()
    assert compile_script(script) is compile_script(script)
