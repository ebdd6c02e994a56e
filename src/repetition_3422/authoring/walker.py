"""A random caller for exploration: what it may say in each state, and what it does next.

The caller draws, seeded, from what the script itself offers: the phrasings and keywords
of the intents the current state listens to (and of any intent, less often), the menu's
keys, right and wrong numbers for the value the state asks, silences, off-topic
sentences; on hold it waits (sometimes part of the hold) or talks to nobody; now and then
it hangs up. Every choice comes from one ``random.Random``, so a seed replays a walk.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from repetition_3422.authoring.model import Action, HangUp, Press, Say, Silence, Wait
from repetition_3422.authoring.numbers import FIELDS, escape
from repetition_3422.authoring.trace import LISTENING
from repetition_3422.engine.call import Call
from repetition_3422.engine.compiled import CompiledScript
from repetition_3422.language.model import Script, SlotType, State

OFF_TOPIC = (
    "euh",
    "hmm",
    "je sais pas",
    "il fait beau aujourd'hui",
    "ma voisine m'a dit d'appeler",
    "ça ne marche pas mon truc",
    "banane",
    "qu'est-ce que vous dites ?",
    "j'ai mon rendez-vous chez le dentiste jeudi",
)
"""Sentences no script should understand."""

EXTRA_KEYS = ("9", "#", "00")
"""Keys no menu offers, pressed now and then."""

RIGHT = {
    "code": ("{identity.code}", "{identity.code|grouped}", "c'est {identity.code|spelled}"),
    "nir": ("{identity.nir|grouped}", "c'est le {identity.nir|dots}", "{identity.nir|spoken}"),
    "vitale_serial": ("{identity.vitale_serial|grouped}", "{identity.vitale_serial|spoken}"),
    "vitale_type": ("{identity.vitale_type|words}", "la carte {identity.vitale_type|words}"),
}
"""Right values, in the ways callers say them (``identity.`` is replaced by the slot's field)."""

WRONG = {
    "code": ("{identity.code|short}", "{identity.code|other}"),
    "nir": ("{identity.nir|wrong_key}", "{identity.nir|short}", "{identity.nir|other}"),
    "vitale_serial": (
        "{identity.vitale_serial|short}",
        "{identity.vitale_serial|other}",
        "{identity.vitale_serial|full_line}",
    ),
    "vitale_type": ("{identity.vitale_type|other}",),
}
"""Wrong values that break each rule."""

OTHER_VALUES: dict[SlotType, tuple[str, ...]] = {
    "yes_no": ("oui", "non", "oui oui", "pas du tout"),
    "date": ("le 3 mars 2025", "hier", "le 12/05/1984"),
    "text": ("Dupont", "je ne sais pas"),
}
"""Values of the slot types that are not numbers."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the random caller can say in each state of one script (built once).

    Attributes:
        listens: Per state, sentences that fire one of its transitions (own or global).
        keys: Per menu state, its keys.
        right: Per state that asks a value, right answers (templates).
        wrong: Per state that asks a value, wrong answers (templates).
        anything: Every phrasing of every intent.
    """

    listens: dict[str, tuple[str, ...]]
    keys: dict[str, tuple[str, ...]]
    right: dict[str, tuple[str, ...]]
    wrong: dict[str, tuple[str, ...]]
    anything: tuple[str, ...]


def _examples(script: Script, intents: Iterable[str]) -> list[str]:
    found: list[str] = []
    for intent_id in intents:
        intent = script.intents.get(intent_id)
        if intent is not None:
            found += [escape(text) for text in (*intent.phrases, *intent.keywords)]
    return found


def _answers(script: Script, state: State) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Right and wrong answers to the value ``state`` asks (none when it asks nothing)."""
    slot_id = state.ask or next((item.slot for item in state.on if item.slot), None)
    slot = script.slots.get(slot_id) if slot_id is not None else None
    if slot is None:
        return (), ()
    if slot.type in OTHER_VALUES:
        return OTHER_VALUES[slot.type], ()
    # A slot compared with the represented person's code is answered with that code.
    own = slot.compare if slot.compare in FIELDS else f"identity.{slot.type}"

    def answers(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(text.replace(f"identity.{slot.type}", own) for text in table[slot.type])

    return answers(RIGHT), answers(WRONG)


def vocabulary(script: Script, compiled: CompiledScript) -> Vocabulary:
    """What a random caller can say in each listening state of ``script``."""
    listens: dict[str, tuple[str, ...]] = {}
    keys: dict[str, tuple[str, ...]] = {}
    right: dict[str, tuple[str, ...]] = {}
    wrong: dict[str, tuple[str, ...]] = {}
    for state in script.states.values():
        if state.kind not in LISTENING:
            continue
        plan = compiled.plans[state.id]
        transitions = [candidate.transition for candidate in plan.triggered]
        said = _examples(script, (intent for item in transitions for intent in item.intents))
        said += [escape(word) for item in transitions for word in item.words]
        listens[state.id] = tuple(dict.fromkeys(said))
        keys[state.id] = tuple(item.keys for item in transitions if item.keys is not None)
        right[state.id], wrong[state.id] = _answers(script, state)
    anything = tuple(dict.fromkeys(_examples(script, script.intents)))
    return Vocabulary(listens, keys, right, wrong, anything)


class RandomCaller:
    """Chooses the caller's next action, seeded.

    Args:
        rng: The walk's generator.
        vocabulary: What can be said in each state.
        hangup_turn: The caller turn at which to hang up, if this caller does.
    """

    def __init__(self, rng: random.Random, vocabulary: Vocabulary, hangup_turn: int | None) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.hangup_turn = hangup_turn
        self.turns = 0

    def next(self, call: Call) -> Action:
        """The next action on ``call``."""
        if call.waiting > 0:
            return self._on_hold(call)
        self.turns += 1
        if self.turns == self.hangup_turn:
            return HangUp()
        state = call.state.id
        draw = self.rng.random()
        keys = self.vocabulary.keys.get(state, ())
        if call.keypad_active and keys and draw < 0.5:
            return Press(self.rng.choice(keys if self.rng.random() < 0.85 else EXTRA_KEYS))
        answers = self.vocabulary.right.get(state, ())
        if answers and draw < 0.6:
            return self._answer(state)
        return self._words(state)

    def _on_hold(self, call: Call) -> Action:
        draw = self.rng.random()
        if draw < 0.1:
            return Say(self.rng.choice(self.vocabulary.anything or OFF_TOPIC))
        if draw < 0.45:
            return Wait(round(self.rng.uniform(1.0, call.waiting), 1))
        return Wait(None)

    def _answer(self, state: str) -> Action:
        wrong = self.vocabulary.wrong.get(state, ())
        if wrong and self.rng.random() < 0.35:
            return Say(self.rng.choice(wrong))
        return Say(self.rng.choice(self.vocabulary.right[state]))

    def _words(self, state: str) -> Action:
        draw = self.rng.random()
        listens = self.vocabulary.listens.get(state, ())
        if listens and draw < 0.65:
            return Say(self.rng.choice(listens))
        if self.vocabulary.anything and draw < 0.78:
            return Say(self.rng.choice(self.vocabulary.anything))
        if draw < 0.9:
            return Silence()
        return Say(self.rng.choice(OFF_TOPIC))
