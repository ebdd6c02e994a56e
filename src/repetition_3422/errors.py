"""The project's exceptions: one base class, a subclass per kind of failure, each with an exit code.

The CLI catches :class:`Repetition3422Error` and prints ``str(error)`` (a French sentence,
already translated) on stderr, then exits with :attr:`Repetition3422Error.exit_code`.
"""

from __future__ import annotations

from typing import ClassVar

BAD_INPUT = 2
"""Exit code for input the program cannot use (contract table: "2 bad input")."""

PROBLEMS_FOUND = 1
"""Exit code for a check that ran and found problems."""


class Repetition3422Error(Exception):
    """Base of every error the program reports to a person as a sentence."""

    exit_code: ClassVar[int] = BAD_INPUT

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n{self.hint}"


class UsageError(Repetition3422Error):
    """An option or argument that cannot be used as given."""


class FileReadError(Repetition3422Error):
    """A file that does not exist, cannot be read, or is not text."""


class FileWriteError(Repetition3422Error):
    """A file that cannot be written (folder missing, no permission, disk full)."""


class IdentityError(Repetition3422Error):
    """An identity file whose content does not follow the identity contract."""


class ScriptError(Repetition3422Error):
    """A dialogue script that cannot be loaded; carries every problem found."""

    exit_code: ClassVar[int] = PROBLEMS_FOUND


class UnknownScenarioError(Repetition3422Error):
    """A scenario name that is neither a shipped id nor a readable path."""


class SpeechUnavailableError(Repetition3422Error):
    """No speech engine can be used on this machine."""
