"""The scenarios and fragments shipped with the package, and how a name becomes a file."""

from __future__ import annotations

from pathlib import Path

from repetition_3422.errors import UnknownScenarioError
from repetition_3422.i18n import _

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
