"""Document to canonical model: includes merged, line ids given, defaults applied, marks kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from repetition_3422.language import merge
from repetition_3422.language.document import (
    ChoiceDoc,
    CriterionDoc,
    HoldDoc,
    IntentDoc,
    LineDoc,
    PersonaDoc,
    Say,
    ScriptDoc,
    SlotDoc,
    StateDoc,
    TransitionDoc,
)
from repetition_3422.language.merge import Placed, SourceFile
from repetition_3422.language.model import (
    Assignment,
    Condition,
    Criterion,
    Hold,
    Intent,
    Line,
    Mark,
    Outcome,
    Persona,
    Reprompts,
    Script,
    Slot,
    State,
    Transition,
)
from repetition_3422.language.yamlnodes import At

DEFAULT_COMPARE: Mapping[str, str] = {
    "code": "identity.code",
    "nir": "identity.nir",
    "vitale_serial": "identity.vitale_serial",
    "vitale_type": "identity.vitale_type",
}
"""What a slot is compared with when its ``compare`` is left out."""

DEFAULT_RETRIES = 3
DEFAULT_TIMEOUT_S = 12.0


def texts(value: str | list[str], at: At) -> tuple[tuple[str, ...], tuple[Mark, ...]]:
    """One text or a list of texts, with where each starts."""
    if isinstance(value, str):
        return (value,), (at.text_mark(),)
    return tuple(value), tuple(at.item(index).text_mark() for index in range(len(value)))


def condition(value: bool | str | None, parent: At, key: str) -> Condition | None:
    """The ``when``-like value under ``key`` as a condition (``true``/``false`` as words)."""
    if value is None:
        return None
    at = parent.key(key)
    if isinstance(value, bool):
        return Condition("true" if value else "false", at.mark)
    return Condition(value, at.text_mark())


def lines_at(say: Say | None, parent: At, key: str, base: str) -> tuple[Line, ...]:
    """The lines written under ``key`` of ``parent`` (none when the key is absent)."""
    # Looking up a place costs more than the check: 5,000-state scripts notice.
    return () if say is None else lines(say, parent.key(key), base)


def lines(say: Say | None, at: At, base: str) -> tuple[Line, ...]:
    """The lines of a ``say``-like value; line ``n`` without an id gets ``<base>.<n>``."""
    if say is None:
        return ()
    if not isinstance(say, list):
        return (line(say, at, f"{base}.0"),)
    return tuple(line(item, at.item(n), f"{base}.{n}") for n, item in enumerate(say))


def line(item: str | LineDoc, at: At, default_id: str) -> Line:
    """One line: a bare text, or a mapping with variants, levels and a condition."""
    if isinstance(item, str):
        mark = at.text_mark()
        return Line(id=default_id, variants=(item,), mark=mark, variant_marks=(mark,))
    variants, marks = texts(item.text, at.key("text"))
    levels = {
        level: texts(value, at.key("levels").key(level))[0] for level, value in item.levels.items()
    }
    return Line(
        id=item.id or default_id,
        variants=variants,
        levels=levels,
        when=condition(item.when, at, "when"),
        mark=at.mark,
        variant_marks=marks,
    )


def expression_text(value: bool | int | float | str) -> str:
    """A ``set`` value as expression source: numbers and booleans as their literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else repr(value)


def assignments(values: Mapping[str, bool | int | float | str], at: At) -> tuple[Assignment, ...]:
    """``set: {name: expression}`` in the order written."""
    if not values:
        return ()
    place = at.key("set")
    return tuple(
        Assignment(
            variable=name,
            expression=Condition(expression_text(value), place.key(name).text_mark()),
            mark=place.key_at(name).mark,
        )
        for name, value in values.items()
    )


def transition(doc: TransitionDoc, at: At, base: str) -> Transition:
    """One ``on`` or ``global`` transition."""
    intents = doc.intent if isinstance(doc.intent, list) else [doc.intent] if doc.intent else []
    return Transition(
        intents=tuple(intents),
        slot=doc.slot,
        any=doc.any,
        when=condition(doc.when, at, "when"),
        set=assignments(doc.set, at),
        say=lines_at(doc.say, at, "say", f"{base}.say"),
        do=doc.do,
        go=doc.go,
        mark=at.mark,
    )


def choice(doc: ChoiceDoc, at: At, base: str) -> Transition:
    """A menu choice as a transition fired by its keys or its words."""
    words = [doc.words] if isinstance(doc.words, str) else doc.words
    return Transition(
        keys=str(doc.keys),
        words=tuple(words),
        when=condition(doc.when, at, "when"),
        set=assignments(doc.set, at),
        say=lines_at(doc.say, at, "say", f"{base}.say"),
        do=doc.do,
        go=doc.go,
        mark=at.mark,
    )


class _StateCompiler:
    """Compiles states with the script-wide defaults."""

    def __init__(self, defaults: dict[str, Placed[Any]]) -> None:
        self.defaults = defaults
        self.default_lines = {
            name: lines(placed.value, placed.at, f"defaults.{name}")
            for name, placed in defaults.items()
            if name in ("no_match", "no_input")
        }

    def state(self, state_id: str, placed: Placed[StateDoc]) -> State:
        doc, at = placed.value, placed.at
        choices = at.key("choices") if doc.choices else at
        transitions = at.key("on") if doc.on else at
        on = tuple(
            choice(item, choices.item(n), f"{state_id}.choices.{n}")
            for n, item in enumerate(doc.choices)
        ) + tuple(
            transition(item, transitions.item(n), f"{state_id}.on.{n}")
            for n, item in enumerate(doc.on)
        )
        return State(
            id=state_id,
            kind=doc.kind,
            speaker=doc.speaker,
            say=lines_at(doc.say, at, "say", f"{state_id}.say"),
            hint=doc.hint,
            suggestions=(doc.suggestions,)
            if isinstance(doc.suggestions, str)
            else tuple(doc.suggestions),
            ask=doc.ask,
            reject=rejections(doc.reject, at, f"{state_id}.reject"),
            mismatch=lines_at(doc.mismatch, at, "mismatch", f"{state_id}.mismatch"),
            on=on,
            reprompts=self.reprompts(doc, at, state_id, placed.mark),
            hold=hold(doc.hold, at, state_id),
            to=doc.to,
            go=doc.go,
            outcome=doc.outcome,
            hangup_by=doc.hangup_by or ("conseiller" if doc.kind == "end" else None),
            mark=placed.mark,
        )

    def reprompts(self, doc: StateDoc, at: At, state_id: str, mark: Mark) -> Reprompts:
        """The state's own re-prompts, each missing one taken from ``defaults``."""
        retries = self._pick(doc.retries, "retries", DEFAULT_RETRIES)
        timeout = self._pick(doc.timeout, "timeout", DEFAULT_TIMEOUT_S)
        after = self._pick(doc.after_retries, "after_retries", None)
        # The mark says where ``after_retries`` was written, so that an unknown target is
        # reported there (in the state, or in ``defaults``).
        if doc.after_retries is not None:
            mark = at.key("after_retries").mark
        elif "after_retries" in self.defaults:
            mark = self.defaults["after_retries"].at.mark
        return Reprompts(
            no_match=self._lines(doc.no_match, at, state_id, "no_match"),
            no_input=self._lines(doc.no_input, at, state_id, "no_input"),
            retries=int(retries),
            after_retries=after,
            timeout_s=float(timeout),
            mark=mark,
        )

    def _pick(self, own: Any, name: str, fallback: Any) -> Any:
        if own is not None:
            return own
        placed = self.defaults.get(name)
        return fallback if placed is None else placed.value

    def _lines(self, own: Say | None, at: At, state_id: str, name: str) -> tuple[Line, ...]:
        if own is not None:
            return lines_at(own, at, name, f"{state_id}.{name}")
        return self.default_lines.get(name, ())


def rejections(values: Mapping[str, Say], parent: At, base: str) -> dict[str, tuple[Line, ...]]:
    """``reject: {rule: lines}`` (under ``parent``) with ids ``<base>.<rule>.<n>``."""
    if not values:
        return {}
    at = parent.key("reject")
    return {rule: lines(say, at.key(rule), f"{base}.{rule}") for rule, say in values.items()}


def hold(doc: HoldDoc | None, parent: At, state_id: str) -> Hold | None:
    """The hold written under ``parent``, with its announcements."""
    if doc is None:
        return None
    at = parent.key("hold")
    return Hold(
        seconds=doc.seconds,
        sound=doc.sound,
        announce_every_s=doc.announce_every,
        announce=lines_at(doc.announce, at, "announce", f"{state_id}.hold.announce"),
        mark=at.mark,
    )


def persona(persona_id: str, placed: Placed[PersonaDoc]) -> Persona:
    """A persona."""
    doc = placed.value
    return Persona(persona_id, doc.name, doc.voice, doc.rate, doc.machine, placed.mark)


def intent(intent_id: str, placed: Placed[list[str] | IntentDoc]) -> Intent:
    """An intent, the bare-list shorthand read as its phrases."""
    doc = placed.value
    if isinstance(doc, list):
        return Intent(intent_id, phrases=tuple(doc), mark=placed.mark)

    def listed(value: str | list[str]) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    return Intent(
        intent_id, listed(doc.phrases), listed(doc.keywords), listed(doc.patterns), placed.mark
    )


def slot(slot_id: str, placed: Placed[SlotDoc]) -> Slot:
    """A slot; ``compare`` defaults by type, ``none`` means no comparison."""
    doc, at = placed.value, placed.at
    compare = DEFAULT_COMPARE.get(doc.type) if doc.compare is None else doc.compare
    return Slot(
        id=slot_id,
        type=doc.type,
        reject=rejections(doc.reject, at, f"slots.{slot_id}.reject"),
        mismatch=lines_at(doc.mismatch, at, "mismatch", f"slots.{slot_id}.mismatch"),
        compare=None if compare == "none" else compare,
        mark=placed.mark,
    )


def criterion(placed: Placed[CriterionDoc]) -> Criterion:
    """A rubric criterion."""
    doc, at = placed.value, placed.at
    passed = condition(doc.passed, at, "passed")
    assert passed is not None  # required by the document type
    return Criterion(
        id=doc.id,
        label=doc.label,
        weight=doc.weight,
        passed_when=passed,
        applies_when=condition(doc.applies, at, "applies"),
        description=doc.description,
        good=doc.good,
        next_time=doc.next,
        mark=at.key("id").mark,
    )


def default_speaker(main: SourceFile, personas: Mapping[str, Persona]) -> str | None:
    """The ``default_speaker``, else the first persona that is not a machine, else the first."""
    if isinstance(main.doc, ScriptDoc) and main.doc.default_speaker:
        return main.doc.default_speaker
    people = [item.id for item in personas.values() if not item.machine] or list(personas)
    return people[0] if people else None


def compile_script(files: Sequence[SourceFile], source: Path | None = None) -> Script:
    """The script made of ``files`` (included fragments first, the script itself last)."""
    main = files[-1]
    personas = {k: persona(k, v) for k, v in merge.section(files, "personas").items()}
    speaker = default_speaker(main, personas)
    states = _StateCompiler(merge.defaults(files))
    global_on = tuple(
        transition(placed.value, placed.at, f"{placed.origin}.global.{index}".removeprefix("."))
        for index, placed in merge.listed(files, "global_", merge.trigger)
    )
    return Script(
        **_header(main),
        personas=personas,
        variables={k: v.value for k, v in merge.section(files, "variables").items()},
        intents={k: intent(k, v) for k, v in merge.section(files, "intents").items()},
        slots={k: slot(k, v) for k, v in merge.section(files, "slots").items()},
        states={k: states.state(k, v) for k, v in merge.section(files, "states").items()},
        global_on=global_on,
        rubric=tuple(
            criterion(placed) for _index, placed in merge.listed(files, "rubric", _criterion_id)
        ),
        outcomes={
            k: Outcome(k, v.value, v.mark) for k, v in merge.section(files, "outcomes").items()
        },
        source=source,
        mark=main.root.mark,
        default_speaker=speaker,
    )


def _criterion_id(doc: CriterionDoc) -> str:
    return doc.id


def _header(main: SourceFile) -> dict[str, Any]:
    """Id, title and the other script-wide settings (a fragment gets neutral ones)."""
    doc = main.doc
    includes = doc.includes if isinstance(doc.includes, list) else [doc.includes]
    if not isinstance(doc, ScriptDoc):
        fragment_id = doc.id or main.origin
        return {
            "id": fragment_id,
            "title": doc.title or fragment_id,
            "description": doc.description or "",
            "language": "fr",
            "version": "1",
            "duration_min": 0.0,
            "start": "",
            "difficulties": ("facile", "moyen", "difficile"),
            "default_difficulty": "moyen",
            "includes": tuple(includes),
        }
    difficulties = tuple(doc.difficulties)
    middle = difficulties[len(difficulties) // 2] if difficulties else ""
    return {
        "id": doc.id,
        "title": doc.title,
        "description": doc.description,
        "language": doc.language,
        "version": str(doc.version),
        "duration_min": float(doc.duration or 0.0),
        "start": doc.start,
        "difficulties": difficulties,
        "default_difficulty": doc.default_difficulty or middle,
        "includes": tuple(includes),
    }
