"""How unquoted YAML values are typed in scripts: YAML 1.1 booleans off, leading zeros kept.

Shared by the marked reader (:mod:`repetition_3422.language.yamlnodes`) and the quick
summary reader (:func:`repetition_3422.language.catalog.summaries`), which must type the
values of a file alike; this module imports no more than PyYAML, so the home screen can
list the scenarios without the loader.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

try:  # libyaml composes several times faster; PyYAML without it still works.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

PLAIN = "?plain"
"""Tag given to unquoted scalars: :func:`plain_value` settles their type."""

STR = "tag:yaml.org,2002:str"
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
# Leading zeros stay text: « 0612 » is a phone number or a key sequence, not 612.
_FLOAT = re.compile(r"[-+]?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Only these words are booleans: YAML 1.1 also read on/off/yes/no/y/n, which are
# words a French script author writes (« on: » is the transitions key).
_BOOLEANS = {"true": True, "True": True, "TRUE": True}
_BOOLEANS.update({"false": False, "False": False, "FALSE": False})


class Composer(_BaseLoader):
    """Builds nodes only; unquoted scalars are tagged :data:`PLAIN` for :func:`plain_value`."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        return "tag:yaml.org,2002:map" if kind is MappingNode else "tag:yaml.org,2002:seq"


def plain_value(text: str) -> Any:
    """Type of an unquoted scalar: null, true/false, integer, decimal number, else text."""
    if text in _NULLS:
        return None
    boolean = _BOOLEANS.get(text)
    if boolean is not None:
        return boolean
    first = text[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
    return text


class _HeaderReader(Composer):
    """Builds the values of a few keys with the same typing (quick summaries)."""


_HeaderReader.add_constructor(PLAIN, lambda _loader, node: plain_value(node.value))


def read_header(text: str, keys: Collection[str]) -> dict[str, Any] | None:
    """The values of ``keys`` in a YAML document's top-level table, typed like scripts.

    Only those values are built (no marks, no checks): the home screen reads the title and
    description of each scenario this way. None when the document is not a table.

    Raises:
        yaml.YAMLError: the text is not well-formed YAML, or uses an unknown tag.
    """
    loader = _HeaderReader(text)
    try:
        root = loader.get_single_node()
        if type(root) is not MappingNode:
            return None
        return {
            key.value: loader.construct_object(value, deep=True)
            for key, value in root.value
            if type(key) is ScalarNode and key.value in keys
        }
    finally:
        loader.dispose()
