"""Hot reload for script authors: reload a script file when it changes on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from repetition_3422.errors import Repetition3422Error
from repetition_3422.language.model import Script
from repetition_3422.tui.clock import Clock, Ticket
from repetition_3422.tui.ports import ScriptLoader

POLL_SECONDS = 1.0
"""How often the file's modification time is looked at."""

Reloaded = Callable[[Script | Repetition3422Error], None]
"""Told the new script, or why it did not load."""


class ScriptWatcher:
    """Polls a file's modification time and size; loads it again when either changes.

    Polling (rather than inotify and kin) works the same on every system and editor,
    including editors that save by writing a new file and renaming it.
    """

    def __init__(self, path: Path, loader: ScriptLoader, clock: Clock, reloaded: Reloaded) -> None:
        self.path = path
        self._loader = loader
        self._clock = clock
        self._reloaded = reloaded
        self._seen = self._signature()
        self._ticket: Ticket | None = None

    def start(self) -> None:
        """Start polling."""
        if self._ticket is None:
            self._ticket = self._clock.call_every(POLL_SECONDS, self.check)

    def stop(self) -> None:
        """Stop polling."""
        if self._ticket is not None:
            self._ticket.cancel()
            self._ticket = None

    def check(self) -> None:
        """Reload if the file changed since it was last seen."""
        signature = self._signature()
        if signature != self._seen:
            self._seen = signature
            self.reload()

    def reload(self) -> None:
        """Load the file now and report the outcome."""
        self._seen = self._signature()
        try:
            script = self._loader(self.path)
        except Repetition3422Error as error:
            self._reloaded(error)
            return
        self._reloaded(script)

    def _signature(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)
