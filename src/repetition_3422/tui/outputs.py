"""What a finished call leaves behind: the history entry, and the files asked for."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from repetition_3422.errors import Repetition3422Error
from repetition_3422.files import write_atomic
from repetition_3422.history import Attempt

if TYPE_CHECKING:
    from collections.abc import Sequence

    from repetition_3422.authoring.model import Action as WalkthroughAction
    from repetition_3422.engine.result import CallResult
    from repetition_3422.tui.ports import RunningCall
    from repetition_3422.tui.rehearsal import Rehearsal

DocumentWriter = Callable[[Path], Any]
"""Writes one document to the path given."""

Recorder = Callable[["RunningCall", "Sequence[WalkthroughAction]"], None]
"""Writes a finished call as a walkthrough (``play --record``): the call, the caller's steps."""


@dataclass(frozen=True, slots=True)
class CallOutputs:
    """Files ``play`` was asked to write after the call (``--transcript``, ``--report``,
    ``--record``)."""

    transcript: Path | None = None
    report: Path | None = None
    record: Recorder | None = None

    def write_record(self, call: RunningCall, steps: Sequence[WalkthroughAction]) -> list[str]:
        """Write the call as a walkthrough, if asked; a sentence if that failed."""
        if self.record is None:
            return []
        try:
            self.record(call, steps)
        except Repetition3422Error as error:
            return [str(error)]
        return []

    def write(self, transcript: Mapping[str, Any]) -> list[str]:
        """Write the files; return a sentence for each that failed."""
        problems: list[str] = []
        try:
            if self.transcript is not None:
                text = json.dumps(transcript, ensure_ascii=False, indent=2) + "\n"
                write_atomic(self.transcript, text)
            if self.report is not None:
                report_writer()(transcript, self.report)
        except Repetition3422Error as error:
            problems.append(str(error))
        return problems


def record_attempt(
    rehearsal: Rehearsal, scenario: str, difficulty: str, result: CallResult
) -> str | None:
    """Add the call to the history (no number the caller gave); a sentence if it failed."""
    attempt = Attempt(
        scenario=scenario,
        date=rehearsal.clock.wall().isoformat(timespec="seconds"),
        difficulty=difficulty,
        mode=rehearsal.mode,
        outcome=result.outcome,
        score=int(result.score),
        failed=tuple(criterion.id for criterion in result.missed),
    )
    return rehearsal.record(attempt)


def debrief_writers(
    rehearsal: Rehearsal, transcript: Mapping[str, Any], result: CallResult
) -> tuple[DocumentWriter | None, DocumentWriter | None]:
    """The debrief's « enregistrer » and « aide-mémoire » actions, where the documents exist."""
    save_report: DocumentWriter | None = None
    if rehearsal.report_writer is not None or _exists("repetition_3422.documents.report"):

        def save_report(path: Path) -> Any:
            writer = rehearsal.report_writer or report_writer()
            return writer(transcript, path)

    save_sheet: DocumentWriter | None = None
    if _exists("repetition_3422.documents.sheet"):

        def save_sheet(path: Path) -> Any:
            from repetition_3422.documents.render import write_document
            from repetition_3422.documents.sheet import aide_memoire

            advice = [criterion.feedback for criterion in result.missed]
            return write_document(aide_memoire(at=rehearsal.clock.wall(), advice=advice), path)

    return save_report, save_sheet


def report_writer() -> Callable[[Mapping[str, Any], Path], Any]:
    """``documents.report.render_report``, imported only when a report is written (fpdf)."""
    from repetition_3422.documents import report

    writer: Callable[[Mapping[str, Any], Path], Any] = report.render_report
    return writer


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False
