"""Every shape problem of a document that msgspec refused, each placed at its value.

msgspec checks a whole document in one fast call and stops at the first problem. Only
when that call fails does this module walk the data against the types that
``msgspec.inspect`` describes, down to each offending value, so that one bad state does
not hide the others. (Calling ``msgspec.convert`` on the field types one by one would be
simpler, but msgspec 0.22 crashes on some sequences of such calls with shared
``Annotated`` patterns, so only whole documents are converted.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from repetition_3422.i18n import N_, _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language.diagnostics import Code, Diagnostic, diagnostic, did_you_mean
from repetition_3422.language.document import (
    ID_PATTERN,
    SCRIPT_ID_PATTERN,
    VARIABLE_PATTERN,
)
from repetition_3422.language.yamlnodes import At

Path = tuple[str | int, ...]

_TYPE_NAMES = {
    "str": N_("un texte"),
    "int": N_("un nombre entier"),
    "float": N_("un nombre"),
    "bool": N_("true ou false"),
    "null": N_("rien"),
    "array": N_("une liste"),
    "object": N_("une table « clé: valeur »"),
}
_PATTERN_RULES = {
    ID_PATTERN: N_("lettres minuscules sans accents, chiffres, « - » et « _ »"),
    SCRIPT_ID_PATTERN: N_("lettres minuscules sans accents, chiffres et « - »"),
    VARIABLE_PATTERN: N_("lettres sans accents, chiffres et « _ », sans chiffre au début"),
}
_BOUNDS = (("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤"))


@dataclass(frozen=True, slots=True)
class _Problem:
    code: Code
    path: Path
    message: str
    hint: str | None = None
    on_key: bool = False


def explain(
    data: dict[str, Any], kind: type[msgspec.Struct], root: At, message: str
) -> list[Diagnostic]:
    """Every problem of ``data`` as a ``kind`` document (``message``: msgspec's first one).

    ``kind`` is a script or fragment document, or any other Struct read from marked YAML
    (walkthrough files use it too).
    """
    problems = list(_explain(data, _info(kind), ())) or [_unexplained(message)]
    return [_place(problem, root) for problem in problems]


def _place(problem: _Problem, root: At) -> Diagnostic:
    if problem.on_key:
        parent = root.follow(problem.path[:-1])
        place = parent.key_at(str(problem.path[-1]))
    else:
        place = root.follow(problem.path)
    return diagnostic(problem.code, place.mark, problem.message, problem.hint)


@cache
def _info(kind: type[msgspec.Struct]) -> mi.Type:
    return mi.type_info(kind)


def _unexplained(message: str) -> _Problem:
    # Only if this module's reading of the types disagrees with msgspec's.
    return _Problem(codes.WRONG_TYPE, (), _("Valeur refusée : {detail}.").format(detail=message))


def _explain(value: Any, expected: mi.Type, path: Path) -> Iterator[_Problem]:
    """The problems of ``value`` against type ``expected``, as deep as they can be placed."""
    members = _members(expected)
    if isinstance(value, dict):
        container = next((m for m in members if isinstance(m, mi.StructType | mi.DictType)), None)
        if isinstance(container, mi.StructType):
            yield from _explain_struct(value, container, path)
            return
        if isinstance(container, mi.DictType):
            yield from _explain_dict(value, container, path)
            return
    elif isinstance(value, list):
        sequence = next((m for m in members if isinstance(m, mi.ListType)), None)
        if sequence is not None:
            for index, item in enumerate(value):
                yield from _explain(item, sequence.item_type, (*path, index))
            return
    if not any(_accepts(member, value) for member in members):
        yield _leaf(value, members, path)


def _explain_struct(value: dict[str, Any], struct: mi.StructType, path: Path) -> Iterator[_Problem]:
    fields = {info.encode_name: info for info in struct.fields}
    for key, item in value.items():
        info = fields.get(key)
        if info is None:
            yield _unknown_key(key, list(fields), (*path, key))
        else:
            yield from _explain(item, info.type, (*path, key))
    for name, info in fields.items():
        if info.required and name not in value:
            yield _Problem(
                codes.MISSING_KEY,
                path,
                _("Il manque la clé obligatoire « {key} »{where}.").format(
                    key=name, where=_where(path)
                ),
            )


def _explain_dict(value: dict[str, Any], mapping: mi.DictType, path: Path) -> Iterator[_Problem]:
    key_types = _members(mapping.key_type)
    for key, item in value.items():
        if not any(_accepts(member, key) for member in key_types):
            yield _bad_id(key, key_types, (*path, key), on_key=True)
        yield from _explain(item, mapping.value_type, (*path, key))


def _members(expected: mi.Type) -> list[mi.Type]:
    """The types a value may take: the members of a union, without their metadata."""
    if isinstance(expected, mi.Metadata):
        return _members(expected.type)
    if isinstance(expected, mi.UnionType):
        return [member for item in expected.types for member in _members(item)]
    return [expected]


def _accepts(expected: mi.Type, value: Any) -> bool:  # noqa: PLR0911 (one answer per type)
    """Whether a scalar ``value`` fits ``expected`` (containers are explained, not here)."""
    if isinstance(expected, mi.StrType):
        return isinstance(value, str) and (
            expected.pattern is None or re.search(expected.pattern, value) is not None
        )
    if isinstance(expected, mi.BoolType):
        return isinstance(value, bool)
    if isinstance(expected, mi.IntType):
        return type(value) is int and _within(expected, value)
    if isinstance(expected, mi.FloatType):
        return type(value) in (int, float) and _within(expected, value)
    if isinstance(expected, mi.NoneType):
        return value is None
    if isinstance(expected, mi.LiteralType):
        return value in expected.values
    return False


def _within(expected: mi.IntType | mi.FloatType, value: float) -> bool:
    checks = {"gt": value.__gt__, "ge": value.__ge__, "lt": value.__lt__, "le": value.__le__}
    return all(
        getattr(expected, name) is None or check(getattr(expected, name))
        for name, check in checks.items()
    )


def _unknown_key(key: str, allowed: list[str], path: Path) -> _Problem:
    hint = did_you_mean(key, allowed) or _("clés permises ici : {keys}.").format(
        keys=", ".join(allowed)
    )
    return _Problem(
        codes.UNKNOWN_KEY,
        path,
        _("Clé inconnue « {key} »{where}.").format(key=key, where=_where(path[:-1])),
        hint,
        on_key=True,
    )


def _bad_id(key: str, members: list[mi.Type], path: Path, *, on_key: bool) -> _Problem:
    pattern = next((m.pattern for m in members if isinstance(m, mi.StrType) and m.pattern), "")
    rule = _(_PATTERN_RULES.get(pattern or "", "")) if pattern in _PATTERN_RULES else ""
    return _Problem(
        codes.BAD_VALUE,
        path,
        _("« {key} » n'est pas un identifiant valide{where}.").format(
            key=key, where=_where(path[:-1] if on_key else path)
        ),
        _("n'utilisez que : {rule}.").format(rule=rule) if rule else None,
        on_key=on_key,
    )


def _leaf(value: Any, members: list[mi.Type], path: Path) -> _Problem:
    """One value of the wrong type or out of range, in a French sentence."""
    if isinstance(value, str):
        allowed = [str(v) for m in members if isinstance(m, mi.LiteralType) for v in m.values]
        if allowed:
            return _Problem(
                codes.BAD_VALUE,
                path,
                _("« {value} » n'est pas permis{where} (valeurs permises : {allowed}).").format(
                    value=value, where=_where(path), allowed=", ".join(sorted(allowed))
                ),
                did_you_mean(value, allowed),
            )
        if any(isinstance(m, mi.StrType) for m in members):
            return _bad_id(value, members, path, on_key=False)
    bounded = [m for m in members if isinstance(m, mi.IntType | mi.FloatType)]
    if type(value) in (int, float) and bounded:
        limits = [
            f"{sign} {getattr(bounded[0], name)}"
            for name, sign in _BOUNDS
            if getattr(bounded[0], name) is not None
        ]
        return _Problem(
            codes.BAD_VALUE,
            path,
            _("La valeur{where} doit être {limits}.").format(
                where=_where(path), limits=_(" et ").join(limits)
            ),
        )
    return _wrong_type(value, members, path)


def _kind_name(expected: mi.Type) -> str:
    names = {
        mi.StrType: "str",
        mi.LiteralType: "str",
        mi.IntType: "int",
        mi.FloatType: "float",
        mi.BoolType: "bool",
        mi.NoneType: "null",
        mi.ListType: "array",
        mi.StructType: "object",
        mi.DictType: "object",
    }
    return names.get(type(expected), "?")


def _value_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    names = {str: "str", int: "int", float: "float", list: "array", dict: "object"}
    return "null" if value is None else names.get(type(value), "?")


def _wrong_type(value: Any, members: list[mi.Type], path: Path) -> _Problem:
    kinds = list(dict.fromkeys(_kind_name(member) for member in members))
    wanted = [
        _(_TYPE_NAMES[kind]) if kind in _TYPE_NAMES else kind for kind in kinds if kind != "null"
    ]
    hint = None
    if "str" in kinds and isinstance(value, bool | int | float):
        hint = _('pour un texte, mettez la valeur entre guillemets : « "{value}" ».').format(
            value=str(value).lower() if isinstance(value, bool) else value
        )
    elif value is None:
        hint = _("la valeur est vide : écrivez-la après les deux-points, ou retirez la clé.")
    return _Problem(
        codes.WRONG_TYPE,
        path,
        _("Type incorrect{where} : attendu {want}, trouvé {got}.").format(
            where=_where(path),
            want=_(" ou ").join(wanted),
            got=_(_TYPE_NAMES.get(_value_kind(value), "?")),
        ),
        hint,
    )


def _where(path: Path) -> str:
    """« dans « states.accueil.say[0] » », or nothing at the top of the file."""
    if not path:
        return ""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return _(" dans « {path} »").format(path=text)
