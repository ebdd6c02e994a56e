"""Running walkthrough files: found in folders, played, and counted for coverage by script."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from repetition_3422.authoring.coverage import Coverage
from repetition_3422.authoring.reader import ReadFile, read_walkthroughs
from repetition_3422.authoring.runner import Outcome, run_walkthrough
from repetition_3422.authoring.scripts import LoadedScript, Scripts
from repetition_3422.errors import FileReadError
from repetition_3422.i18n import _

FOLDER = "walkthroughs"
"""The name of the folders that hold walkthrough files, beside their scripts."""


def walkthrough_files(path: Path) -> list[Path]:
    """The walkthrough files at ``path``: the file itself, or the ``*.yaml`` of the
    ``walkthroughs/`` folders under a folder (all of them when it is one).

    Raises:
        FileReadError: the path does not exist, or the folder holds no walkthrough file.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileReadError(_("{path} n'existe pas.").format(path=path))
    found = sorted(
        item
        for item in path.rglob("*.yaml")
        if item.is_file() and (path.name == FOLDER or FOLDER in item.relative_to(path).parts[:-1])
    )
    if not found:
        raise FileReadError(
            _(
                "Le dossier {path} ne contient aucun fichier de parcours "
                "(*.yaml dans un dossier {folder}/)."
            ).format(path=path, folder=FOLDER)
        )
    return found


@dataclass
class FileRun:
    """One walkthrough file read, and its walkthroughs played (when it could be read)."""

    read: ReadFile
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def playable(self) -> bool:
        """Whether the file and its script were good enough to play."""
        return self.read.file is not None and self.script_ok

    @property
    def script_ok(self) -> bool:
        """Whether the file's script loads without errors."""
        return self.read.script is not None and self.read.script.usable

    @property
    def failed(self) -> int:
        """Walkthroughs that failed (all of them when the script has errors)."""
        if self.read.file is not None and not self.script_ok:
            return len(self.read.file.walkthroughs)
        return sum(not outcome.passed for outcome in self.outcomes)


def run_file(path: Path, scripts: Scripts) -> FileRun:
    """Read and play one walkthrough file.

    Raises:
        FileReadError: the file is missing or unreadable.
    """
    read = read_walkthroughs(path, scripts)
    run = FileRun(read)
    if run.playable and read.file is not None and read.script is not None:
        script = read.script.script
        assert script is not None  # a usable script has a model
        run.outcomes = [run_walkthrough(script, item) for item in read.file.walkthroughs]
    return run


def coverage_by_script(runs: Iterable[FileRun]) -> list[Coverage]:
    """The coverage of each script the runs played, in the order first met."""
    found: dict[Path, Coverage] = {}
    for run in runs:
        loaded: LoadedScript | None = run.read.script
        if not run.playable or loaded is None or loaded.script is None:
            continue
        key = loaded.path.resolve()
        if key not in found:
            found[key] = Coverage.of(loaded.script)
        for outcome in run.outcomes:
            found[key].reached |= outcome.reached
    return list(found.values())
