"""The small, safe expression language of conditions and ``set`` values.

Python's own parser reads the text (``ast.parse`` in ``eval`` mode) and only a short list
of node types is accepted: literals, names, dotted names, ``and``/``or``/``not``,
comparisons, ``+ - *`` and calls of a name with one string (``heard('justificatif')``,
for ids that contain dashes). Nothing is ever passed to ``eval``.

Examples: ``insistance >= 2 and not justificatif_promis``, ``heard.justificatif > 0``,
``visited('demande-code')``, ``difficulty == 'difficile'``, ``outcome in ['a', 'b']``.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from msgspec import Struct

from repetition_3422.i18n import _

Value = bool | int | float | str | None
Lookup = Callable[[str], Any]
"""Resolves a (dotted) name to its value; raises :class:`UnknownName` when unknown."""

CONSTANTS: dict[str, bool] = {"true": True, "false": False, "True": True, "False": False}
"""Words read as booleans: YAML authors write ``true``/``false``."""

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated; ``column`` is 0-based in the text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


class UnknownName(ExpressionError):
    """A name the expression reads that nothing defines."""

    def __init__(self, name: str, column: int = 0) -> None:
        super().__init__(_("« {name} » n'est pas défini.").format(name=name), column)
        self.name = name


class Expression(Struct, frozen=True):
    """A parsed expression: its source, its tree, and the names it reads."""

    source: str
    tree: ast.expr
    names: frozenset[str]


@lru_cache(maxsize=4096)
def parse(source: str) -> Expression:
    """Parse ``source``; raise :class:`ExpressionError` for anything outside the language."""
    text = source.strip()
    if not text:
        raise ExpressionError(_("L'expression est vide."))
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as error:
        column = max((error.offset or 1) - 1, 0)
        raise ExpressionError(
            _("Expression illisible : {detail}.").format(detail=error.msg), column
        ) from None
    names: set[str] = set()
    _check(tree, names)
    return Expression(source=text, tree=tree, names=frozenset(names))


def evaluate(expression: Expression | str, lookup: Lookup) -> Any:
    """Compute the value of ``expression``, reading names through ``lookup``."""
    parsed = parse(expression) if isinstance(expression, str) else expression
    try:
        return _eval(parsed.tree, lookup)
    except TypeError as error:
        raise ExpressionError(
            _("Calcul impossible dans « {source} » : types incompatibles.").format(
                source=parsed.source
            )
        ) from error


def dotted_name(node: ast.expr) -> str | None:
    """``heard.justificatif`` or ``heard('demande-code')`` as one dotted name, else None."""
    if isinstance(node, ast.Name):
        return None if node.id in CONSTANTS else node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr}"
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return f"{node.func.id}.{node.args[0].value}"
    return None


def _check(node: ast.expr, names: set[str]) -> None:
    """Refuse every node outside the language; collect the names read."""
    name = dotted_name(node)
    if name is not None:
        names.add(name)
        return
    match node:
        case ast.Name() if node.id in CONSTANTS:
            return
        case ast.Constant() if isinstance(node.value, bool | int | float | str):
            return
        case ast.BoolOp():
            children = list(node.values)
        case ast.UnaryOp() if isinstance(node.op, ast.Not | ast.USub):
            children = [node.operand]
        case ast.Compare() if all(type(op) in _COMPARE for op in node.ops):
            children = [node.left, *node.comparators]
        case ast.BinOp() if type(node.op) in _ARITHMETIC:
            children = [node.left, node.right]
        case ast.List() | ast.Tuple():
            children = list(node.elts)
        case _:
            raise ExpressionError(
                _("« {text} » n'est pas permis dans une condition.").format(text=ast.unparse(node)),
                getattr(node, "col_offset", 0),
            )
    for child in children:
        _check(child, names)


def _eval(node: ast.expr, lookup: Lookup) -> Any:  # noqa: PLR0911 (one return per node type)
    name = dotted_name(node)
    if name is not None:
        return lookup(name)
    if isinstance(node, ast.Name):
        return CONSTANTS[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.BoolOp):
        return _eval_bool(node, lookup)
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, lookup)
        return (not value) if isinstance(node.op, ast.Not) else -value
    if isinstance(node, ast.Compare):
        return _eval_compare(node, lookup)
    if isinstance(node, ast.BinOp):
        return _ARITHMETIC[type(node.op)](_eval(node.left, lookup), _eval(node.right, lookup))
    if isinstance(node, ast.List | ast.Tuple):
        return [_eval(element, lookup) for element in node.elts]
    raise ExpressionError(_("Expression non permise."))  # _check refused it already


def _eval_bool(node: ast.BoolOp, lookup: Lookup) -> Any:
    is_and = isinstance(node.op, ast.And)
    value: Any = is_and
    for child in node.values:
        value = _eval(child, lookup)
        if bool(value) != is_and:
            return value
    return value


def _eval_compare(node: ast.Compare, lookup: Lookup) -> bool:
    left = _eval(node.left, lookup)
    for op, comparator in zip(node.ops, node.comparators, strict=True):
        right = _eval(comparator, lookup)
        if not _COMPARE[type(op)](left, right):
            return False
        left = right
    return True
