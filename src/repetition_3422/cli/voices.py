"""``repetition-3422 voices``: the speech engines and voices installed on this machine."""

from __future__ import annotations

import click

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.i18n import _
from repetition_3422.speech.backends import Voice, french_voice, no_engine_message, open_backend
from repetition_3422.speech.settings import AUTO_ORDER, ENGINE_NAMES, EngineName


@click.command(
    "voices",
    help=_(
        "Lister les voix de synthèse installées (moteur, voix, langue, nom).\n\n"
        "La voix marquée « * » est celle que chaque moteur prend par défaut. Code de sortie 2 "
        "quand aucun moteur n'est utilisable."
    ),
)
@click.option(
    "--voice-engine",
    "engine",
    type=click.Choice(ENGINE_NAMES),
    default="auto",
    help=_("N'afficher que ce moteur (auto : tous)."),
)
@click.option(
    "--all", "all_languages", is_flag=True, help=_("Toutes les langues, pas seulement le français.")
)
def voices(engine: EngineName, all_languages: bool) -> None:
    """List the installed speech voices."""
    names: tuple[EngineName, ...] = AUTO_ORDER if engine == "auto" else (engine,)
    listings = [_listing(name) for name in names]
    usable = [listing for listing in listings if listing is not None]
    if not usable:
        raise SpeechUnavailableError(no_engine_message())
    rows = [
        (mark, voice)
        for listing in usable
        for mark, voice in listing
        if all_languages or voice.language.startswith("fr")
    ]
    table = [(_("moteur"), _("voix"), _("langue"), _("nom"))]
    table += [(f"{mark}{v.engine}", v.id, v.language, v.name) for mark, v in rows]
    widths = [max(len(row[column]) for row in table) for column in range(3)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[3]]))
    click.echo(_("* voix choisie par défaut"))


def _listing(name: EngineName) -> list[tuple[str, Voice]] | None:
    """The engine's voices, the default one marked; ``None`` when the engine does not work."""
    try:
        backend = open_backend(name)
    except SpeechUnavailableError:
        return None
    try:
        listed = backend.voices()
    except SpeechUnavailableError:
        return None
    finally:
        backend.close()
    default = french_voice(listed)
    return [("* " if voice == default else "  ", voice) for voice in listed]
