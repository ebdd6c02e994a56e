"""Small scripts built in Python for engine tests (no loader needed), and a fixed identity."""

from __future__ import annotations

from datetime import datetime

from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.settings import CallSettings, Mode
from repetition_3422.language.model import (
    Assignment,
    Condition,
    Criterion,
    Hold,
    Intent,
    Line,
    Outcome,
    Persona,
    Reprompts,
    Script,
    Slot,
    State,
    Transition,
)

OPEN = datetime(2025, 3, 4, 10, 0)
"""A Tuesday morning: the line is open."""

SATURDAY = datetime(2025, 3, 8, 10, 0)
"""A Saturday: the line is closed."""

IDENTITY: Identity = generate_identity(3422)
"""A generated (FICTIF, order number 000) identity."""


def line(text: str | tuple[str, ...], line_id: str = "l", **extra: object) -> Line:
    """A line with one text or several variants."""
    variants = (text,) if isinstance(text, str) else text
    return Line(id=line_id, variants=variants, **extra)  # type: ignore[arg-type]


def says(*texts: str) -> tuple[Line, ...]:
    """Lines said in order."""
    return tuple(line(text, f"l{index}") for index, text in enumerate(texts))


def when(source: str) -> Condition:
    """A condition."""
    return Condition(source)


def assign(variable: str, source: str) -> Assignment:
    """A ``set`` entry."""
    return Assignment(variable, Condition(source))


PERSONAS = {
    "serveur": Persona("serveur", "Serveur vocal", machine=True),
    "conseillere": Persona("conseillere", "Mme Lefèvre"),
    "superviseur": Persona("superviseur", "M. Garnier"),
}

INTENTS = {
    "oui": Intent("oui", phrases=("oui", "c'est ça", "exactement", "tout à fait")),
    "non": Intent("non", phrases=("non",)),
    "repeter": Intent("repeter", phrases=("pouvez-vous répéter", "répétez"), keywords=("repeter",)),
    "plus_lentement": Intent("plus_lentement", keywords=("plus lentement", "moins vite")),
    "s_opposer": Intent(
        "s_opposer",
        phrases=("je veux m'opposer à mon espace santé",),
        keywords=("opposer", "opposition", "refuser"),
    ),
    "justificatif": Intent("justificatif", keywords=("justificatif", "attestation", "preuve")),
    "au_revoir": Intent("au_revoir", phrases=("au revoir",)),
}

SLOTS = {
    "code": Slot(
        "code",
        "code",
        reject={
            "code.length": says("Il faut douze caractères."),
            "default": says("Code invalide."),
        },
        mismatch=says("Ce code n'est pas dans notre dossier."),
        compare="identity.code",
    ),
    "nir": Slot(
        "nir",
        "nir",
        reject={"nir.key": says("La clé ne correspond pas, pouvez-vous relire ?")},
        mismatch=says("Ce numéro n'est pas le bon."),
        compare="identity.nir",
    ),
}

OUTCOMES = {
    key: Outcome(key, label)
    for key, label in {
        "opposition-enregistree": "Opposition enregistrée",
        "raccroche-appelant": "Vous avez raccroché",
        "raccroche-conseiller": "Le conseiller a raccroché",
        "ligne-coupee": "Ligne coupée",
        "hors-horaires": "Hors des horaires d'ouverture",
        "non-identifie": "Non identifié",
    }.items()
}

RUBRIC = (
    Criterion("justificatif-demande", "Demander le justificatif", 3,
              when("heard.justificatif > 0"), good="Bien.", next_time="Demandez-le.",
              applies_when=when("outcome == 'opposition-enregistree'")),
    Criterion("code-donne", "Donner le code", 1, when("given.code"), good="Code ok.",
              next_time="Le code.", applies_when=when("visited('demande-code') > 0")),
    Criterion("nir-donne", "Donner le NIR", 1, when("given.nir"), good="NIR ok.",
              next_time="Le NIR.", applies_when=when("visited('demande-nir') > 0")),
)  # fmt: skip


def states(*items: State) -> dict[str, State]:
    """States by id."""
    return {state.id: state for state in items}


def small_script(**overrides: object) -> Script:
    """A short opposition call: ring, menu, hold, hours check, code, NIR, confirmation."""
    retry = Reprompts(
        no_match=says(
            "Pardon ?", "Je n'ai pas compris, reformulez.", "Dernière fois : reformulez."
        ),
        no_input=says("Allô ?", "Vous êtes là ?"),
        retries=4,
        after_retries="fin-incomprehension",
    )
    default_states = states(
        State("horaires", "branch", None, on=(
            Transition(when=when("not line_open"), go="ferme"),
            Transition(go="sonnerie"),
        )),
        State("sonnerie", "hold", None, hold=Hold(6, "ringing"), go="menu"),
        State("menu", "menu", "serveur", say=says("Pour Mon espace santé, tapez 1."), on=(
            Transition(keys="1", words=("un", "le un", "espace santé"), go="attente"),
            Transition(keys="2", words=("deux",), say=says("Service réservé."), go="menu"),
        ), reprompts=Reprompts(no_match=says("Choix non reconnu."), retries=3,
                               after_retries="fin-serveur")),
        State("attente", "hold", None, hold=Hold(90, "music", 30, says("Merci de patienter.")),
              go="accueil"),
        State("accueil", "talk", None, say=says("Bonjour, {adviser.name}, je vous écoute."),
              hint="Dites que vous voulez vous opposer.",
              suggestions=("Je souhaite m'opposer à Mon espace santé.",),
              on=(Transition(intents=("s_opposer",), go="demande-code"),), reprompts=retry),
        State("demande-code", "talk", None, say=says("Votre code ?"), ask="code",
              on=(Transition(slot="code", say=says("Merci."), go="demande-nir"),), reprompts=retry),
        State("demande-nir", "talk", None, say=says("Votre numéro de sécurité sociale ?"),
              ask="nir", on=(Transition(slot="nir", go="confirmation"),), reprompts=retry),
        State("confirmation", "talk", None, say=says("Vous êtes sûr ?"), on=(
            Transition(intents=("oui",), when=when("difficulty == 'difficile' and insistance < 1"),
                       set=(assign("insistance", "insistance + 1"),),
                       say=says("C'est pourtant pratique. Vous êtes sûr ?")),
            Transition(intents=("oui",), go="enregistre"),
            Transition(intents=("justificatif",), say=says("Je vous l'envoie par courrier.")),
        ), reprompts=retry),
        State("enregistre", "talk", None, say=says("C'est enregistré."), on=(
            Transition(intents=("justificatif",), say=says("Je vous l'envoie par courriel.")),
            Transition(intents=("au_revoir",), go="fin-ok"),
        ), reprompts=retry),
        State("fin-ok", "end", None, say=says("Au revoir."), outcome="opposition-enregistree"),
        State("ferme", "end", "serveur", say=says("Nos bureaux sont fermés."),
              outcome="hors-horaires"),
        State("fin-serveur", "end", "serveur", say=says("Au revoir."),
              outcome="raccroche-conseiller"),
        State("fin-incomprehension", "end", None, say=says("Je vais raccrocher."),
              outcome="non-identifie"),
        State("fin-appelant", "end", None, say=says("Au revoir."), outcome="raccroche-appelant",
              hangup_by="appelant"),
    )  # fmt: skip
    fields: dict[str, object] = {
        "id": "petit",
        "title": "Petit appel",
        "description": "Pour les tests.",
        "language": "fr",
        "version": "1",
        "duration_min": 3.0,
        "start": "horaires",
        "personas": PERSONAS,
        "difficulties": ("facile", "moyen", "difficile"),
        "default_difficulty": "moyen",
        "variables": {"insistance": 0},
        "intents": INTENTS,
        "slots": SLOTS,
        "states": default_states,
        "global_on": (
            Transition(intents=("repeter",), do="repeat"),
            Transition(intents=("plus_lentement",), do="slower"),
            Transition(intents=("au_revoir",), go="fin-appelant"),
        ),
        "rubric": RUBRIC,
        "outcomes": OUTCOMES,
    }
    fields.update(overrides)
    return Script(**fields)  # type: ignore[arg-type]


def make_call(
    script: Script | None = None,
    *,
    seed: int = 1,
    difficulty: str = "moyen",
    mode: Mode = "practice",
    at: datetime = OPEN,
    identity: Identity = IDENTITY,
) -> Call:
    """A call of ``script`` (default :func:`small_script`)."""
    settings = CallSettings(seed=seed, difficulty=difficulty, mode=mode, at=at)
    return Call(script or small_script(), identity, settings)
