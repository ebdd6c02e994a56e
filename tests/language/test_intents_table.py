"""How real people phrase each step of the opposition call, and what each must give.

Each row is a state of the shipped ``opposition`` scenario, what a caller types there
(casual, without accents, with typos, numbers with spaces, dots or in words), and the
intent whose transition the state must take, or the slot it must fill with the caller's
own number. Numbers come from a generated identity (FICTIF, order number 000).
"""

from __future__ import annotations

import pytest

from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import generate_identity
from repetition_3422.domain.nir import format_nir, nir_spoken
from repetition_3422.domain.vitale import format_serial
from repetition_3422.engine.compiled import compile_script
from repetition_3422.engine.turns import Turn, pick_transition
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.language.model import Condition
from repetition_3422.language.normalize import normalize_text
from repetition_3422.language.slot_types import read_slot, same_value

SCRIPT = load(scenario_path("opposition"))
COMPILED = compile_script(SCRIPT)
IDENTITY = generate_identity(7)
NIR, CODE, SERIAL = IDENTITY.nir, IDENTITY.code, IDENTITY.vitale_serial
NUMBERS = {
    "code": CODE,
    "code_grouped": format_code(CODE),
    "code_spelled": " ".join(CODE.lower()),
    "code_dashes": format_code(CODE).replace(" ", "-"),
    "nir": NIR,
    "nir_grouped": format_nir(NIR),
    "nir_dots": format_nir(NIR).replace(" ", "."),
    "nir_spoken": nir_spoken(NIR),
    "serial": SERIAL,
    "serial_grouped": format_serial(SERIAL),
}

INTENTS: list[tuple[str, str, str | None]] = [
    # Opening: what the call is about.
    ("accueil", "bonjour je voudrais m'opposer a mon espace sante", "s_opposer"),
    ("accueil", "Bonjour, je souhaite refuser la création de mon espace santé.", "s_opposer"),
    ("accueil", "bjr jveux m'oposer a mon espace santé", "s_opposer"),  # SMS and a typo
    ("accueil", "je veux pas de mon espace santé", "s_opposer"),
    ("accueil", "c'est pour faire opposition", "s_opposer"),
    ("accueil", "je refuse mon espace sante", "s_opposer"),
    ("accueil", "je veux pas qu'on me crée un espace santé", "s_opposer"),
    ("accueil", "jvoudrai mopposer a mon espace santé", "s_opposer"),
    ("accueil", "mon espace santé, j'en veux pas", "s_opposer"),
    ("accueil", "Je voudrais fermer mon espace santé", "fermer"),
    ("accueil", "bonjour", "bonjour"),
    ("accueil", "allo bonjour madame", "bonjour"),
    ("accueil", "pouvez-vous répéter ?", "repeter"),
    ("accueil", "plus lentement svp", "plus_lentement"),
    ("accueil", "au revoir", "au_revoir"),
    # The code.
    ("demande-code", "c quoi le code ?", "quel_code"),
    ("demande-code", "quel code ?", "quel_code"),
    ("demande-code", "je n'ai pas reçu de code", "pas_de_code"),
    ("demande-code", "j'ai perdu le courrier", "pas_de_code"),
    ("demande-code", "attendez je cherche le courrier", "un_instant"),
    ("demande-code", "pourquoi vous me demandez ça ?", "pourquoi"),
    ("demande-code", "pardon ?", "repeter"),
    ("demande-code", "répétez svp", "repeter"),
    # The NIR, the card.
    ("demande-nir", "pourquoi vous avez besoin de ça ?", "pourquoi"),
    ("demande-nir", "il est ou ce numero ?", "ou_trouver"),
    ("demande-type-carte", "j'ai perdu ma carte vitale", "pas_de_carte"),
    ("demande-serie", "c'est où sur la carte ?", "ou_trouver"),
    # The confirmation: firm, or giving in.
    ("confirmation", "oui je suis sûr", "oui"),
    ("confirmation", "oui je confirme", "oui"),
    ("confirmation", "je maintiens ma demande", "maintenir"),
    ("confirmation", "ouais ouais", "oui"),
    ("confirmation", "absolument, je ne veux pas de ce dossier", "s_opposer"),
    ("confirmation", "bon d'accord je vais réfléchir", "ceder"),
    # After the recording: the justificatif, the name, the date, goodbye.
    ("enregistrement", "je voudrais un justificatif svp", "justificatif"),
    ("enregistrement", "vous pouvez m'envoyer une attestation ?", "justificatif"),
    ("enregistrement", "est ce que j'aurais une preuve ?", "justificatif"),
    ("enregistrement", "envoyez moi un papier qui le prouve", "justificatif"),
    ("enregistrement", "oui, je voudrais un justificatif", "justificatif"),  # not « oui »
    ("enregistrement", "merci, vous m'envoyez une confirmation par écrit ?", "justificatif"),
    ("enregistrement", "par mail", "justificatif"),
    ("enregistrement", "par courrier s'il vous plaît", "justificatif"),
    ("enregistrement", "un justif svp", "justificatif"),
    ("enregistrement", "vous pouvez m'envoyer un reçu ?", "justificatif"),
    ("enregistrement", "quel est votre nom ?", "nom_conseiller"),
    ("enregistrement", "vous êtes madame comment ?", "nom_conseiller"),
    ("enregistrement", "à qui ai-je l'honneur ?", "nom_conseiller"),
    ("enregistrement", "c qui à l'appareil ?", "nom_conseiller"),
    ("enregistrement", "quelle est la date d'enregistrement ?", "date"),
    ("enregistrement", "on est le combien aujourd'hui ?", "date"),
    ("enregistrement", "non merci au revoir", "au_revoir"),
    ("enregistrement", "merci", "merci"),
    # Silence and gibberish: no transition (the engine re-prompts).
    ("enregistrement", "", None),
    ("accueil", "hmm", None),
]
"""(state, what the caller types, intent of the transition taken; None: no match)."""

SLOTS: list[tuple[str, str, str]] = [
    ("demande-code", "{code}", "code"),
    ("demande-code", "oui c'est {code_grouped}", "code"),
    ("demande-code", "euh alors le code c {code_spelled}", "code"),
    ("demande-code", "{code_dashes}", "code"),
    ("demande-nir", "oui alors mon numéro c'est le {nir_dots}", "nir"),
    ("demande-nir", "{nir_spoken}", "nir"),
    ("demande-nir", "{nir}", "nir"),
    ("demande-nir", "c'est le {nir_grouped}", "nir"),
    ("demande-type-carte", "la verte avec photo", "vitale_type"),
    ("demande-serie", "{serial_grouped}", "vitale_serial"),
    ("demande-serie", "c'est le {serial}", "vitale_serial"),
]
"""(state, what the caller types with the identity's numbers, slot filled with them)."""


def unguarded(condition: Condition | None) -> bool:
    """Guards depend on the call (difficulty, counters): take the plain transitions."""
    return condition is None


def taken_intents(state: str, text: str) -> tuple[str, ...] | None:
    normalized = normalize_text(text)
    turn = Turn(text, normalized, COMPILED.matcher.scores_normalized(normalized))
    transition = pick_transition(COMPILED.plans[state], turn, unguarded)
    return None if transition is None else transition.intents


def test_the_table_is_long_enough() -> None:
    assert len(INTENTS) + len(SLOTS) >= 40
    assert IDENTITY.fictional and NIR[10:13] == "000"


@pytest.mark.parametrize(("state", "text", "intent"), INTENTS)
def test_intent(state: str, text: str, intent: str | None) -> None:
    taken = taken_intents(state, text)
    if intent is None:
        assert taken is None
    else:
        assert taken is not None and intent in taken, (text, taken)


@pytest.mark.parametrize(("state", "template", "slot_id"), SLOTS)
def test_slot(state: str, template: str, slot_id: str) -> None:
    assert SCRIPT.states[state].ask == slot_id
    slot = SCRIPT.slots[slot_id]
    reading = read_slot(
        slot.type, template.format(**NUMBERS), card_type=IDENTITY.vitale_type, nir=NIR
    )
    assert reading.value is not None, reading
    expected = {"code": CODE, "nir": NIR, "vitale_serial": SERIAL}.get(slot.type, "avec-photo")
    assert same_value(slot.type, reading.value, expected)
