"""The walkthrough file as written in YAML: msgspec Structs that also give its JSON Schema.

A walkthrough file names a script and lists *parcours* (walkthroughs): a caller's steps
and what must happen. Keys are simple English words, as in scripts (``say``, ``press``);
descriptions are French because editors show them to authors.
:mod:`repetition_3422.authoring.reader` turns these into the model of
:mod:`repetition_3422.authoring.model`.
"""

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, field

from repetition_3422.engine.settings import Mode
from repetition_3422.language.document import Base, Texts, Value

EventName = Literal[
    "hold_started",
    "hold_ended",
    "transferred",
    "slot_rejected",
    "slot_filled",
    "call_ended",
    "system_note",
    "script_fault",
]
"""What a step may expect to happen (one name per kind of engine event)."""

Name = str
"""An id of the script (a state, a slot…). Written without the script's id pattern: the
reader checks each against the script itself, which says more (« vouliez-vous dire… »),
and msgspec 0.22 can crash at exit on many unions of one shared ``Annotated`` pattern."""

Names = str | list[str]
"""One id or a list of ids."""


class IdentityDoc(Base, frozen=True):
    """La fiche de l'appelant : tirée au sort par graine, ou écrite (toujours fictive)."""

    seed: Annotated[int | None, Meta(description="Fiche FICTIVE tirée avec cette graine.")] = None
    code: str | None = None
    nir: Annotated[str | None, Meta(description="Numéro d'ordre 000 obligatoire.")] = None
    vitale_type: str | None = None
    vitale_serial: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    birth_date: str | None = None
    represented: Annotated[
        str | dict[str, str] | None,
        Meta(description="Avec seed : enfant ou majeur-protege ; sinon les champs de la personne."),
    ] = None


class ExpectDoc(Base, frozen=True):
    """Ce qui doit être vrai après une étape (ou à la fin du parcours)."""

    says: Annotated[
        Texts | None, Meta(description="Textes entendus (sans tenir compte des majuscules).")
    ] = None
    says_not: Annotated[
        Texts | None, Meta(description="Textes qui ne doivent pas être entendus.")
    ] = None
    matches: Annotated[Texts | None, Meta(description="Expressions régulières entendues.")] = None
    line: Annotated[Texts | None, Meta(description="Identifiants de répliques dites.")] = None
    state: Annotated[Name | None, Meta(description="L'état où en est l'appel.")] = None
    visited: Annotated[Names | None, Meta(description="États atteints au moins une fois.")] = None
    not_visited: Annotated[Names | None, Meta(description="États jamais atteints.")] = None
    given: Annotated[Names | None, Meta(description="Données données, valides et conformes.")] = (
        None
    )
    rejected: Annotated[str | None, Meta(description="Règle d'un refus (nir.key, mismatch…).")] = (
        None
    )
    heard: Annotated[Names | None, Meta(description="Intentions reconnues au moins une fois.")] = (
        None
    )
    variables: Annotated[dict[str, Value], Meta(description="Valeurs des variables.")] = field(
        default_factory=dict
    )
    events: Annotated[list[EventName], Meta(description="Évènements survenus.")] = field(
        default_factory=list
    )
    ended: Annotated[bool | None, Meta(description="L'appel est-il terminé ?")] = None
    outcome: Annotated[Name | None, Meta(description="L'issue de l'appel.")] = None
    rubric: Annotated[
        dict[Name, bool], Meta(description="Critère → réussi (true) ou manqué (false).")
    ] = field(default_factory=dict)
    score: Annotated[int, Meta(ge=0, le=100, description="Note exacte, 0 à 100.")] | None = None
    min_score: Annotated[int, Meta(ge=0, le=100, description="Note minimale.")] | None = None


class StepDoc(Base, frozen=True):
    """Une étape : une action de l'appelant (ou aucune), puis ce qui est attendu."""

    say: Annotated[
        str | None, Meta(description="Ce que dit l'appelant ({identity.nir|grouped}…).")
    ] = None
    press: Annotated[str | int | None, Meta(description="Touches du clavier : « 1 », « * ».")] = (
        None
    )
    silence: Annotated[bool | int | None, Meta(description="true, ou le nombre de silences.")] = (
        None
    )
    wait: Annotated[
        float | Literal["end"] | None,
        Meta(description="Secondes à attendre, ou end : jusqu'à la fin de l'attente."),
    ] = None
    hangup: Annotated[bool, Meta(description="L'appelant raccroche.")] = False
    expect: ExpectDoc | None = None


Identity = Annotated[
    str | IdentityDoc | None,
    Meta(description="Un fichier d'identité (chemin), {seed: N} ou les champs d'une fiche."),
]
At = Annotated[str | None, Meta(description="Moment simulé : 2025-03-04T10:00.")]


class WalkthroughDoc(Base, frozen=True):
    """Un parcours : un appel joué pas à pas."""

    name: Annotated[str, Meta(description="Nom du parcours, affiché par « test ».")]
    steps: list[StepDoc]
    identity: Identity = None
    seed: int | None = None
    difficulty: Name | None = None
    mode: Mode | None = None
    at: At = None
    expect: ExpectDoc | None = None


class WalkthroughFileDoc(Base, frozen=True):
    """Un fichier de parcours : le script testé et ses parcours."""

    script: Annotated[str, Meta(description="Scénario fourni (opposition) ou chemin relatif.")]
    walkthroughs: list[WalkthroughDoc]
    identity: Identity = None
    seed: int | None = None
    difficulty: Name | None = None
    mode: Mode | None = None
    at: At = None


def walkthrough_schema() -> dict[str, object]:
    """JSON Schema of a walkthrough file (generated from :class:`WalkthroughFileDoc`)."""
    schema: dict[str, object] = msgspec.json.schema(WalkthroughFileDoc)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Parcours repetition-3422"
    return schema
