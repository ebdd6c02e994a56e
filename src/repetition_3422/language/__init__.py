"""The dialogue language: YAML → marked nodes → typed frozen model → checks.

The façade: :func:`load` for a script the engine can run, :func:`load_and_check` for the
tools that report every problem, :func:`check` for a model built otherwise. Heavy modules
are imported on first call, so importing :mod:`repetition_3422.language.model` stays cheap.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repetition_3422.language.diagnostics import Diagnostic
    from repetition_3422.language.model import Script

__all__ = ["check", "load", "load_and_check"]


def load_and_check(path: Path | str) -> tuple[Script | None, list[Diagnostic]]:
    """Load ``path`` and check it: the script (None if it cannot be built) and every problem.

    Raises:
        FileReadError: ``path`` itself is missing or unreadable (an unreadable include is a
            problem in the list).
    """
    with _collector_paused():  # the first call's imports make many objects too
        from repetition_3422.language.checks import check as check_script
        from repetition_3422.language.diagnostics import sort_key
        from repetition_3422.language.loader import read_script

        loaded = read_script(Path(path))
        found = list(loaded.diagnostics)
        if loaded.script is not None:
            found += check_script(loaded.script, fragment=loaded.fragment, places=loaded.places)
    return loaded.script, sorted(found, key=sort_key)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a script is built.

    Loading creates hundreds of thousands of small objects and no garbage cycles worth
    chasing; the collector would otherwise walk them again and again (on a 5,000-state
    script it more than doubles the time). It is restored afterwards, as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(path: Path | str) -> Script:
    """The script in ``path``, checked; warnings do not stop it.

    Raises:
        FileReadError: ``path`` is missing or unreadable.
        ScriptError: the script has errors; ``error.diagnostics`` lists every problem.
    """
    from repetition_3422.language.loader import script_error

    script, found = load_and_check(path)
    if script is None or any(item.is_error for item in found):
        raise script_error(Path(path), found)
    return script


def check(script: Script, *, fragment: bool = False) -> list[Diagnostic]:
    """Every problem of an already compiled ``script`` (see :func:`checks.check`)."""
    from repetition_3422.language.checks import check as check_script

    return check_script(script, fragment=fragment)
