"""The engine on small scripts built in Python: states, re-prompts, holds, time, randomness."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from repetition_3422.engine.call import Call
from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldEnded,
    HoldStarted,
    ScriptFault,
    SlotFilled,
    SlotRejected,
    SystemNote,
    Transferred,
)
from repetition_3422.errors import UsageError
from repetition_3422.language.model import Hold, Line, State, Transition

from .build import IDENTITY, OPEN, SATURDAY, line, make_call, says, small_script, states, when


def texts(events: list[CallEvent]) -> list[str]:
    """What the personas said."""
    return [event.text for event in events if isinstance(event, AdviserSaid)]


def at_accueil(**options: Any) -> Call:
    """A call of the small script, through the ring, the menu and the hold."""
    call = make_call(**options)
    call.start()
    call.advance(call.waiting)
    call.press("1")
    call.advance(call.waiting)
    assert call.state.id == "accueil"
    return call


def test_start_rings_then_menu_speaks_after_the_ring() -> None:
    call = make_call()
    events = call.start()
    assert events == [HoldStarted(6, "ringing", "sonnerie")]
    assert call.waiting == 6 and call.state.kind == "hold"
    events = call.advance(6)
    assert isinstance(events[0], HoldEnded)
    assert texts(events) == ["Pour Mon espace santé, tapez 1."]
    assert events[1] == AdviserSaid(
        "serveur", "Serveur vocal", "Pour Mon espace santé, tapez 1.", "l0", "menu", machine=True
    )
    assert call.keypad_active and call.speaker.id == "serveur"


def test_start_twice_and_turn_before_start_are_programming_errors() -> None:
    call = make_call()
    with pytest.raises(RuntimeError):
        call.say("bonjour")
    call.start()
    with pytest.raises(RuntimeError):
        call.start()


def test_hold_announces_at_its_interval_then_the_next_state_speaks() -> None:
    call = make_call()
    call.start()
    call.advance(call.waiting)
    assert isinstance(call.press("1")[0], HoldStarted)
    assert call.waiting == 90
    assert texts(call.advance(29)) == []
    assert texts(call.advance(1)) == ["Merci de patienter."]  # at 30 s
    assert call.waiting == 60
    events = call.advance(60)  # 60 s: the announcement at 60, then the end at 90
    assert texts(events) == ["Merci de patienter.", "Bonjour, Mme Lefèvre, je vous écoute."]
    assert isinstance(events[1], HoldEnded)
    assert call.waiting == 0 and call.state.id == "accueil"


def test_typing_or_silence_on_hold_is_not_an_error() -> None:
    call = make_call()
    call.start()
    events = call.say("allô ?")
    assert len(events) == 1 and isinstance(events[0], SystemNote)
    assert call.silence() == []
    assert call.record.no_matches == 0 and call.state.id == "sonnerie"


def test_menu_keys_and_the_same_choice_in_words() -> None:
    for answer in ("1", "le un", "espace santé", "Tapez 1"):
        call = make_call()
        call.start()
        call.advance(call.waiting)
        events = call.press(answer) if answer.isdigit() else call.say(answer)
        assert isinstance(events[0], HoldStarted), answer


def test_other_menu_key_says_its_line_and_comes_back() -> None:
    call = make_call()
    call.start()
    call.advance(call.waiting)
    assert texts(call.press("2")) == ["Service réservé.", "Pour Mon espace santé, tapez 1."]
    assert texts(call.press("9")) == ["Choix non reconnu."]


def test_keys_outside_the_menu_are_a_note() -> None:
    call = at_accueil()
    events = call.press("1")
    assert [type(event) for event in events] == [SystemNote]
    assert call.visit.failures == 0


def test_no_match_tapers_then_goes_after_retries() -> None:
    call = at_accueil()
    said = [texts(call.say("euh")) for _ in range(3)]
    assert said == [
        ["Pardon ?"],
        ["Je n'ai pas compris, reformulez."],
        ["Dernière fois : reformulez."],
    ]
    events = call.say("hmm")
    assert texts(events) == ["Je vais raccrocher."]  # the 4th failure: retries = 4
    assert call.outcome == "non-identifie" and call.record.no_matches == 4


def test_no_input_tapers_and_repeats_the_last_line() -> None:
    call = at_accueil()
    said = [texts(call.silence()) for _ in range(3)]
    assert said == [["Allô ?"], ["Vous êtes là ?"], ["Vous êtes là ?"]]
    assert call.record.silences == 3


def test_failures_are_counted_in_a_row_and_per_visit() -> None:
    call = at_accueil()
    call.say("euh")
    call.say("euh")
    call.say("je veux m'opposer")
    assert call.state.id == "demande-code"
    # A new state: the taper starts again from the first line.
    assert texts(call.say("euh")) == ["Pardon ?"]


def test_wrong_numbers_get_the_rule_line_then_the_mismatch_line() -> None:
    call = at_accueil()
    call.say("je veux m'opposer")
    events = call.say("c'est " + IDENTITY.code[:-1])
    assert SlotRejected("code", "code.length", "demande-code") in events
    assert texts(events) == ["Il faut douze caractères."]
    other = "ZZZZ" + IDENTITY.code[4:]
    events = call.say(other)
    assert SlotRejected("code", "mismatch", "demande-code") in events
    assert texts(events) == ["Ce code n'est pas dans notre dossier."]
    events = call.say(IDENTITY.code.lower())
    assert SlotFilled("code", "demande-code") in events
    assert call.record.tries["code"] == 3 and call.record.given == {"code"}


def test_nir_with_a_wrong_key_uses_the_rule_line() -> None:
    call = at_accueil()
    call.say("je veux m'opposer")
    call.say(IDENTITY.code)
    wrong_key = IDENTITY.nir[:-2] + ("01" if IDENTITY.nir[-2:] != "01" else "02")
    assert texts(call.say(wrong_key)) == ["La clé ne correspond pas, pouvez-vous relire ?"]


def test_repeat_and_slower_say_the_last_question_again() -> None:
    call = at_accueil()
    call.say("euh")
    events = call.say("pouvez-vous répéter ?")
    assert texts(events) == ["Bonjour, Mme Lefèvre, je vous écoute."]  # not « Pardon ? »
    events = call.say("plus lentement s'il vous plaît")
    assert [event.slower for event in events if isinstance(event, AdviserSaid)] == [True]
    assert call.record.polite


def test_guarded_transitions_and_set_make_the_adviser_insist_at_difficile() -> None:
    def confirm(difficulty: str) -> list[list[str]]:
        call = at_accueil(difficulty=difficulty)
        for text in ("je veux m'opposer", IDENTITY.code, IDENTITY.nir):
            call.say(text)
        return [texts(call.say("oui")) for _ in range(2)]

    assert confirm("moyen")[0] == ["C'est enregistré."]
    assert confirm("difficile") == [
        ["C'est pourtant pratique. Vous êtes sûr ?"],
        ["C'est enregistré."],
    ]


def test_a_whole_call_ends_with_its_outcome_and_rubric() -> None:
    call = at_accueil()
    for text in ("je veux m'opposer", IDENTITY.code, IDENTITY.nir, "oui", "un justificatif ?"):
        call.say(text)
    events = call.say("merci, au revoir")
    assert events[-1] == CallEnded(
        "opposition-enregistree", "Opposition enregistrée", "conseiller", "fin-ok"
    )
    assert call.ended and call.say("encore ?") == [] and call.hang_up() == []
    result = call.result()
    assert [(item.id, item.passed) for item in result.rubric] == [
        ("justificatif-demande", True),
        ("code-donne", True),
        ("nir-donne", True),
    ]
    assert result.score == 100 and result.turns == 7  # the key press counts as a turn
    assert result.rubric[0].feedback == "Bien."


def test_rubric_leaves_out_criteria_that_do_not_apply() -> None:
    call = at_accueil()
    call.say("je veux m'opposer")
    call.say(IDENTITY.code)
    events = call.hang_up()
    assert events == [
        CallEnded("raccroche-appelant", "Vous avez raccroché", "appelant", "demande-nir")
    ]
    result = call.result()
    assert [(item.id, item.passed) for item in result.rubric] == [
        ("code-donne", True),
        ("nir-donne", False),
    ]
    assert result.score == 50
    assert result.rubric[1].feedback == "Le NIR."


def test_closed_on_saturday() -> None:
    call = make_call(at=SATURDAY)
    events = call.start()
    assert texts(events) == ["Nos bureaux sont fermés."]
    assert call.ended and call.outcome == "hors-horaires"
    assert call.result().rubric == () and call.result().score == 0


def test_public_holiday_is_closed_too() -> None:
    from datetime import datetime

    call = make_call(at=datetime(2025, 5, 1, 10, 0))  # 1er mai, a Thursday
    call.start()
    assert call.outcome == "hors-horaires"


def test_same_inputs_give_the_same_call_and_seeds_pick_variants() -> None:
    greeting = State(
        "accueil",
        "talk",
        None,
        say=(line(("Bonjour.", "Allô, bonjour.", "Oui ?", "Je vous écoute."), "accueil.say"),),
    )
    script = small_script(states={**small_script().states, "accueil": greeting}, start="accueil")

    def play(seed: int) -> tuple[list[CallEvent], dict[str, object]]:
        call = make_call(script, seed=seed)
        events = call.start() + call.say("euh") + call.silence()
        return events, call.transcript()

    assert play(5) == play(5)
    assert len({texts(play(seed)[0])[0] for seed in range(20)}) > 1


def test_levels_and_when_on_lines() -> None:
    spoken = State(
        "accueil",
        "talk",
        None,
        say=(
            Line("a", ("Bonjour.",), levels={"difficile": ("Oui ?",)}),
            Line("b", ("Vous êtes en mode entraînement.",), when=when("mode == 'practice'")),
        ),
    )
    script = small_script(states={**small_script().states, "accueil": spoken}, start="accueil")
    assert texts(make_call(script).start()) == ["Bonjour.", "Vous êtes en mode entraînement."]
    assert texts(make_call(script, difficulty="difficile", mode="real").start()) == ["Oui ?"]


def test_hints_only_in_practice() -> None:
    assert at_accueil().hint == "Dites que vous voulez vous opposer."
    real = at_accueil(mode="real")
    assert real.hint is None and real.suggestions == ()


def test_transfer_changes_the_speaker_from_then_on() -> None:
    extra = states(
        State("transfert", "transfer", None, say=says("Je vous passe mon collègue."),
              to="superviseur", hold=Hold(20, "music"), go="accueil2"),
        State("accueil2", "talk", None, say=says("{adviser.name}, bonjour.")),
    )  # fmt: skip
    script = small_script(states={**small_script().states, **extra}, start="transfert")
    call = make_call(script)
    events = call.start()
    assert texts(events) == ["Je vous passe mon collègue."]
    assert Transferred("superviseur", "M. Garnier", "transfert") in events
    assert [event.name for event in call.advance(20) if isinstance(event, AdviserSaid)] == [
        "M. Garnier"
    ]
    assert call.speaker.id == "superviseur"


def test_hangup_action_ends_the_call_by_the_adviser() -> None:
    rude = State("accueil", "talk", None, on=(Transition(intents=("non",), do="hangup"),))
    script = small_script(states={**small_script().states, "accueil": rude}, start="accueil")
    call = make_call(script)
    call.start()
    assert call.say("non")[-1] == CallEnded(
        "raccroche-conseiller", "Le conseiller a raccroché", "conseiller", "accueil"
    )


def test_a_loop_that_never_waits_is_cut() -> None:
    loop = states(
        State("a", "branch", None, on=(Transition(go="b"),)),
        State("b", "branch", None, on=(Transition(set=(), go="a"),)),
    )
    script = small_script(states={**small_script().states, **loop}, start="a")
    call = make_call(script)
    events = call.start()
    assert isinstance(events[0], ScriptFault) and events[0].fatal
    assert call.outcome == "ligne-coupee"


@pytest.mark.parametrize(
    "broken",
    [
        State("a", "talk", None, say=says("Bonjour."),
              on=(Transition(any=True, go="nulle-part"),)),
        State("a", "talk", None, say=says("Bonjour {inconnu}."),
              on=(Transition(any=True, go="nulle-part"),)),
    ],
)  # fmt: skip
def test_script_faults_are_events_not_exceptions(broken: State) -> None:
    script = small_script(states={**small_script().states, "a": broken}, start="a")
    call = make_call(script)
    events = call.start() + call.say("quelque chose")
    assert any(isinstance(event, ScriptFault) for event in events)
    assert call.ended and call.outcome == "ligne-coupee"


def test_extra_data_counts_personal_data_given_unasked() -> None:
    call = at_accueil()
    call.say("je veux m'opposer, mon mail c'est jean@exemple.fr")
    call.say(f"{IDENTITY.code} et mon numéro {IDENTITY.nir}")
    assert call.record.extra_data == 2


def test_transcript_masks_every_number_and_follows_the_contract() -> None:
    call = at_accueil()
    for text in ("je veux m'opposer", IDENTITY.code[:-1], IDENTITY.code, IDENTITY.nir, "oui"):
        call.say(text)
    transcript = call.transcript()
    assert set(transcript) == {
        "version", "scenario", "seed", "difficulty", "mode", "outcome", "rubric", "score",
        "duration_s", "turns",
    }  # fmt: skip
    dumped = json.dumps(transcript, ensure_ascii=False)
    for secret in (IDENTITY.code, IDENTITY.code[:-1], IDENTITY.nir, IDENTITY.nir[3:13]):
        assert secret not in dumped and secret.lower() not in dumped
    assert "••" in dumped
    speakers = {turn["speaker"] for turn in transcript["turns"]}
    assert speakers == {"adviser", "caller", "system"}
    times = [turn["t"] for turn in transcript["turns"]]
    assert times == sorted(times)


def test_unknown_difficulty_is_a_sentence() -> None:
    with pytest.raises(UsageError, match="Difficulté inconnue"):
        make_call(difficulty="expert")


def test_simulated_clock_only() -> None:
    call = at_accueil()
    before = call.elapsed
    assert before > 96  # 6 s of ringing and 90 s of hold, plus the lines said
    call.silence()
    assert call.elapsed >= before + 12
    assert call.names.lookup("now") == "10 h 01"
    assert call.names.lookup("today") == "mardi 4 mars 2025"
    assert call.names.lookup("weekday") == OPEN.weekday()


def test_replace_keeps_a_state_usable() -> None:
    # The builder's states are frozen: replace() is how variations are made.
    state = small_script().states["accueil"]
    assert msgspec.structs.replace(state, hint=None).hint is None
