"""Past attempts, kept as JSON in the user data folder: never a personal number."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from repetition_3422.errors import FileWriteError
from repetition_3422.files import write_atomic
from repetition_3422.settings import set_aside

DATA_DIR_VARIABLE = "REPETITION_3422_DATA_DIR"
"""Environment variable that moves the data folder (tests point it at a temporary one)."""

HISTORY_FILE = "history.json"
"""Name of the history file inside the data folder."""

KEEP = 500
"""How many attempts are kept; older ones are dropped when a new one is added."""

FORMAT_VERSION = 1
"""Version of the history file's layout."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One rehearsal: what was played and how it went, without any number the caller gave.

    Attributes:
        scenario: Script id.
        date: Local date and time the call ended, ISO 8601 to the second.
        difficulty: Level played.
        mode: ``practice`` or ``real``.
        outcome: Outcome id (``opposition-enregistree``…).
        score: 0–100.
        failed: Ids of the rubric criteria that were not met.
    """

    scenario: str
    date: str
    difficulty: str
    mode: str
    outcome: str
    score: int
    failed: tuple[str, ...] = ()


def data_dir() -> Path:
    """The folder holding the history: ``$REPETITION_3422_DATA_DIR`` or the platform's."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("repetition-3422", appauthor=False))


def history_path() -> Path:
    """Where the history file lives."""
    return data_dir() / HISTORY_FILE


class History:
    """The list of past attempts, oldest first, written back on every change.

    Attributes:
        path: The JSON file.
        set_aside: Where an unreadable file was moved when it was loaded, if it was.
    """

    def __init__(
        self, path: Path, attempts: Iterable[Attempt] = (), set_aside: Path | None = None
    ) -> None:
        self.path = path
        self.set_aside = set_aside
        self._attempts = list(attempts)

    @property
    def attempts(self) -> tuple[Attempt, ...]:
        """Every kept attempt, oldest first."""
        return tuple(self._attempts)

    def for_scenario(self, scenario: str, limit: int = 5) -> tuple[Attempt, ...]:
        """The ``limit`` most recent attempts at ``scenario``, newest first."""
        mine = [attempt for attempt in reversed(self._attempts) if attempt.scenario == scenario]
        return tuple(mine[:limit])

    def add(self, attempt: Attempt) -> None:
        """Record an attempt and save the file.

        Raises:
            FileWriteError: the data folder cannot be written.
        """
        self._attempts = [*self._attempts, attempt][-KEEP:]
        self.save()

    def clear(self) -> None:
        """Forget every attempt and delete the file."""
        self._attempts = []
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise FileWriteError(str(error)) from error

    def save(self) -> None:
        """Write the file atomically, creating the data folder when needed."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FileWriteError(str(error)) from error
        document = {
            "version": FORMAT_VERSION,
            "attempts": [_to_json(attempt) for attempt in self._attempts],
        }
        write_atomic(self.path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def load_history(path: Path | None = None) -> History:
    """Read the history; a missing file is an empty history.

    A file that cannot be read as a history is renamed ``history.json.corrupt-<date>``
    (kept for whoever wants to look at it) and an empty history starts; entries that are
    malformed inside a readable file are skipped.
    """
    target = path or history_path()
    try:
        document = json.loads(target.read_text(encoding="utf-8"))
        entries = document["attempts"]
        if not isinstance(entries, list):
            raise TypeError(entries)
    except FileNotFoundError:
        return History(target)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return History(target, set_aside=set_aside(target))
    return History(target, (a for a in map(_from_json, entries) if a is not None))


def _to_json(attempt: Attempt) -> dict[str, Any]:
    data = asdict(attempt)
    data["failed"] = list(attempt.failed)
    return data


def _from_json(entry: Any) -> Attempt | None:
    if not isinstance(entry, dict):
        return None
    try:
        attempt = Attempt(
            scenario=str(entry["scenario"]),
            date=str(entry["date"]),
            difficulty=str(entry["difficulty"]),
            mode=str(entry["mode"]),
            outcome=str(entry["outcome"]),
            score=int(entry["score"]),
            failed=tuple(str(item) for item in entry.get("failed", ())),
        )
    except (KeyError, TypeError, ValueError):
        return None
    return attempt
