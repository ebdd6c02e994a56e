"""What the home screen says of a scenario: its description, length and past attempts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from repetition_3422.i18n import _, ngettext
from repetition_3422.tui.translate import N_

if TYPE_CHECKING:
    from repetition_3422.history import Attempt
    from repetition_3422.language.summaries import ScenarioSummary

MODE_LABELS = {"practice": N_("entraînement"), "real": N_("comme en vrai")}
"""How a mode is named in a list of attempts (French source strings)."""


def attempt_line(attempt: Attempt, labels: Mapping[str, str]) -> str:
    """``03/03 10:05 · moyen · entraînement · 72/100 · à revoir : Demander le justificatif``.

    Args:
        attempt: A past attempt.
        labels: The labels of the scenario's criteria by id (an id is shown as is without).
    """
    try:
        when = datetime.fromisoformat(attempt.date).strftime("%d/%m %H:%M")
    except ValueError:
        when = attempt.date
    missed = ", ".join(labels.get(failed, failed) for failed in attempt.failed)
    parts = [
        when,
        attempt.difficulty,
        _(MODE_LABELS.get(attempt.mode, attempt.mode)),
        f"{attempt.score}/100",
    ]
    if missed:
        parts.append(_("à revoir : {criteria}").format(criteria=missed))
    return " · ".join(parts)


class ScenarioInfo(Static):
    """Title, description, length and the last attempts at one scenario."""

    def show(
        self,
        script: ScenarioSummary,
        attempts: Sequence[Attempt],
        labels: Mapping[str, str] | None = None,
    ) -> None:
        """Display a scenario and ``attempts`` (newest first; ``labels``: its criteria's)."""
        minutes = round(script.duration_min)
        length = ngettext("environ {n} minute", "environ {n} minutes", minutes).format(n=minutes)
        parts: list[Content | str] = [
            Content.styled(script.title, "bold"),
            "\n",
            Content.styled(_("Durée : {length}").format(length=length), "italic"),
            "\n\n",
            script.description.strip(),
            "\n\n",
            Content.styled(_("Vos derniers essais"), "bold"),
        ]
        if not attempts:
            parts += ["\n", _("Aucun essai pour l'instant.")]
        for attempt in attempts:
            parts += ["\n• ", attempt_line(attempt, labels or {})]
        self.update(Content.assemble(*parts))
