"""Debrief reports: a rehearsal's outcome, score, rubric and masked transcript, to print or keep."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from repetition_3422.documents.model import Callout, Document, Heading, Paragraph, Table
from repetition_3422.documents.render import DocumentFormat, write_document
from repetition_3422.documents.transcript import read_transcript
from repetition_3422.documents.typography import duration
from repetition_3422.domain.masking import mask_text
from repetition_3422.i18n import _, current_language
from repetition_3422.language.transcript import Transcript


def render_report(transcript: Mapping[str, object], path: Path) -> DocumentFormat:
    """Write the debrief of a rehearsal to ``path`` (``.pdf``, ``.html`` or ``.md``).

    Args:
        transcript: A transcript as the transcript contract describes it (the engine's
            ``Call.transcript()``); its turns are already masked.
        path: The file to write; its extension picks the format.

    Returns:
        The format written.

    Raises:
        UsageError: the extension is unknown, or ``transcript`` breaks the contract.
        FileWriteError: the file cannot be written.
    """
    return write_document(report_document(read_transcript(transcript)), path)


def report_document(transcript: Transcript) -> Document:
    """Build the debrief document of one rehearsal."""
    passed = sum(criterion.passed for criterion in transcript.rubric)
    summary = Callout(
        transcript.outcome.label or transcript.outcome.id,
        (
            _("Score : {score} sur 100").format(score=round(transcript.score)),
            _("Points réussis : {passed} sur {total}").format(
                passed=passed, total=len(transcript.rubric)
            ),
            _("Durée de l'appel : {duration}").format(duration=duration(transcript.duration_s)),
        ),
    )
    return Document(
        title=_("Bilan de ma répétition"),
        subtitle=_subtitle(transcript),
        blocks=(
            summary,
            Heading(_("Ce qui s'est passé, point par point")),
            _rubric_table(transcript),
            Heading(_("Le déroulé de l'appel")),
            Paragraph(
                _("Les numéros sont masqués : ce bilan peut être montré ou imprimé sans risque."),
                style="note",
            ),
            _turns_table(transcript),
        ),
        footer=_("Bilan préparé par repetition-3422 : numéros masqués."),
        lang=current_language(),
    )


def _subtitle(transcript: Transcript) -> str:
    modes = {"practice": _("entraînement"), "real": _("appel réel")}
    parts = [_("Scénario « {scenario} »").format(scenario=transcript.scenario)]
    if transcript.difficulty:
        parts.append(_("niveau {level}").format(level=transcript.difficulty))
    parts.append(_("mode {mode}").format(mode=modes[transcript.mode]))
    return ", ".join(parts) + "."


def _rubric_table(transcript: Transcript) -> Table:
    rows = tuple(
        (
            _("✓ réussi") if criterion.passed else _("✗ à revoir"),
            criterion.label,
            criterion.feedback,
        )
        for criterion in transcript.rubric
    )
    if not rows:
        rows = (("", _("Aucun critère n'a été évalué pour ce scénario."), ""),)
    return Table((_("Résultat"), _("Point observé"), _("Pour la prochaine fois")), rows, (3, 5, 9))


def _turns_table(transcript: Transcript) -> Table:
    speakers = {"adviser": _("Conseiller"), "caller": _("Vous"), "system": _("Appel")}
    rows = tuple(
        (
            _clock(turn.t),
            speakers.get(turn.speaker, turn.speaker),
            mask_text(turn.text) if turn.text.strip() else _("(silence)"),
        )
        for turn in transcript.turns
    )
    if not rows:
        rows = (("", "", _("Aucune parole n'a été enregistrée.")),)
    return Table((_("Temps"), _("Qui"), _("Ce qui a été dit")), rows, (2, 3, 12))


def _clock(seconds: float) -> str:
    """Minutes and seconds since the call began: ``02:05``."""
    minutes, secs = divmod(max(0, int(seconds)), 60)  # a stopwatch: 95.6 s is 01:35
    return f"{minutes:02d}:{secs:02d}"
