"""What a step expects, read from its document and checked against the script's ids."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from repetition_3422.authoring.document import ExpectDoc
from repetition_3422.authoring.model import Expectation
from repetition_3422.authoring.problems import UNKNOWN_ID
from repetition_3422.i18n import _
from repetition_3422.language import walk
from repetition_3422.language.diagnostics import Diagnostic, diagnostic, did_you_mean
from repetition_3422.language.model import Mark, Script
from repetition_3422.language.yamlnodes import At

ENGINE_LINES = ("engine.no_match", "engine.no_input", "engine.reject", "engine.mismatch")
"""Ids of the lines the engine says when a script gives none."""


def listed(value: str | list[str] | None) -> tuple[str, ...]:
    """One text or a list of texts, as a tuple."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def expectation(
    doc: ExpectDoc, at: At, script: Script | None
) -> tuple[Expectation, list[Diagnostic]]:
    """The expectation written at ``at``, and its unknown ids (when the script is known)."""
    found = Expectation(
        says=listed(doc.says),
        says_not=listed(doc.says_not),
        matches=listed(doc.matches),
        lines=listed(doc.line),
        state=doc.state,
        visited=listed(doc.visited),
        not_visited=listed(doc.not_visited),
        given=listed(doc.given),
        rejected=doc.rejected,
        heard=listed(doc.heard),
        variables=dict(doc.variables),
        events=tuple(doc.events),
        ended=doc.ended,
        outcome=doc.outcome,
        rubric=dict(doc.rubric),
        score=doc.score,
        min_score=doc.min_score,
        mark=at.mark,
    )
    problems = _patterns(found, at)
    if script is not None:
        problems += _unknown_ids(found, at, script)
    return found, problems


def _patterns(found: Expectation, at: At) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for index, pattern in enumerate(found.matches):
        try:
            re.compile(pattern)
        except re.error as error:
            place = at.key("matches").item(index)
            problems.append(
                diagnostic(
                    UNKNOWN_ID,
                    place.text_mark(),
                    _("Expression régulière illisible : {reason}.").format(reason=error.msg),
                )
            )
    return problems


def _unknown_ids(found: Expectation, at: At, script: Script) -> list[Diagnostic]:
    state = _("L'état « {value} » n'existe pas dans « {script} ».")
    lines = {line.id for line in walk.lines(script)} | set(ENGINE_LINES)
    checks: list[tuple[str, tuple[str, ...], Collection[str], str]] = [
        ("state", () if found.state is None else (found.state,), script.states, state),
        ("visited", found.visited, script.states, state),
        ("not_visited", found.not_visited, script.states, state),
        (
            "given",
            found.given,
            script.slots,
            _("La donnée « {value} » n'existe pas dans « {script} »."),
        ),
        (
            "heard",
            found.heard,
            script.intents,
            _("L'intention « {value} » n'existe pas dans « {script} »."),
        ),
        (
            "outcome",
            () if found.outcome is None else (found.outcome,),
            script.outcomes,
            _("L'issue « {value} » n'existe pas dans « {script} »."),
        ),
        ("line", found.lines, lines, _("La réplique « {value} » n'existe pas dans « {script} ».")),
    ]
    problems: list[Diagnostic] = []
    for key, values, known, message in checks:
        place = at.key(key)
        problems += [
            _unknown(place.item(index).mark, value, known, message, script.id)
            for index, value in enumerate(values)
            if value not in known
        ]
    return problems + _unknown_names(found, at, script)


def _unknown_names(found: Expectation, at: At, script: Script) -> list[Diagnostic]:
    """Unknown criteria (``rubric``) and variables (``variables``): written as keys."""
    named: list[tuple[str, Mapping[str, object], Collection[str], str]] = [
        (
            "rubric",
            found.rubric,
            [criterion.id for criterion in script.rubric],
            _("Le critère « {value} » n'existe pas dans « {script} »."),
        ),
        (
            "variables",
            found.variables,
            script.variables,
            _("La variable « {value} » n'existe pas dans « {script} »."),
        ),
    ]
    return [
        _unknown(at.key(key).key_at(name).mark, name, known, message, script.id)
        for key, table, known, message in named
        for name in table
        if name not in known
    ]


def _unknown(
    mark: Mark, value: str, known: Collection[str], message: str, script_id: str
) -> Diagnostic:
    return diagnostic(
        UNKNOWN_ID,
        mark,
        message.format(value=value, script=script_id),
        did_you_mean(value, known),
    )
