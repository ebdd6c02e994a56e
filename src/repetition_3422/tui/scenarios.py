"""The scenarios the app offers: listed from their summaries, each read in full when needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from repetition_3422.language.summaries import ScenarioSummary, summary_of

if TYPE_CHECKING:
    from repetition_3422.language.model import Script

ScriptReader = Callable[[Path], "Script"]
"""Reads a script file in full (raises ``ScriptError`` when it cannot be used)."""


class Scenarios(MutableMapping[str, "Script"]):
    """Scripts by id, in the order the home screen lists them, read on first use.

    The home screen needs only each scenario's summary (title, description, length,
    levels); reading every script in full before showing it would double the time the
    app takes to open. A script given whole (tests, ``play PATH``, a reload) is kept as is.
    """

    def __init__(
        self,
        scripts: Iterable[Script] = (),
        *,
        summaries: Iterable[ScenarioSummary] = (),
        read: ScriptReader | None = None,
    ) -> None:
        """Start from ``scripts`` already read and ``summaries`` of others.

        Args:
            scripts: Scripts already read, listed first.
            summaries: Scenarios to read with ``read`` when first needed.
            read: Reads a summary's file.
        """
        self._summaries: dict[str, ScenarioSummary] = {}
        self._scripts: dict[str, Script] = {}
        self._read = read
        for script in scripts:
            self[script.id] = script
        for item in summaries:
            self._summaries.setdefault(item.id, item)

    def summary(self, scenario_id: str) -> ScenarioSummary:
        """What the home screen shows of ``scenario_id`` (nothing is read).

        Raises:
            KeyError: no such scenario.
        """
        return self._summaries[scenario_id]

    def summaries(self) -> list[ScenarioSummary]:
        """Every scenario's summary, in order."""
        return list(self._summaries.values())

    def __getitem__(self, scenario_id: str) -> Script:
        """The script, read now if it was not yet.

        Raises:
            KeyError: no such scenario.
            ScriptError: its file cannot be used (``read``'s error).
        """
        script = self._scripts.get(scenario_id)
        if script is None:
            path = self._summaries[scenario_id].path
            if path is None or self._read is None:
                raise KeyError(scenario_id)
            script = self._scripts[scenario_id] = self._read(path)
        return script

    def __setitem__(self, scenario_id: str, script: Script) -> None:
        self._scripts[scenario_id] = script
        self._summaries[scenario_id] = summary_of(script)

    def __delitem__(self, scenario_id: str) -> None:
        del self._summaries[scenario_id]
        self._scripts.pop(scenario_id, None)

    def __contains__(self, scenario_id: object) -> bool:
        return scenario_id in self._summaries

    def __iter__(self) -> Iterator[str]:
        return iter(self._summaries)

    def __len__(self) -> int:
        return len(self._summaries)
