"""``repetition-3422 schema``: the JSON Schema of scripts or transcripts, for editors and tools."""

from __future__ import annotations

import click

from repetition_3422.i18n import _


@click.command(
    "schema",
    help=_(
        "Afficher le schéma JSON des scripts (ou des transcriptions avec --of transcript), "
        "pour qu'un éditeur complète et vérifie les fichiers."
    ),
    short_help=_("Schéma JSON des scripts ou des transcriptions."),
)
@click.option(
    "--of",
    "of",
    type=click.Choice(["script", "transcript"]),
    default="script",
    show_default=True,
    help=_("Le schéma voulu."),
)
def schema(of: str) -> None:
    from repetition_3422.language.schema import schema_json

    click.echo(schema_json("transcript" if of == "transcript" else "script"))
