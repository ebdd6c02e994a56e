"""Merging a script with the fragments it includes: fragments first, the script overrides by id."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from msgspec import Struct

from repetition_3422.language.document import Document, TransitionDoc
from repetition_3422.language.model import Mark
from repetition_3422.language.yamlnodes import At

T = TypeVar("T")


class SourceFile(Struct, frozen=True):
    """One loaded file of a script: its document, its root node, where it comes from.

    Attributes:
        origin: ``""`` for the script itself, the file's stem for an included fragment
            (it prefixes the ids of the fragment's global lines).
    """

    doc: Document
    root: At
    origin: str


class Placed(Struct, Generic[T], frozen=True):
    """A definition with the place of its value and the mark of its name."""

    value: T
    at: At
    mark: Mark
    origin: str


def section(files: Sequence[SourceFile], name: str) -> dict[str, Placed[Any]]:
    """The id → definition table ``name`` (``states``, ``intents``…) of all files merged.

    A later file's entry replaces an earlier one with the same id, in its place: the
    script, last, overrides what its fragments define.
    """
    merged: dict[str, Placed[Any]] = {}
    for file in files:
        place = file.root.key(name)
        for key, value in getattr(file.doc, name).items():
            merged[key] = Placed(value, place.key(key), place.key_at(key).mark, file.origin)
    return merged


def listed(
    files: Sequence[SourceFile], name: str, identity: Callable[[Any], Hashable]
) -> list[tuple[int, Placed[Any]]]:
    """The items of list ``name`` of all files, as ``(index in its file, item)``.

    An item whose ``identity`` equals an earlier file's item replaces it in its place.
    """
    merged: dict[Hashable, tuple[int, Placed[Any]]] = {}
    unnamed = 0
    for file in files:
        place = file.root.key("global" if name == "global_" else name)
        for index, value in enumerate(getattr(file.doc, name)):
            key = identity(value)
            if key is None:  # nothing to override by: always kept
                unnamed += 1
                key = ("#", unnamed)
            elif key in merged and merged[key][1].origin == file.origin:
                key = (key, index)  # a repeat within one file is the checker's business
            item = place.item(index)
            merged[key] = (index, Placed(value, item, item.mark, file.origin))
    return list(merged.values())


def trigger(transition: TransitionDoc) -> Hashable:
    """What a global transition answers: a script's one overrides a fragment's."""
    intent = transition.intent
    intents = tuple(sorted(intent)) if isinstance(intent, list) else intent
    if intents is None and transition.slot is None and not transition.any:
        return None
    return (intents, transition.slot, transition.any, transition.when)


def defaults(files: Sequence[SourceFile]) -> dict[str, Placed[Any]]:
    """Each ``defaults`` key that some file sets, the script's winning over fragments'."""
    merged: dict[str, Placed[Any]] = {}
    for file in files:
        if file.doc.defaults is None:
            continue
        place = file.root.key("defaults")
        for name in file.doc.defaults.__struct_fields__:
            value = getattr(file.doc.defaults, name)
            if value is not None:
                merged[name] = Placed(value, place.key(name), place.key_at(name).mark, file.origin)
    return merged
