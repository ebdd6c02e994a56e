"""Writing walkthrough files: plain data to readable YAML, with comments where they help.

The recorder and the explorer write walkthroughs for people to read and edit, so the
output is laid out by hand rather than by a generic dumper: ids stay bare, texts are
quoted (a JSON string is a valid YAML one), short lists and tables stay on one line, and
comments (what the adviser answered) sit beside the steps.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

BARE = re.compile(r"[a-z][a-z0-9_.-]*")
"""Texts written without quotes: ids, such as ``demande-code`` or ``nir.key``."""

RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
"""Bare words a reader might take for something else: always quoted."""

NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""Characters a YAML double-quoted text may not hold as they are."""

FLOW_WIDTH = 72
"""Longest one-line list or table."""

INDENT = "  "


class Text(str):
    """A text always written between quotes (what a caller says), even when it is one word."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Commented:
    """A list item with comment lines written before and after it."""

    value: Any
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


def scalar(value: object) -> str:
    """One value as YAML: ``true``, ``12``, ``demande-code``, ``"Bonjour : oui"``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if not isinstance(value, Text) and BARE.fullmatch(text) and text not in RESERVED:
        return text
    return quoted(text)


def quoted(text: str) -> str:
    """``text`` between double quotes: a JSON string, with the characters YAML reads as
    line breaks or refuses (``\\x85``, ``\\x7f``…) escaped."""
    return NOT_PRINTABLE.sub(
        lambda match: f"\\u{ord(match.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


def _flow(value: object) -> str | None:
    """A list or table of plain values on one line, or ``None`` when it does not fit."""
    if isinstance(value, Mapping) and all(_is_scalar(item) for item in value.values()):
        text = "{" + ", ".join(f"{key}: {scalar(item)}" for key, item in value.items()) + "}"
    elif isinstance(value, list) and all(_is_scalar(item) for item in value):
        text = "[" + ", ".join(scalar(item) for item in value) + "]"
    else:
        return None
    return text if len(text) <= FLOW_WIDTH else None


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _comments(lines: Sequence[str], indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in lines]


def block(value: Mapping[str, Any], indent: str = "") -> list[str]:
    """The lines of a table written as a block, nested values indented."""
    lines: list[str] = []
    for key, item in value.items():
        lines += _entry(f"{indent}{key}:", item, indent)
    return lines


def _entry(head: str, item: Any, indent: str) -> list[str]:
    if _is_scalar(item):
        return [f"{head} {scalar(item)}"]
    flow = _flow(item)
    if flow is not None:
        return [f"{head} {flow}"]
    if isinstance(item, Mapping):
        return [head, *block(item, indent + INDENT)]
    return [head, *_items(item, indent + INDENT)]


def _items(values: Sequence[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for value in values:
        commented = value if isinstance(value, Commented) else Commented(value)
        lines += _comments(commented.before, indent)
        lines += _item(commented.value, indent)
        lines += _comments(commented.after, indent + INDENT)
    return lines


def _item(item: Any, indent: str) -> list[str]:
    """One list item: ``- value``, or a nested table or list starting on the dash line."""
    if _is_scalar(item):
        return [f"{indent}- {scalar(item)}"]
    flow = None if isinstance(item, Mapping) and item else _flow(item)  # steps read as blocks
    if flow is not None:
        return [f"{indent}- {flow}"]
    inner = indent + INDENT
    nested = block(item, inner) if isinstance(item, Mapping) else _items(item, inner)
    return [f"{indent}- {nested[0].lstrip()}", *nested[1:]]


def document(value: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    """A whole YAML file: the header comments, then the table."""
    return "\n".join([*_comments(header, ""), *block(value)]) + "\n"
