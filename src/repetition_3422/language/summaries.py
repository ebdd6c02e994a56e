"""What a list of scenarios shows before a script is read in full: the header of each file.

The home screen lists the shipped scenarios from these summaries, read in a few
milliseconds without the loader, its checks or the typed model; a script is read in full
when it is played. The values are typed as the loader types them (:mod:`.yamlscalars`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from repetition_3422.language.catalog import scenario_path, shipped_ids

if TYPE_CHECKING:
    from repetition_3422.language.model import Script


HEADER = frozenset({"id", "title", "description", "duration", "difficulties", "default_difficulty"})
"""The keys a summary is made of."""

DEFAULT_DIFFICULTIES = ("facile", "moyen", "difficile")
"""The levels of a script that names none (as :class:`~.document.ScriptDoc` says)."""


class ScenarioSummary(NamedTuple):
    """What a list of scenarios shows before a script is read in full: its header.

    Attributes:
        path: The script file (``None`` for a script built without one).
    """

    id: str
    title: str
    description: str
    duration_min: float
    difficulties: tuple[str, ...]
    default_difficulty: str
    path: Path | None = None


def summary_of(script: Script) -> ScenarioSummary:
    """The summary of a script already read."""
    return ScenarioSummary(
        script.id,
        script.title,
        script.description,
        script.duration_min,
        script.difficulties,
        script.default_difficulty,
        script.source,
    )


def summaries(paths: Iterable[Path] | None = None) -> list[ScenarioSummary]:
    """The summaries of the shipped scenarios (or of ``paths``), in that order.

    Only the header of each file is taken, with the C YAML parser and the script typing
    rules, without the loader or its checks: the home screen lists the scenarios this way
    and reads a script in full when it is played. A file whose header cannot be read is
    left out (reading it in full would say why).
    """
    chosen = [scenario_path(name) for name in shipped_ids()] if paths is None else paths
    found = (summary(path) for path in chosen)
    return [item for item in found if item is not None]


def summary(path: Path) -> ScenarioSummary | None:
    """The summary of the script in ``path``; None when its header cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _SUMMARIES:
        _SUMMARIES[key] = _read_summary(path)
    return _SUMMARIES[key]


_SUMMARIES: dict[tuple[Path, int, int], ScenarioSummary | None] = {}
"""Summaries by file and its modification time and size: a changed file is read again."""


def _read_summary(path: Path) -> ScenarioSummary | None:
    import yaml

    from repetition_3422.language.yamlscalars import read_header

    try:
        data = read_header(path.read_bytes().decode("utf-8-sig"), HEADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if data is None:
        return None
    scenario_id, title, description = (data.get(key) for key in ("id", "title", "description"))
    duration = data.get("duration") or 0.0
    levels = data.get("difficulties", list(DEFAULT_DIFFICULTIES))
    chosen = data.get("default_difficulty")
    if (
        not isinstance(scenario_id, str)
        or not isinstance(title, str)
        or not isinstance(description, str)
        or not isinstance(duration, int | float)
        or isinstance(duration, bool)
        or not isinstance(levels, list)
        or not all(isinstance(level, str) for level in levels)
        or not isinstance(chosen, str | None)
    ):
        return None
    middle = levels[len(levels) // 2] if levels else ""
    # As the compiler does (compile._header): the middle level unless one is named.
    return ScenarioSummary(
        scenario_id, title, description, float(duration), tuple(levels), chosen or middle, path
    )
