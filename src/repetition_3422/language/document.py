"""The authoring form of a script, as written in YAML: msgspec Structs that also give the schema.

These Structs say exactly which keys a script may have and what each holds; the JSON
Schema (``repetition-3422 schema``) is generated from them, never written by hand. Their
docstrings and descriptions are shown to authors by editors, hence in French.
:mod:`repetition_3422.language.compile` turns them into the canonical model.
"""

from typing import Annotated

import msgspec
from msgspec import Meta, Struct, field

from repetition_3422.language.model import Do, HangupBy, HoldSound, SlotType, StateKind

ID_PATTERN = r"^[a-z0-9_-]+$"
"""States, intents, slots, personas, outcomes, criteria: lower case, digits, ``-`` and ``_``."""

SCRIPT_ID_PATTERN = r"^[a-z0-9-]+$"
"""A script id is also a file name: lower case, digits and ``-``."""

VARIABLE_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
"""Variables are read in conditions, so they are plain words (``insistance``)."""

Id = Annotated[str, Meta(pattern=ID_PATTERN, description="Identifiant : a-z, 0-9, - et _.")]
ScriptId = Annotated[str, Meta(pattern=SCRIPT_ID_PATTERN, description="a-z, 0-9 et -.")]
VariableName = Annotated[str, Meta(pattern=VARIABLE_PATTERN, description="Nom de variable.")]
Texts = str | list[str]
"""One text, or a list of texts."""

ConditionText = Annotated[
    bool | str,
    Meta(description="Condition : true, false ou une expression (« insistance < 2 »)."),
]
Value = bool | int | float | str
"""A variable's initial value."""


class Base(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True, omit_defaults=True):
    """Common settings: unknown keys are errors, values never change after reading."""


class LineDoc(Base, frozen=True):
    """Une réplique : un texte ou plusieurs variantes, des versions par difficulté, un id."""

    text: Annotated[Texts, Meta(description="Le texte, ou une liste de variantes (tirage).")]
    id: Annotated[str | None, Meta(description="Identifiant stable (traduction, audio).")] = None
    levels: Annotated[
        dict[str, Texts], Meta(description="Variantes remplaçantes, par difficulté.")
    ] = field(default_factory=dict)
    when: ConditionText | None = None


Say = str | LineDoc | list[str | LineDoc]
"""What is said: a text, a line, or a list of those said in order."""


class TransitionDoc(Base, frozen=True):
    """Une transition de `on` ou de `global` : déclencheur, effets, état suivant."""

    intent: Annotated[Id | list[Id] | None, Meta(description="Intention(s) qui déclenchent.")] = (
        None
    )
    slot: Annotated[Id | None, Meta(description="Donnée valide et conforme au dossier.")] = None
    any: Annotated[bool, Meta(description="N'importe quelle autre réponse.")] = False
    when: ConditionText | None = None
    set: Annotated[
        dict[VariableName, Value], Meta(description="Variables à changer : nom → expression.")
    ] = field(default_factory=dict)
    say: Say | None = None
    do: Annotated[Do | None, Meta(description="repeat, slower ou hangup.")] = None
    go: Annotated[Id | None, Meta(description="État suivant (absent : on reste).")] = None


class ChoiceDoc(Base, frozen=True):
    """Un choix de serveur vocal : touches du clavier et mêmes choix dits en mots."""

    keys: Annotated[str | int, Meta(description="Touche(s) : « 1 », « 0 », « * », « # ».")]
    words: Annotated[Texts, Meta(description="Le même choix dit en mots.")] = field(
        default_factory=list
    )
    when: ConditionText | None = None
    set: dict[VariableName, Value] = field(default_factory=dict)
    say: Say | None = None
    do: Do | None = None
    go: Id | None = None


class HoldDoc(Base, frozen=True):
    """Une attente : durée, son, annonces régulières."""

    seconds: Annotated[float, Meta(ge=0, description="Durée en secondes (simulées).")]
    sound: HoldSound = "music"
    announce_every: Annotated[float, Meta(gt=0, description="Secondes.")] | None = None
    announce: Say | None = None


class StateDoc(Base, frozen=True):
    """Une étape de l'appel."""

    kind: Annotated[StateKind, Meta(description="talk, menu, hold, transfer, branch ou end.")] = (
        "talk"
    )
    speaker: Annotated[Id | None, Meta(description="Persona qui parle.")] = None
    say: Say | None = None
    hint: Annotated[str | None, Meta(description="Conseil (mode entraînement).")] = None
    suggestions: Annotated[Texts, Meta(description="Réponses suggérées.")] = field(
        default_factory=list
    )
    ask: Annotated[Id | None, Meta(description="Donnée (slot) demandée ici.")] = None
    reject: Annotated[dict[str, Say], Meta(description="Refus par règle, ou default.")] = field(
        default_factory=dict
    )
    mismatch: Say | None = None
    on: list[TransitionDoc] = field(default_factory=list)
    choices: list[ChoiceDoc] = field(default_factory=list)
    no_match: Say | None = None
    no_input: Say | None = None
    retries: Annotated[int, Meta(ge=0)] | None = None
    timeout: Annotated[float, Meta(gt=0)] | None = None
    after_retries: Id | None = None
    hold: HoldDoc | None = None
    to: Annotated[Id | None, Meta(description="Persona qui prend l'appel.")] = None
    go: Id | None = None
    outcome: Annotated[Id | None, Meta(description="Issue de l'appel (état de fin).")] = None
    hangup_by: HangupBy | None = None


class IntentDoc(Base, frozen=True):
    """Une intention : phrases d'exemple, mots-clés, motifs."""

    phrases: Texts = field(default_factory=list)
    keywords: Texts = field(default_factory=list)
    patterns: Annotated[Texts, Meta(description="Expressions régulières.")] = field(
        default_factory=list
    )


class SlotDoc(Base, frozen=True):
    """Une donnée que l'appelant donne, avec ses répliques de refus."""

    type: SlotType
    compare: Annotated[str | None, Meta(description="identity.code, represented.nir… ou none.")] = (
        None
    )
    reject: dict[str, Say] = field(default_factory=dict)
    mismatch: Say | None = None


class PersonaDoc(Base, frozen=True):
    """Quelqu'un que l'appelant entend."""

    name: str
    voice: str | None = None
    rate: Annotated[float, Meta(gt=0)] = 1.0
    machine: bool = False


class DefaultsDoc(Base, frozen=True):
    """Relances par défaut de tous les états."""

    retries: Annotated[int, Meta(ge=0)] | None = None
    timeout: Annotated[float, Meta(gt=0)] | None = None
    after_retries: Id | None = None
    no_match: Say | None = None
    no_input: Say | None = None


class CriterionDoc(Base, frozen=True):
    """Un critère de la grille d'évaluation."""

    id: Id
    label: str
    passed: ConditionText
    weight: float = 1.0
    description: str = ""
    applies: ConditionText | None = None
    good: str = ""
    next: str = ""


IntentEntry = list[str] | IntentDoc
"""An intent, or its shorthand: a bare list of phrases."""


class FragmentDoc(Base, frozen=True):
    """Un fragment : des parties communes que les scripts incluent."""

    id: ScriptId | None = None
    title: str | None = None
    description: str | None = None
    includes: Texts = field(default_factory=list)
    personas: dict[Id, PersonaDoc] = field(default_factory=dict)
    variables: dict[VariableName, Value] = field(default_factory=dict)
    outcomes: dict[Id, str] = field(default_factory=dict)
    defaults: DefaultsDoc | None = None
    intents: dict[Id, IntentEntry] = field(default_factory=dict)
    slots: dict[Id, SlotDoc] = field(default_factory=dict)
    states: dict[Id, StateDoc] = field(default_factory=dict)
    global_: list[TransitionDoc] = field(default_factory=list, name="global")
    rubric: list[CriterionDoc] = field(default_factory=list)


class ScriptDoc(Base, frozen=True):
    """Un script d'appel (scénario)."""

    id: ScriptId
    title: str
    description: str
    start: Id
    language: str = "fr"
    version: str | int | float = "1"
    duration: Annotated[float, Meta(ge=0, description="Minutes (environ).")] | None = None
    includes: Texts = field(default_factory=list)
    difficulties: list[Id] = field(default_factory=lambda: ["facile", "moyen", "difficile"])
    default_difficulty: Id | None = None
    personas: dict[Id, PersonaDoc] = field(default_factory=dict)
    default_speaker: Id | None = None
    variables: dict[VariableName, Value] = field(default_factory=dict)
    outcomes: dict[Id, str] = field(default_factory=dict)
    defaults: DefaultsDoc | None = None
    intents: dict[Id, IntentEntry] = field(default_factory=dict)
    slots: dict[Id, SlotDoc] = field(default_factory=dict)
    states: dict[Id, StateDoc] = field(default_factory=dict)
    global_: list[TransitionDoc] = field(default_factory=list, name="global")
    rubric: list[CriterionDoc] = field(default_factory=list)


Document = ScriptDoc | FragmentDoc
"""Either kind of file."""

SECTIONS = ("personas", "variables", "outcomes", "intents", "slots", "states")
"""Sections that map ids to definitions: a script's entry overrides a fragment's."""


def is_fragment(data: object) -> bool:
    """A file with neither ``start`` nor ``title`` is a fragment, made to be included."""
    return isinstance(data, dict) and "start" not in data and "title" not in data


def script_schema() -> dict[str, object]:
    """JSON Schema of a script file (generated from :class:`ScriptDoc`)."""
    schema: dict[str, object] = msgspec.json.schema(ScriptDoc)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Script repetition-3422"
    return schema
