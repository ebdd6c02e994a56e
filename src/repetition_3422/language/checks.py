"""Checks of references between the parts of a script: each a small pure function naming ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat

from repetition_3422.i18n import _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language import walk
from repetition_3422.language.diagnostics import Diagnostic, diagnostic, did_you_mean
from repetition_3422.language.expressions import ExpressionError, parse
from repetition_3422.language.model import Condition, Line, Mark, Script
from repetition_3422.language.names import COMPARABLE, Names
from repetition_3422.language.templates import TemplateError, parse_template

FRAGMENT_REFERENCES = frozenset(
    code.code
    for code in (
        codes.UNKNOWN_STATE,
        codes.UNKNOWN_PERSONA,
        codes.UNKNOWN_INTENT,
        codes.UNKNOWN_SLOT,
        codes.UNKNOWN_NAME,
        codes.UNKNOWN_OUTCOME,
        codes.UNKNOWN_LEVEL,
        codes.UNDECLARED_VARIABLE,
    )
)
"""Problems that a fragment alone cannot settle: the including script may define the id."""

Places = Mapping[str, Mark]
"""Where the script-wide settings were written: ``start``, ``default_speaker``,
``default_difficulty``, ``variables.<name>`` (the model keeps no mark for those)."""


def _unknown(
    code: codes.Code, mark: Mark, what: str, name: str, known: Iterable[str]
) -> Diagnostic:
    return diagnostic(
        code,
        mark,
        _("{what} « {name} » n'existe pas.").format(what=what, name=name),
        did_you_mean(name, known),
    )


def state_targets(script: Script, places: Places) -> Iterator[Diagnostic]:
    """``start``, ``go``, ``after_retries`` and global ``go`` must name existing states."""
    what = _("L'état")
    if script.start and script.start not in script.states:
        mark = places.get("start", script.mark)
        yield _unknown(codes.UNKNOWN_STATE, mark, what, script.start, script.states)
    for state in script.states.values():
        for target, mark in walk.targets(state):
            if target not in script.states:
                yield _unknown(codes.UNKNOWN_STATE, mark, what, target, script.states)
    for item in script.global_on:
        if item.go is not None and item.go not in script.states:
            yield _unknown(codes.UNKNOWN_STATE, item.mark, what, item.go, script.states)


def personas(script: Script, places: Places) -> Iterator[Diagnostic]:
    """Speakers and transfer targets must be declared personas."""
    what = _("La persona")
    default = script.default_speaker
    if default is not None and default not in script.personas:
        mark = places.get("default_speaker", script.mark)
        yield _unknown(codes.UNKNOWN_PERSONA, mark, what, default, script.personas)
    for state in script.states.values():
        named = [state.to] if state.to else []
        if state.speaker:
            named.append(state.speaker)
        for persona in named:
            if persona not in script.personas:
                yield _unknown(codes.UNKNOWN_PERSONA, state.mark, what, persona, script.personas)


def intents_and_slots(script: Script) -> Iterator[Diagnostic]:
    """Transitions may only name declared intents and slots; ``ask`` a declared slot."""
    for place in walk.transitions(script):
        for intent in place.transition.intents:
            if intent not in script.intents:
                yield _unknown(
                    codes.UNKNOWN_INTENT,
                    place.transition.mark,
                    _("L'intention"),
                    intent,
                    script.intents,
                )
        slot = place.transition.slot
        if slot is not None and slot not in script.slots:
            yield _unknown(
                codes.UNKNOWN_SLOT, place.transition.mark, _("La donnée"), slot, script.slots
            )
    for state in script.states.values():
        if state.ask is not None and state.ask not in script.slots:
            yield _unknown(codes.UNKNOWN_SLOT, state.mark, _("La donnée"), state.ask, script.slots)


def outcomes_and_levels(script: Script, places: Places) -> Iterator[Diagnostic]:
    """End states name declared outcomes; ``levels`` and the default name difficulties."""
    for state in script.states.values():
        if state.outcome is not None and state.outcome not in script.outcomes:
            yield _unknown(
                codes.UNKNOWN_OUTCOME, state.mark, _("L'issue"), state.outcome, script.outcomes
            )
    what = _("Le niveau de difficulté")
    if script.start and script.default_difficulty not in script.difficulties:
        mark = places.get("default_difficulty", script.mark)
        yield _unknown(
            codes.UNKNOWN_LEVEL, mark, what, script.default_difficulty, script.difficulties
        )
    for line in walk.lines(script):
        for level in line.levels:
            if level not in script.difficulties:
                yield _unknown(codes.UNKNOWN_LEVEL, line.mark, what, level, script.difficulties)


def slot_settings(script: Script) -> Iterator[Diagnostic]:
    """A slot's ``compare`` names a value of the practice identity."""
    for slot in script.slots.values():
        if slot.compare is not None and slot.compare not in COMPARABLE:
            yield diagnostic(
                codes.BAD_COMPARE,
                slot.mark,
                _(
                    "« compare: {value} » ne désigne aucune valeur de l'identité d'entraînement."
                ).format(value=slot.compare),
                did_you_mean(slot.compare, COMPARABLE)
                or _("valeurs : {known}, ou none.").format(known=", ".join(sorted(COMPARABLE))),
            )


def patterns(script: Script) -> Iterator[Diagnostic]:
    """Intent patterns must be valid regular expressions."""
    for intent in script.intents.values():
        for pattern in intent.patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                yield diagnostic(
                    codes.BAD_PATTERN,
                    intent.mark,
                    _(
                        "Le motif « {pattern} » de l'intention « {id} » est invalide : {why}."
                    ).format(pattern=pattern, id=intent.id, why=error.msg),
                )


def expressions(script: Script) -> Iterator[Diagnostic]:
    """Conditions and ``set`` values parse, and read only names that exist."""
    names = Names(script)
    for condition in walk.conditions(script):
        yield from _expression(condition, names)


def _expression(condition: Condition, names: Names) -> Iterator[Diagnostic]:
    try:
        parsed = parse(condition.source)
    except ExpressionError as error:
        yield diagnostic(
            codes.BAD_EXPRESSION,
            walk.shift(condition.mark, condition.source, error.column),
            _("Condition illisible « {source} » : {why}").format(
                source=condition.source, why=error.message
            ),
            _("exemples : « insistance < 2 », « heard.justificatif > 0 and not mode == 'real' »."),
        )
        return
    for name in sorted(parsed.names):
        if not names.known(name):
            yield _unknown_name(name, condition.source, condition.mark, names, template=False)


def _unknown_name(name: str, text: str, mark: Mark, names: Names, *, template: bool) -> Diagnostic:
    offset = text.find(name)
    if offset < 0:
        offset = max(text.find(name.partition(".")[0]), 0)
    hint = did_you_mean(name, names.every(template=template))
    dashed = re.match(re.escape(name) + r"(-[\w-]+)", text[offset:])
    if dashed is not None and "." in name:
        # Python read « visited.demande-code » as a subtraction.
        prefix, _dot, rest = dashed.group(0).partition(".")
        hint = _("un id avec des tirets s'écrit {prefix}('{rest}').").format(
            prefix=prefix, rest=rest
        )
    return diagnostic(
        codes.UNKNOWN_NAME,
        walk.shift(mark, text, offset),
        _("« {name} » n'est pas défini.").format(name=name),
        hint,
    )


def templates(script: Script) -> Iterator[Diagnostic]:
    """Texts with ``{…}`` fields parse, and their fields name things that exist."""
    names = Names(script)
    for line in walk.lines(script):
        marks = line.variant_marks or tuple(repeat(line.mark, len(line.variants)))
        for text, mark in zip(line.variants, marks, strict=False):
            yield from _template(text, mark, names)
        for variants in line.levels.values():
            for text in variants:
                # Level texts keep no mark of their own: point at the line itself.
                yield from _template(text, line.mark, names, exact=False)


def _template(text: str, mark: Mark, names: Names, *, exact: bool = True) -> Iterator[Diagnostic]:
    try:
        template = parse_template(text)
    except TemplateError as error:
        where = walk.shift(mark, text, error.column) if exact else mark
        yield diagnostic(codes.BAD_TEMPLATE, where, error.message)
        return
    for field in template.fields:
        if not names.known(field.name, template=True):
            found = _unknown_name(field.name, text, mark, names, template=True)
            yield (
                found if exact else diagnostic(codes.UNKNOWN_NAME, mark, found.message, found.hint)
            )


def duplicates(script: Script) -> Iterator[Diagnostic]:
    """Rubric ids, menu keys and line ids are each used once."""
    seen: dict[str, Mark] = {}
    for criterion in script.rubric:
        if criterion.id in seen:
            yield _twice(codes.DUPLICATE_ID, criterion.mark, _("Le critère"), criterion.id, seen)
        seen.setdefault(criterion.id, criterion.mark)
    for state in script.states.values():
        keys: dict[str, Mark] = {}
        for item in state.on:
            if item.keys is not None and item.keys in keys:
                yield _twice(codes.DUPLICATE_ID, item.mark, _("La touche"), item.keys, keys)
            if item.keys is not None:
                keys.setdefault(item.keys, item.mark)
    yield from _duplicate_lines(walk.lines(script))


def _duplicate_lines(lines: Iterable[Line]) -> Iterator[Diagnostic]:
    first: dict[str, Mark] = {}
    for line in lines:
        if line.id in first and first[line.id] != line.mark:
            yield _twice(codes.DUPLICATE_LINE, line.mark, _("La réplique"), line.id, first)
        first.setdefault(line.id, line.mark)


def _twice(
    code: codes.Code, mark: Mark, what: str, name: str, seen: Mapping[str, Mark]
) -> Diagnostic:
    return diagnostic(
        code,
        mark,
        _("{what} « {name} » existe déjà (ligne {line}).").format(
            what=what, name=name, line=seen[name].line
        ),
        _("donnez-lui un autre identifiant."),
    )


def check(
    script: Script, *, fragment: bool = False, places: Places | None = None
) -> list[Diagnostic]:
    """Every problem of ``script``, errors and warnings, in file order.

    Args:
        script: A compiled script.
        fragment: The script is a fragment (no ``start``): references to ids it does
            not define, the call's shape and variable use need the whole script, so
            they are left to the scripts that include it.
        places: Where the script-wide settings were written (see :data:`Places`).
    """
    from repetition_3422.language import graphchecks, rules

    where: Places = places or {}
    found: list[Diagnostic] = [
        *state_targets(script, where),
        *personas(script, where),
        *intents_and_slots(script),
        *outcomes_and_levels(script, where),
        *slot_settings(script),
        *patterns(script),
        *expressions(script),
        *templates(script),
        *duplicates(script),
        *rules.kinds(script),
        *rules.transitions(script),
        *rules.weights(script),
        *rules.undeclared_variables(script),
        *graphchecks.shadowed(script),
    ]
    if fragment:
        # A fragment may name what the scripts including it define: those references are
        # checked in each script, where everything is merged.
        found = [item for item in found if item.code not in FRAGMENT_REFERENCES]
    else:
        reached = graphchecks.reachable(script)
        found += [
            *rules.variable_use(script, where),
            *graphchecks.unreachable(script, reached),
            *graphchecks.dead_ends(script),
            *graphchecks.no_way_to_end(script, reached),
            *graphchecks.endless_reprompts(script),
            *graphchecks.branches_without_default(script),
        ]
    return sorted(found, key=codes.sort_key)
