"""``repetition-3422 say TEXT --out FILE.wav``: the adviser's voice written to a WAV file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from repetition_3422.errors import FileWriteError, SpeechUnavailableError, UsageError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _
from repetition_3422.speech.backends import Backend, find_voice, french_voice, open_backend
from repetition_3422.speech.settings import ENGINE_NAMES, EngineName
from repetition_3422.speech.spoken import spoken
from repetition_3422.speech.tones import wav_bytes_seconds


@click.command(
    "say",
    help=_(
        "Écrire TEXT, dit par la voix du conseiller, dans un fichier WAV.\n\n"
        "Les numéros sont lus par groupes, comme au téléphone. Code de sortie 2 quand aucun "
        "moteur n'est utilisable ou que le fichier ne peut pas être écrit."
    ),
)
@click.argument("text")
@click.option(
    "--out", "out", type=click.Path(path_type=Path), required=True, help=_("Fichier WAV à écrire.")
)
@click.option("--voice", default=None, help=_("Voix (voir « repetition-3422 voices »)."))
@click.option(
    "--rate",
    type=click.FloatRange(0.3, 3.0),
    default=1.0,
    show_default=True,
    help=_("Vitesse relative (0.8 plus lent)."),
)
@click.option(
    "--volume", type=click.FloatRange(0.0, 2.0), default=1.0, show_default=True, help=_("Volume.")
)
@click.option(
    "--voice-engine",
    "engine",
    type=click.Choice(ENGINE_NAMES),
    default="auto",
    show_default=True,
    help=_("Moteur de synthèse."),
)
def say(
    text: str, *, out: Path, voice: str | None, rate: float, volume: float, engine: EngineName
) -> None:
    """Write TEXT, spoken by the adviser's voice, to a WAV file."""
    _check_destination(out)
    if not text.strip():
        raise UsageError(_("Le texte à dire est vide."))
    backend = open_backend(engine)
    try:
        data = _render(backend, spoken(text), voice=voice, rate=rate, volume=volume)
    finally:
        backend.close()
    write_atomic(out, data)
    click.echo(
        _("{path} écrit ({seconds:.1f} s).").format(path=out, seconds=wav_bytes_seconds(data))
    )


def _check_destination(out: Path) -> None:
    """Refuse a destination that cannot be written before spending time on synthesis."""
    if out.is_dir():
        raise FileWriteError(_("{path} est un dossier, pas un fichier.").format(path=out))
    folder = out.parent if str(out.parent) else Path()
    if not folder.is_dir():
        raise FileWriteError(_("Le dossier {folder} n'existe pas.").format(folder=folder))


def _render(backend: Backend, text: str, *, voice: str | None, rate: float, volume: float) -> bytes:
    voices = backend.voices()
    default = french_voice(voices)
    if default is None:
        raise SpeechUnavailableError(_("Aucune voix française n'est installée."))
    chosen = find_voice(voice, voices) if voice else default.id
    if chosen is None:
        raise UsageError(
            _("La voix « {voice} » n'est pas installée ; voyez « repetition-3422 voices ».").format(
                voice=voice
            )
        )
    with tempfile.TemporaryDirectory(prefix="repetition-3422-say-") as folder:
        path = Path(folder) / "say.wav"
        backend.synthesize(text, path, voice=chosen, rate=rate, volume=volume)
        return path.read_bytes()
