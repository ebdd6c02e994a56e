"""The pieces of a debrief: the summary line, the rubric with ✓/✗, the masked transcript."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.content import Content
from textual.widgets import Static

from repetition_3422.engine.result import CallResult, CriterionResult
from repetition_3422.i18n import _
from repetition_3422.tui.translate import N_
from repetition_3422.tui.widgets.call_status import clock_text
from repetition_3422.tui.widgets.scenario_info import MODE_LABELS

SPEAKER_LABELS = {"adviser": N_("Conseiller·e"), "caller": N_("Vous"), "system": N_("Appel")}
"""Who speaks in the transcript contract, as the debrief names them (French source)."""


class Summary(Static):
    """Outcome, score, time taken, level and mode."""

    def show(self, result: CallResult, difficulty: str, mode: str) -> None:
        """Display the headline of the debrief."""
        self.update(
            Content.assemble(
                (_("Issue : "), "bold"),
                result.outcome_label or _("appel interrompu"),
                "\n",
                (_("Score : "), "bold"),
                f"{result.score}/100",
                "   ",
                (_("Durée : "), "bold"),
                clock_text(result.duration_s),
                "   ",
                (_("Niveau : "), "bold"),
                difficulty,
                " · ",
                _(MODE_LABELS.get(mode, mode)),
            )
        )


class Rubric(Static):
    """Each criterion with a clear ✓ or ✗ and what to keep or change."""

    def show(self, criteria: Sequence[CriterionResult]) -> None:
        """Display ``criteria`` in the script's order."""
        if not criteria:
            self.update(_("Aucun critère ne s'appliquait à cet appel."))
            return
        parts: list[Content | str] = []
        for criterion in criteria:
            mark = ("✓ ", "bold $success") if criterion.passed else ("✗ ", "bold $error")
            if parts:
                parts.append("\n")
            parts += [Content.styled(*mark), Content.styled(criterion.label, "bold")]
            if criterion.feedback:
                parts += ["\n  ", criterion.feedback]
        self.update(Content.assemble(*parts))


class MaskedTranscript(Static):
    """The transcript as saved: NIR, code and serial masked."""

    def show(self, transcript: Mapping[str, Any]) -> None:
        """Display the turns of the transcript contract."""
        parts: list[Content | str] = []
        for turn in transcript.get("turns", []):
            speaker = str(turn.get("speaker", ""))
            who = _(SPEAKER_LABELS.get(speaker, speaker))
            if parts:
                parts.append("\n")
            parts += [
                Content.styled(f"{clock_text(float(turn.get('t', 0)))} ", "dim"),
                Content.styled(f"{who} : ", "bold"),
                str(turn.get("text", "")),
            ]
        self.update(Content.assemble(*parts) if parts else _("Transcription vide."))
