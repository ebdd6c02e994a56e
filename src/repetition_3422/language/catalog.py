"""The scenarios and fragments shipped with the package, and how a name becomes a file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from repetition_3422.errors import UnknownScenarioError
from repetition_3422.i18n import _

if TYPE_CHECKING:
    from repetition_3422.language.model import Script

SCENARIOS_DIR = Path(__file__).resolve().parent.parent / "scenarios"
"""Shipped scenarios (package data: inside the wheel too, next to this package)."""

FRAGMENTS_DIR = SCENARIOS_DIR / "fragments"
"""Shipped fragments, included by id (``includes: [common]``)."""


def shipped_ids() -> list[str]:
    """Ids of the shipped scenarios: the ``*.yaml`` files directly in the scenarios folder."""
    return sorted(path.stem for path in SCENARIOS_DIR.glob("*.yaml"))


def fragment_ids() -> list[str]:
    """Ids of the shipped fragments."""
    return sorted(path.stem for path in FRAGMENTS_DIR.glob("*.yaml"))


def fragment_path(fragment_id: str) -> Path:
    """The file of shipped fragment ``fragment_id`` (it may not exist: the loader says so)."""
    return FRAGMENTS_DIR / f"{fragment_id}.yaml"


def scenario_path(scenario_id: str) -> Path:
    """The file of shipped scenario ``scenario_id``."""
    return SCENARIOS_DIR / f"{scenario_id}.yaml"


def looks_like_path(name: str) -> bool:
    """A name with a folder separator or a YAML suffix is a path, not an id."""
    return "/" in name or "\\" in name or name.endswith((".yaml", ".yml"))


def resolve(name_or_path: str) -> Path:
    """The file for a shipped scenario id or a path.

    Raises:
        UnknownScenarioError: neither a shipped id nor an existing file; the message lists
            the shipped ids and suggests the closest one.
    """
    candidate = Path(name_or_path)
    if candidate.is_file():
        return candidate
    if not looks_like_path(name_or_path) and scenario_path(name_or_path).is_file():
        return scenario_path(name_or_path)
    import difflib  # only for a name that is not found

    known = shipped_ids()
    close = difflib.get_close_matches(name_or_path, known, n=1, cutoff=0.6)
    hint = _("Vouliez-vous dire « {name} » ?").format(name=close[0]) if close else None
    raise UnknownScenarioError(
        _(
            "« {name} » n'est ni un scénario fourni ni un fichier. Scénarios fournis : {ids}."
        ).format(name=name_or_path, ids=", ".join(known) or _("aucun")),
        hint=hint,
    )


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

    from repetition_3422.language.yamlscalars import read_data

    try:
        data = read_data(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(data, dict):
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
