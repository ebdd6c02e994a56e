"""The scripts walkthroughs test: found by id or path, loaded and checked once each."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from repetition_3422.errors import FileReadError
from repetition_3422.language import load_and_check
from repetition_3422.language.catalog import looks_like_path, scenario_path
from repetition_3422.language.diagnostics import Diagnostic
from repetition_3422.language.model import Script


def find_script(name: str, folder: Path) -> Path | None:
    """The script a walkthrough file in ``folder`` names, or ``None``.

    A path (``../mon-script.yaml``) is read from ``folder``. An id is first looked for
    beside the ``walkthroughs/`` folder (``../<id>.yaml``: a translated copy of a
    shipped scenario keeps its id and is tested with its own walkthroughs), then among the
    shipped scenarios.
    """
    if looks_like_path(name):
        candidates = [folder / name]
    else:
        candidates = [folder.parent / f"{name}.yaml", scenario_path(name)]
    # « walkthroughs/../x.yaml » is shown as « x.yaml » in every message.
    return next((Path(os.path.normpath(item)) for item in candidates if item.is_file()), None)


def script_reference(name: str, path: Path, folder: Path) -> str:
    """How a walkthrough file written in ``folder`` names the script at ``path``.

    A shipped scenario named by its id keeps its id; any other script is named by its
    path from ``folder`` (the absolute path when that would climb more than two folders).
    """
    if path == scenario_path(name):
        return name
    relative = os.path.relpath(path.resolve(), folder.resolve())
    climbs = relative.replace("\\", "/").startswith("../../../")
    return str(path.resolve()) if climbs else relative


@dataclass
class LoadedScript:
    """A script as loaded for the walkthroughs: the model, or the problems that stop it."""

    path: Path
    script: Script | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: str | None = None
    """The sentence saying why the file cannot be read at all."""

    @property
    def usable(self) -> bool:
        """Whether walkthroughs can be played on it (no error; warnings are fine)."""
        return self.script is not None and not any(item.is_error for item in self.diagnostics)


class Scripts:
    """Loads each script once, however many walkthrough files test it."""

    def __init__(self) -> None:
        self._loaded: dict[Path, LoadedScript] = {}

    def get(self, path: Path) -> LoadedScript:
        """The script at ``path``, loaded and checked."""
        key = path.resolve()
        found = self._loaded.get(key)
        if found is None:
            try:
                script, problems = load_and_check(path)
                found = LoadedScript(path, script, problems)
            except FileReadError as error:
                found = LoadedScript(path, None, unreadable=error.message)
            self._loaded[key] = found
        return found

    def all(self) -> list[LoadedScript]:
        """Every script loaded so far, in the order first asked for."""
        return list(self._loaded.values())
