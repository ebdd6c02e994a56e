"""Checks of what each kind of state needs, of transitions, weights and variables."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from repetition_3422.i18n import _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language import walk
from repetition_3422.language.diagnostics import Diagnostic, diagnostic
from repetition_3422.language.expressions import ExpressionError, parse
from repetition_3422.language.model import Mark, Script, State
from repetition_3422.language.templates import TemplateError, parse_template

LISTENING = ("talk", "menu")
"""Kinds of state that wait for the caller (and so have transitions and re-prompts)."""


def _missing(state: State, key: str, why: str) -> Diagnostic:
    return diagnostic(
        codes.MISSING_FOR_KIND,
        state.mark,
        _("L'état « {id} » ({kind}) doit avoir « {key} » : {why}.").format(
            id=state.id, kind=state.kind, key=key, why=why
        ),
    )


def _ignored(state: State, key: str, mark: Mark | None = None) -> Diagnostic:
    return diagnostic(
        codes.IGNORED_FOR_KIND,
        mark or state.mark,
        _("« {key} » est sans effet dans l'état « {id} » ({kind}).").format(
            key=key, id=state.id, kind=state.kind
        ),
        _("retirez-le, ou changez le genre de l'état (kind)."),
    )


def kinds(script: Script) -> Iterator[Diagnostic]:
    """Each kind of state has what it needs, and nothing that would be silently ignored."""
    for state in script.states.values():
        yield from _needs(state)
        yield from _ignores(state)


def _needs(state: State) -> Iterator[Diagnostic]:
    if state.kind == "menu" and not any(item.keys for item in state.on):
        yield diagnostic(
            codes.MENU_WITHOUT_KEYS,
            state.mark,
            _("Le menu « {id} » n'a aucune touche : ajoutez des « choices ».").format(id=state.id),
        )
    if state.kind == "end" and state.outcome is None:
        yield diagnostic(
            codes.END_WITHOUT_OUTCOME,
            state.mark,
            _("L'état de fin « {id} » doit dire comment l'appel finit (outcome).").format(
                id=state.id
            ),
            _("par exemple « outcome: raccroche-conseiller »."),
        )
    if state.kind == "hold" and state.hold is None:
        yield _missing(state, "hold", _("combien de secondes d'attente"))
    if state.kind == "transfer" and state.to is None:
        yield _missing(state, "to", _("la persona qui prend l'appel"))
    if state.kind in ("hold", "transfer") and state.go is None:
        yield _missing(state, "go", _("l'état qui suit"))
    if state.kind == "branch" and not state.on:
        yield _missing(state, "on", _("les cas de l'aiguillage"))


def _ignores(state: State) -> Iterator[Diagnostic]:
    if state.kind in ("hold", "transfer", "end") and state.on:
        yield _ignored(state, "on", state.on[0].mark)
    if state.kind != "menu" and any(item.keys for item in state.on):
        yield _ignored(state, "choices")
    if state.kind != "end" and (state.outcome is not None or state.hangup_by is not None):
        yield _ignored(state, "outcome")
    if state.kind in (*LISTENING, "end") and state.go is not None:
        yield _ignored(state, "go")
    if state.kind not in LISTENING and state.ask is not None:
        yield _ignored(state, "ask")
    if state.kind == "branch" and state.say:
        yield _ignored(state, "say", state.say[0].mark)
    if state.kind == "transfer" or state.to is None:
        return
    yield _ignored(state, "to")


def transitions(script: Script) -> Iterator[Diagnostic]:
    """Transitions have a trigger, do not ``do`` and ``go`` at once, and can fire."""
    for place in walk.transitions(script):
        item, state = place.transition, place.state
        trigger = item.intents or item.slot or item.keys or item.any
        if item.do is not None and item.go is not None:
            yield diagnostic(
                codes.DO_AND_GO,
                item.mark,
                _("Une transition ne peut pas avoir à la fois « do » et « go »."),
                _("« do: hangup » termine l'appel ; pour aller ailleurs, gardez seulement « go »."),
            )
        if state is not None and state.kind == "branch":
            if trigger:
                yield _ignored(state, _("intent/slot/any"), item.mark)
        elif not trigger:
            yield diagnostic(
                codes.NO_TRIGGER,
                item.mark,
                _("Cette transition n'a pas de déclencheur (intent, slot, any ou une touche)."),
                _("« when » seul ne sert que dans un état « kind: branch »."),
            )
        elif state is not None and item.slot is not None and item.slot != state.ask:
            yield _ignored(state, f"slot: {item.slot}", item.mark)


def weights(script: Script) -> Iterator[Diagnostic]:
    """Rubric criteria weigh more than zero."""
    for criterion in script.rubric:
        if criterion.weight <= 0:
            yield diagnostic(
                codes.BAD_WEIGHT,
                criterion.mark,
                _("Le critère « {id} » a un poids de {weight} : il doit être positif.").format(
                    id=criterion.id, weight=criterion.weight
                ),
            )


def undeclared_variables(script: Script) -> Iterator[Diagnostic]:
    """``set`` only changes declared variables."""
    for place in walk.transitions(script):
        for assignment in place.transition.set:
            if assignment.variable not in script.variables:
                yield diagnostic(
                    codes.UNDECLARED_VARIABLE,
                    assignment.mark,
                    _("La variable « {name} » n'est pas déclarée.").format(
                        name=assignment.variable
                    ),
                    _("ajoutez-la sous « variables: » avec sa valeur de départ."),
                )


def variable_use(script: Script, places: Mapping[str, Mark]) -> Iterator[Diagnostic]:
    """Declared variables are read somewhere, and changed somewhere."""
    read = _names_read(script)
    changed = {
        assignment.variable
        for place in walk.transitions(script)
        for assignment in place.transition.set
    }
    for name in script.variables:
        mark = places.get(f"variables.{name}", script.mark)
        if name not in read:
            yield diagnostic(
                codes.NEVER_READ,
                mark,
                _("La variable « {name} » n'est jamais lue (ni condition ni texte).").format(
                    name=name
                ),
                _("retirez-la, ou utilisez-la dans un « when »."),
            )
        elif name not in changed:
            yield diagnostic(
                codes.NEVER_SET,
                mark,
                _("La variable « {name} » est lue mais aucun « set » ne la change.").format(
                    name=name
                ),
                _("ajoutez un « set » qui la modifie, ou écrivez sa valeur directement."),
            )


def _names_read(script: Script) -> set[str]:
    read: set[str] = set()
    for condition in walk.conditions(script):
        try:
            read.update(parse(condition.source).names)
        except ExpressionError:
            continue  # reported by the expression check
    for line in walk.lines(script):
        for text in line.variants:
            read.update(template_names(text))
        for group in line.levels.values():
            for text in group:
                read.update(template_names(text))
    return read


@lru_cache(maxsize=8192)
def template_names(text: str) -> tuple[str, ...]:
    """The names the fields of a text read (none when it does not parse: reported apart)."""
    try:
        return tuple(field.name for field in parse_template(text).fields)
    except TemplateError:
        return ()
