"""The ``sheet`` command: the one-page aide-mémoire to keep in front of you for the real call."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import click

from repetition_3422.documents.render import render, write_document
from repetition_3422.documents.sheet import aide_memoire
from repetition_3422.documents.transcript import advice, read_transcript_file
from repetition_3422.errors import UsageError
from repetition_3422.i18n import _

_FRENCH_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def parse_letter_date(text: str) -> date:
    """Read a date written ``2026-11-25`` or ``25/11/2026``.

    Raises:
        UsageError: the text is not a date that exists.
    """
    try:
        match = _FRENCH_DATE.fullmatch(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise UsageError(
            _(
                "La date du courrier « {text} » n'existe pas ou est mal écrite : écrivez-la "
                "comme 2026-11-25 ou 25/11/2026."
            ).format(text=text)
        ) from error


def parse_moment(text: str) -> datetime:
    """Read a day and time written ``2026-12-25T10:00`` (or ``2026-12-25 10:00``).

    A time with a zone is turned into this computer's local time.

    Raises:
        UsageError: the text is not a date and time that exist.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise UsageError(
            _(
                "Le moment « {text} » n'existe pas ou est mal écrit : écrivez-le comme "
                "2026-12-25T10:00."
            ).format(text=text)
        ) from error
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


@click.command(
    "sheet",
    help=_(
        "Préparer l'aide-mémoire de l'appel réel : une page A4 avec les cases où recopier "
        "vos numéros à la main, les horaires du 3422, les phrases à dire (dont la demande de "
        "justificatif) et les cases à remplir pendant l'appel. Sans --out, il s'affiche en "
        "texte (Markdown)."
    ),
)
@click.option(
    "--letter-date",
    metavar=_("DATE"),
    default=None,
    help=_(
        "Date d'envoi du courrier ou du courriel (2026-11-25 ou 25/11/2026) : ajoute la date "
        "limite pour refuser et les jours qui restent."
    ),
)
@click.option(
    "--at",
    "at_text",
    metavar=_("MOMENT"),
    default=None,
    help=_(
        "Moment de référence (2026-12-25T10:00), maintenant par défaut : donne la prochaine "
        "ouverture de la ligne."
    ),
)
@click.option(
    "--advice-from",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_(
        "Transcription JSON d'une répétition (--transcript) : reprend ses conseils, jamais "
        "vos numéros."
    ),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_("Fichier à écrire : .pdf (à imprimer), .html ou .md."),
)
def sheet(
    letter_date: str | None, at_text: str | None, advice_from: Path | None, out: Path | None
) -> None:
    """Write the aide-mémoire to ``out``, or print it as Markdown."""
    at = parse_moment(at_text) if at_text is not None else datetime.now().replace(microsecond=0)
    letter = parse_letter_date(letter_date) if letter_date is not None else None
    if letter is not None and letter > at.date():
        raise UsageError(
            _(
                "La date du courrier ({letter}) est après le jour de référence ({today}) : "
                "vérifiez-la."
            ).format(letter=letter.isoformat(), today=at.date().isoformat())
        )
    tips = advice(read_transcript_file(advice_from)) if advice_from is not None else []
    document = aide_memoire(at=at, letter_date=letter, advice=tips)
    if out is None:
        click.echo(render(document, "md").decode("utf-8"), nl=False)
        return
    written = write_document(document, out)
    click.echo(_("Aide-mémoire écrit dans {path}.").format(path=out))
    if written == "pdf":
        click.echo(_("Imprimez-le et recopiez vos numéros à la main avant l'appel."))
    elif written == "html":
        click.echo(_("Ouvrez-le dans un navigateur pour l'imprimer."))
